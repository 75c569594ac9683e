"""Plans versus what was feasible versus what happened (``planner compare``).

The comparison is built by the C++ library (planner/report/) with the same options and
solvers as the command line; its JSON — the bytes of ``planner compare --format json`` — is
parsed here, and the tables a notebook wants are cut from it.
"""
from __future__ import annotations

import json
import os
from typing import Any, List, Optional, Union

from . import _core
from ._labels import pd, records
from .plan import Plan, read_plan

PathLike = Union[str, "os.PathLike[str]"]


class Comparison:
    """Several plans side by side: goals, what the plan LP could reach (fulfilment λ, the
    frontiers), what history recorded, the ratios, and what bound the unmet goals.

    Attributes:
        json: the comparison exactly as ``planner compare --format json`` writes it.
        plans: ``json["plans"]``, one dict per plan.
    """

    def __init__(self, core: Any):
        self._core = core
        self.json = json.loads(core.to_json())
        self.plans: List[dict] = self.json["plans"]

    def __repr__(self) -> str:
        lam = ", ".join(f"{p['name']}: λ = {p['fulfilment']}" for p in self.plans)
        return f"<planner.Comparison {lam}>"

    def _per_plan(self, key: str) -> Any:
        rows = [dict(plan=p["name"], **r) for p in self.plans for r in p.get(key, [])]
        if pd is None:
            return rows
        df = pd.DataFrame.from_records(rows)
        return df.set_index(["plan", "id"]) if "id" in df.columns else df

    @property
    def summary(self) -> Any:
        """One row per plan: status, fulfilment λ, goal year, trade values."""
        keys = ["name", "file", "status", "fulfilment", "base_year", "goal_year", "imports_value", "exports_value"]
        rows = [{k: p.get(k) for k in keys} for p in self.plans]
        df = records(rows, keys)
        return df.set_index("name") if pd is not None else df

    @property
    def products(self) -> Any:
        """Every product of every plan (index plan, id): base, goal, feasible, frontiers,
        actual and the ratios goal_fulfilment, feasibility_gap, realised_share."""
        return self._per_plan("products")

    @property
    def binding(self) -> Any:
        """The binding rows of every plan with their shadow prices (∂λ per unit), largest first."""
        return self._per_plan("binding")

    @property
    def scenarios(self) -> Any:
        """The re-solves (by the actual year, without the consumption floor, without exports)."""
        return self._per_plan("scenarios")

    @property
    def sources(self) -> List[dict]:
        """Every source cited, with what cites it."""
        return self.json["sources"]

    def to_html(self) -> str:
        """The self-contained HTML report (``--format html``)."""
        return self._core.to_html()

    def to_markdown(self) -> str:
        """The report as Markdown (``--format md``)."""
        return self._core.to_markdown()

    def to_text(self) -> str:
        """The report as a terminal table (``--format table``)."""
        return self._core.to_text()

    def to_csv(self) -> str:
        """One row per plan × product (``--format csv``)."""
        return self._core.to_csv()

    def write_html(self, path: PathLike) -> None:
        """Writes the HTML report to ``path`` atomically (a failure leaves no half-written file)."""
        self._core.write_html(os.fspath(path))

    def _repr_html_(self) -> str:
        return self.to_html()


def compare(*plans: Union[Plan, PathLike], html: Optional[PathLike] = None, by_actual_year: bool = True,
            no_consumption_floor: bool = False, no_exports: bool = False, frontiers: bool = True,
            history: bool = True, time_limit: Optional[float] = None,
            iteration_limit: Optional[int] = None, cost_frontier: bool = True) -> Comparison:
    """Compares plans with what was feasible and what happened, as ``planner compare`` does.

    Args:
        plans: Plan objects or plan files.
        html: also write the HTML report there.
        by_actual_year: re-solve truncated to the year of the recorded outcomes.
        no_consumption_floor: also re-solve without the exogenous demand (``--no-consumption-floor``).
        no_exports: also re-solve without paid exports (``--no-exports``).
        frontiers: the per-product frontiers (``--no-frontiers`` when False).
        history: the history test and frontier (b) (``--no-history`` when False).
        time_limit, iteration_limit: limits per LP (None: none).
        cost_frontier: heavy industry against consumption, one frontier per model, in ``json``
            (``"cost_frontiers"``) and the HTML (``--no-cost-frontier`` when False).

    Raises:
        PlannerError: a bad plan file, a limit reached.
        KeyboardInterrupt: Ctrl-C (the GIL is released while the plans are solved).
    """
    if not plans:
        raise TypeError("compare() needs at least one plan")
    loaded = [p if isinstance(p, Plan) else read_plan(p) for p in plans]
    core = _core.compare([p._core for p in loaded], by_actual_year, no_consumption_floor, no_exports, frontiers,
                         history, time_limit or 0.0, iteration_limit or 0, cost_frontier)
    result = Comparison(core)
    if html is not None:
        result.write_html(html)
    return result


__all__ = ["Comparison", "compare"]
