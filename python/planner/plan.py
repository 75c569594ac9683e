"""Plans and their solution: the dynamic Leontief LP solved with COIN-OR CLP.

The solve runs in the C++ library with the GIL released (Ctrl-C interrupts it); its result
arrives as the library's JSON (spec §4) and is turned into DataFrames here, key by key, so
whatever the library reports is available — ``solution.json`` holds all of it.
"""
from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Union

from . import _core
from ._errors import InfeasiblePlan, PlannerError
from ._labels import is_year_series, pd, records, year_series
from .economy import Economy

PathLike = Union[str, "os.PathLike[str]"]


def _convert(value: Any) -> Any:
    """Spec §4 series → DataFrame ids × years; lists of records → DataFrame; dicts recursively."""
    if is_year_series(value):
        return year_series(value)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return records(value)
    if isinstance(value, dict):
        return {k: _convert(v) for k, v in value.items()}
    return value


class PlanSolution:
    """The solved plan (``planner solve --format json``), labelled.

    Every key of the JSON is an attribute: series by sector and year (``output``,
    ``capacity``, ``capacity_additions``, ``stock``, ``exports``, ``imports``,
    ``consumption``, ``resource_use``, ``resource_limits``) are DataFrames ids × years;
    ``shadow_prices`` is a dict of them (``balance``, ``capacity``, ``resource``) plus
    ``other`` (terminal, goal, currency rows); ``binding`` lists the binding rows with their
    shadow prices (gain in the objective per unit the row is relaxed).

    Attributes:
        json: the result exactly as the library wrote it.
    """

    def __init__(self, result: dict):
        self.json = result
        self._converted: Dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self.__dict__.get("json", {}):
            raise AttributeError(name)
        if name not in self._converted:
            self._converted[name] = _convert(self.json[name])
        return self._converted[name]

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self.json))

    def __repr__(self) -> str:
        return f"<planner.PlanSolution {self.status}: {self.objective_kind} = {self.json.get('objective')}>"

    @property
    def status(self) -> str:
        """"optimal", "infeasible", "unbounded" or "error"."""
        return self.json["status"]

    @property
    def objective(self) -> Optional[float]:
        """The objective's value at the optimum (constant terms included)."""
        return self.json.get("objective")

    def shadow_price(self, row: str) -> Optional[float]:
        """The shadow price of an LP row by name: "balance[coal,3]", "capacity[steel,2]",
        "labour[4]", "terminal[coal]" …; None when the row has none."""
        return self._row_prices().get(row)

    def _row_prices(self) -> Dict[str, float]:
        if "_prices" not in self._converted:
            sp = self.json.get("shadow_prices", {})
            prices: Dict[str, float] = {}
            for kind in ("balance", "capacity"):
                for id_, years in sp.get(kind, {}).items():
                    for t, v in years.items():
                        prices[f"{kind}[{id_},{t}]"] = v
            for id_, years in sp.get("resource", {}).items():
                for t, v in years.items():
                    prices[f"{id_}[{t}]"] = v
            prices.update(sp.get("other", {}))
            self._converted["_prices"] = prices
        return self._converted["_prices"]

    @property
    def binding(self) -> Any:
        """The binding rows and their shadow prices (a DataFrame ``row``, ``shadow_price``)."""
        rows = self.json.get("binding", [])
        prices = self._row_prices()
        return records([{"row": r, "shadow_price": prices.get(r)} for r in rows], ["row", "shadow_price"])


class Plan:
    """A plan on an economy (plan.toml, spec §2–3): horizon, objective, goals, actuals.

    Read one with :func:`read_plan`; ``solve()`` it, or :func:`planner.compare` several.
    """

    def __init__(self, core: Any):
        self._core = core

    def __repr__(self) -> str:
        return f"<planner.Plan {self.name!r}: {self.objective}, {self.years} years on {self.economy.name!r}>"

    @property
    def name(self) -> str:
        """The plan's name."""
        return self._core.name

    @property
    def file(self) -> str:
        """The plan file."""
        return self._core.file

    @property
    def model_file(self) -> str:
        """The model file the plan is for."""
        return self._core.model_file

    @property
    def years(self) -> int:
        """T, the plan's years."""
        return self._core.years

    @property
    def objective(self) -> str:
        """The objective's kind: "max-capacity", "max-fulfilment", …"""
        return self._core.objective

    @property
    def economy(self) -> Economy:
        """The plan's economy, with the plan's overrides applied."""
        return Economy._wrap(self._core.economy)

    @property
    def goals(self) -> Any:
        """The stated goals (id, sector or group, target or multiple, plan year, source)."""
        rows = [{"id": g.id, "sector": g.sector, "group": g.group, "target": g.target, "multiple": g.multiple,
                 "year": g.year, "source": g.source} for g in self._core.goals]
        return records(rows, ["id", "sector", "group", "target", "multiple", "year", "source"])

    def solve(self, *, time_limit: Optional[float] = None, iteration_limit: Optional[int] = None,
              algorithm: str = "by-size", presolve: bool = True, scaling: bool = True) -> PlanSolution:
        """Solves the plan's LP (``planner solve``), with the GIL released; Ctrl-C interrupts it.

        Args:
            time_limit: seconds of solver time per LP (None: no limit).
            iteration_limit: simplex iterations per LP (None: no limit).
            algorithm: "by-size", "dual", "primal", "barrier" or "automatic".
            presolve, scaling: CLP's presolve and scaling.

        Returns:
            The optimal solution.

        Raises:
            InfeasiblePlan: the plan has no optimum; ``.diagnosis`` says what must move.
            PlannerError: a limit was reached or the solver failed (code 4).
            KeyboardInterrupt: Ctrl-C.
        """
        answer = _core.solve(self._core, time_limit or 0.0, iteration_limit or 0, algorithm, presolve, scaling)
        solution = PlanSolution(json.loads(answer.json))
        if answer.error:
            if solution.status in ("infeasible", "unbounded"):
                raise InfeasiblePlan(answer.error, answer.code, self.file, solution.status,
                                     solution.json.get("diagnosis", {}), solution)
            raise PlannerError(answer.error, answer.code, self.file, "", answer.error)
        return solution


def read_plan(path: PathLike, model: Union[None, PathLike, Economy] = None) -> Plan:
    """Reads a plan file and its model (spec §3), as ``planner solve`` does.

    Args:
        path: the plan file.
        model: optionally, the model the plan must be for (a model file or an Economy read
            from one): a plan whose model is another file is refused.

    Raises:
        PlannerError: the file, line or key and what was wrong, as the CLI prints it.
    """
    plan = Plan(_core.read_plan(os.fspath(path)))
    if model is not None:
        expected = model.file if isinstance(model, Economy) else os.fspath(model)
        if not expected or not os.path.exists(expected) or not os.path.samefile(expected, plan.model_file):
            message = f"the plan is for the model {plan.model_file}, not {expected or 'an economy built from arrays'}"
            raise PlannerError(f"{plan.file}: {message}", 2, plan.file, "model", message)
    return plan


__all__ = ["Plan", "PlanSolution", "read_plan"]
