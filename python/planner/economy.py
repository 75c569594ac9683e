"""Economies and their static input–output analysis, labelled by sector id.

Every number is computed by the C++ library (planner/analysis/); this module only labels
the arrays it returns and accepts numpy arrays or pandas objects as input.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import _core
from ._errors import PlannerError
from ._labels import frame, have_pandas, ids_from_labels, labels_of, pd, series, table, to_vector

PathLike = Union[str, "os.PathLike[str]"]


def _bad(where: str, message: str) -> PlannerError:
    return PlannerError(f"{where}: {message}", 2, "", where, message)


def _matrix(value: Any, what: str) -> np.ndarray:
    """A float64 matrix, column-major when it can be had without a copy (a DataFrame of one float block)."""
    try:
        arr = value.to_numpy(dtype=np.float64) if hasattr(value, "to_numpy") else np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise _bad(what, f"expected numbers, got {e}") from None
    if arr.ndim != 2:
        raise _bad(what, f"expected a matrix (2 dimensions), got {arr.ndim} dimension(s) of shape {arr.shape}")
    return arr


def _vector(value: Any, what: str, index: Any = None) -> np.ndarray:
    """A float vector; a Series or one-column DataFrame (pymrio's x) is aligned to ``index``."""
    if pd is not None and isinstance(value, pd.DataFrame):
        if value.shape[1] != 1:
            raise _bad(what, f"expected one column (pymrio's x has `indout`), got {value.shape[1]}")
        value = value.iloc[:, 0]
    if pd is not None and isinstance(value, pd.Series) and index is not None:
        if not value.index.equals(index):
            missing = index.difference(value.index)
            if len(missing):
                raise _bad(what, f"no value for sector(s) {', '.join(map(str, list(missing)[:5]))}")
            unknown = value.index.difference(index)
            if len(unknown):
                raise _bad(what, f"unknown sector(s) {', '.join(map(str, list(unknown)[:5]))}")
            value = value.reindex(index)
    try:
        arr = value.to_numpy(dtype=np.float64) if hasattr(value, "to_numpy") else np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise _bad(what, f"expected numbers, got {e}") from None
    if arr.ndim != 1:
        raise _bad(what, f"expected a vector (one value per sector), got shape {arr.shape}")
    return arr


@dataclass
class Impact:
    """The impact of a change Δf in final demand: Δx = L·Δf (``planner impact``).

    Attributes:
        table: per sector, ``demand_change`` Δf and ``output_change`` Δx.
        total_output_change: Σ Δx.
        resource_change: each resource's change k_r·Δx, by resource id.
    """

    table: Any
    total_output_change: float
    resource_change: Any

    @property
    def output_change(self) -> Any:
        """Δx by sector."""
        return self.table["output_change"]


@dataclass
class Extraction:
    """Hypothetical extraction (``planner extract``): the output the economy loses without some sectors.

    Attributes:
        extracted: ids of the removed sectors.
        table: per sector, ``baseline_output`` (x = L·f), ``extracted_output`` and ``loss``.
        total_loss: Σ loss.
        total_loss_share: total_loss / Σ baseline output.
    """

    extracted: List[str]
    table: Any
    total_loss: float
    total_loss_share: float

    @property
    def loss(self) -> Any:
        """Output lost by sector."""
        return self.table["loss"]


class Economy:
    """An economy: sectors, technical coefficients A, flows Z, final demand, resources.

    Build one from a model file (:func:`read_model`), a pymrio folder (:func:`read_pymrio`),
    or from arrays in the field's names::

        Economy(Z=Z, x=x, ids=["agriculture", "manufacturing"], f=f)
        Economy(A=A, ids=ids, x=x, f=f)
        Economy(Z=io.Z, Y=io.Y, x=io.x)      # a pymrio IOSystem's DataFrames, labels and all

    Args:
        Z: intermediate flows (sectors × sectors), numpy or a DataFrame; A = Z / x.
        x: gross output per sector; with Z and Y but no x, x = Z·1 + Y·1 as pymrio computes it.
        ids: sector ids ([a-z0-9_]+); from a DataFrame's index when omitted (levels joined
            by "_" and sanitised as ``planner import pymrio`` does: ("reg1", "Food") → reg1_food).
        A: technical coefficients instead of Z.
        Y: final demand by category (sectors × categories); f is its row sum.
        f: final demand per sector (instead of Y).
        names: display names (default: the labels, or the ids).
        name, unit: the model's name and unit.
        resources: primary inputs {id: use per unit of output} (labour, value added, an
            emission …), for input multipliers and the price model; or a DataFrame
            resources × sectors such as a pymrio extension's S (ids from its index, sanitised).
        value_added: the resources that make up value added v of the price model.

    The table is copied once, into the C++ model: a float64 DataFrame or a Fortran-ordered
    array is read where it lies.

    Raises:
        PlannerError: wrong shapes, NaN or infinite numbers, a non-square Z, bad or repeated
            ids, a sector with inputs but no output.
    """

    def __init__(self, Z: Any = None, x: Any = None, ids: Optional[Sequence[str]] = None, *, A: Any = None,
                 Y: Any = None, f: Any = None, names: Optional[Sequence[str]] = None, name: str = "",
                 unit: str = "", resources: Optional[Dict[str, Any]] = None,
                 value_added: Sequence[str] = ()):
        if (Z is None) == (A is None):
            raise _bad("Z", "give either Z (intermediate flows, with x) or A (technical coefficients)")
        given = Z if Z is not None else A
        what = "Z" if Z is not None else "A"
        index = None
        if pd is not None and isinstance(given, pd.DataFrame):
            index = given.index
            if not given.columns.equals(given.index):
                raise _bad(what, "the columns must be the same sectors as the rows, in the same order")
            if ids is None:
                ids, labels = ids_from_labels(labels_of(given.index))
                names = labels if names is None else names
        matrix = _matrix(given, what)
        if ids is None:
            raise _bad("ids", "give the sector ids (or Z/A as a DataFrame whose index names the sectors)")
        ids = [str(i) for i in ids]
        if Y is not None and f is not None:
            raise _bad("Y", "give either Y (final demand by category) or f (final demand per sector)")
        if Y is not None:
            if pd is not None and isinstance(Y, pd.DataFrame) and index is not None and not Y.index.equals(index):
                raise _bad("Y", "its rows must be the sectors of Z, in the same order")
            y = _matrix(Y, "Y")
            if y.shape[0] != matrix.shape[0]:
                raise _bad("Y", f"expected {matrix.shape[0]} rows (one per sector), got {y.shape[0]}")
            f_vec = y.sum(axis=1)
        elif f is not None:
            f_vec = _vector(f, "f", index)
        else:
            f_vec = np.empty(0)
        if x is not None:
            x_vec = _vector(x, "x", index)
        elif Z is not None and Y is not None and matrix.shape[0] == matrix.shape[1]:
            x_vec = matrix.sum(axis=1) + f_vec
        else:
            x_vec = np.empty(0)
        if pd is not None and isinstance(resources, pd.DataFrame):  # e.g. a pymrio extension's S (stressors × sectors)
            if index is not None and not resources.columns.equals(index):
                raise _bad("resources", "its columns must be the sectors of Z, in the same order")
            rids, _ = ids_from_labels(labels_of(resources.index))
            resources = {rid: resources.iloc[k].to_numpy(dtype=np.float64) for k, rid in enumerate(rids)}
        res = []
        for rid, coefficients in (resources or {}).items():
            res.append((str(rid), _vector(coefficients, f"resources[{rid}]", index), str(rid) in set(value_added)))
        unknown = set(value_added) - set((resources or {}).keys())
        if unknown:
            raise _bad("value_added", f"not a resource: {', '.join(sorted(unknown))}")
        self._core = _core.economy_from_arrays(matrix, Z is not None, x_vec, f_vec, ids,
                                               [] if names is None else [str(n) for n in names], name, unit, res)
        self._cache: Dict[str, Any] = {}

    @classmethod
    def _wrap(cls, core: Any) -> "Economy":
        obj = cls.__new__(cls)
        obj._core = core
        obj._cache = {}
        return obj

    def __repr__(self) -> str:
        return f"<planner.Economy {self.name!r}: {self.n} sectors, {len(self._core.resources)} resources>"

    # ---- what the model says ---------------------------------------------------------------

    @property
    def name(self) -> str:
        """The model's name."""
        return self._core.name

    @property
    def file(self) -> str:
        """The model file (or pymrio folder) it was read from; "" when built from arrays."""
        return self._core.file

    @property
    def ids(self) -> List[str]:
        """Sector ids, the order of every vector and matrix."""
        return self._core.ids

    @property
    def names(self) -> List[str]:
        """Sector display names."""
        return self._core.names

    @property
    def n(self) -> int:
        """Number of sectors."""
        return self._core.size

    @property
    def resource_ids(self) -> List[str]:
        """Resource (primary input) ids."""
        return [r.id for r in self._core.resources]

    @property
    def A(self) -> Any:
        """Technical coefficients A (input of row sector per unit of column sector's output)."""
        return frame(self._core.technical, self.ids, self.ids)

    @property
    def x(self) -> Any:
        """Base-year gross output x̄."""
        return series(self._core.output, self.ids, "x")

    @property
    def f(self) -> Any:
        """Final demand f."""
        return series(self._core.demand, self.ids, "f")

    @property
    def resources(self) -> Any:
        """Resource use per unit of output (resources × sectors)."""
        rs = self._core.resources
        data = np.array([r.per_output if len(r.per_output) == self.n else np.zeros(self.n) for r in rs]).reshape(
            len(rs), self.n)
        return frame(data, [r.id for r in rs], self.ids, row_name="resource")

    # ---- the static analysis (one factorisation of I − A, computed on first use) --------------

    def analysis(self) -> Any:
        """The C++ StaticAnalysis of this economy (``planner analyze``), computed once."""
        if "analysis" not in self._cache:
            self._cache["analysis"] = _core.analyze(self._core)
        return self._cache["analysis"]

    def _system(self) -> Any:
        if "system" not in self._cache:
            self._cache["system"] = _core.LeontiefSystem(self._core)
        return self._cache["system"]

    def to_dict(self) -> dict:
        """The whole analysis as ``planner analyze --format json`` gives it."""
        import json

        return json.loads(self.analysis().to_json())

    @property
    def Z(self) -> Any:
        """Intermediate flows Z (the model's, else A·diag(x̄))."""
        return frame(self.analysis().flows, self.ids, self.ids)

    @property
    def L(self) -> Any:
        """Leontief inverse L = (I − A)⁻¹."""
        return frame(self.analysis().leontief_inverse, self.ids, self.ids)

    @property
    def B(self) -> Any:
        """Allocation coefficients B = diag(x̄)⁻¹·Z (Ghosh model)."""
        return frame(self.analysis().allocation, self.ids, self.ids)

    @property
    def G(self) -> Any:
        """Ghosh inverse G = (I − B)⁻¹."""
        return frame(self.analysis().ghosh_inverse, self.ids, self.ids)

    @property
    def required_output(self) -> Any:
        """x = L·f: the output every sector needs to deliver the final demand f."""
        return series(self.analysis().required_output, self.ids, "x")

    @property
    def output_multipliers(self) -> Any:
        """Output multipliers: column sums of L."""
        return series(self.analysis().output_multipliers, self.ids, "output_multiplier")

    @property
    def input_multipliers(self) -> Any:
        """Type-I input multipliers k_r·L, resources × sectors."""
        a = self.analysis()
        return frame(a.input_multipliers, a.resources, self.ids, row_name="resource")

    @property
    def linkages(self) -> Any:
        """Backward (L) and forward (G) linkages, raw and normalised (Rasmussen), and each
        sector's class: key, backward, forward or weak."""
        l = self.analysis().linkages
        return table({"backward_raw": l.backward_raw, "forward_raw": l.forward_raw, "backward": l.backward,
                      "forward": l.forward, "key_sector": l.key_sectors}, self.ids)

    @property
    def key_sectors(self) -> List[str]:
        """Sectors whose normalised backward and forward linkages are both ≥ 1."""
        l = self.analysis().linkages
        return [i for i, c in zip(self.ids, l.key_sectors) if c == "key"]

    @property
    def value_added(self) -> Any:
        """Value added per unit of output v (flagged resources, else 1 − column sums of A)."""
        return series(self.analysis().value_added, self.ids, "v")

    @property
    def prices(self) -> Any:
        """Leontief prices p = (I − A)ᵀ⁻¹·v."""
        return series(self.analysis().prices, self.ids, "p")

    @property
    def spectral_radius(self) -> float:
        """ρ(A), below 1 for a productive economy."""
        return self.analysis().spectral_radius

    def price_change(self, value_added_change: Any) -> Any:
        """Δp = Lᵀ·Δv: prices after a change Δv in value added per unit (cost push).

        Args:
            value_added_change: Δv as an array in sector order, a Series or {sector id: Δv}.
        """
        dv = to_vector(value_added_change, self.ids, "value_added_change")
        return series(_core.price_change(self._system(), dv), self.ids, "price_change")

    def impact(self, demand_change: Any) -> Impact:
        """Δx = L·Δf for a change in final demand (``planner impact``).

        Args:
            demand_change: {sector id: Δf}, a Series by id, or an array in sector order.

        Raises:
            PlannerError: an unknown sector id, a wrong length.
        """
        if isinstance(demand_change, dict):
            r = _core.demand_impact(self._core, self._system(), [(str(k), float(v)) for k, v in demand_change.items()])
        else:
            r = _core.demand_impact_vector(self._core, self._system(), to_vector(demand_change, self.ids, "demand_change"))
        return Impact(table({"demand_change": r.demand_change, "output_change": r.output_change}, self.ids),
                      r.total_output_change, series(r.resource_change, self.resource_ids, "resource_change", "resource"))

    def extract(self, sectors: Union[str, Sequence[str]]) -> Extraction:
        """Hypothetical extraction of one sector or several (``planner extract``).

        Raises:
            PlannerError: an unknown sector id.
        """
        ids = [sectors] if isinstance(sectors, str) else list(sectors)
        r = _core.hypothetical_extraction(self._core, ids)
        return Extraction([self.ids[k] for k in r.extracted],
                          table({"baseline_output": r.baseline_output, "extracted_output": r.extracted_output,
                                 "loss": r.loss}, self.ids),
                          r.total_loss, r.total_loss_share)


def read_model(path: PathLike) -> Economy:
    """Reads a model file (model.toml, spec §3) as ``planner analyze`` does.

    Raises:
        PlannerError: the file, line or key and what was wrong, as the CLI prints it.
    """
    return Economy._wrap(_core.read_model(os.fspath(path)))


def read_pymrio(folder: PathLike, name: str = "") -> Economy:
    """Reads a folder that pymrio's ``IOSystem.save_all()`` wrote (Z.txt, Y.txt, x.txt,
    extensions), as ``planner import pymrio`` does: sector ids ``region_sector``, every
    extension row a resource.

    Raises:
        PlannerError: the file, line and what was wrong.
    """
    return Economy._wrap(_core.read_pymrio(os.fspath(folder), name))


__all__ = ["Economy", "Impact", "Extraction", "read_model", "read_pymrio", "have_pandas"]
