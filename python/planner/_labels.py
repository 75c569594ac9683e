"""Labelled results: pandas objects when pandas is installed, numpy arrays and dicts otherwise."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence

import numpy as np

try:  # pandas is optional: without it, results are numpy arrays and plain dicts
    import pandas as pd
except ImportError:  # pragma: no cover - exercised only where pandas is missing
    pd = None


def have_pandas() -> bool:
    """True when pandas is importable (results are then labelled DataFrames and Series)."""
    return pd is not None


def frame(data: np.ndarray, rows: Sequence[str], cols: Sequence[str], row_name: str = "sector",
          col_name: str = "sector") -> Any:
    """A DataFrame with these labels (no copy of ``data``), or ``data`` itself without pandas."""
    if pd is None:
        return data
    df = pd.DataFrame(data, index=pd.Index(list(rows), name=row_name), columns=pd.Index(list(cols), name=col_name),
                      copy=False)
    return df


def series(data: np.ndarray, ids: Sequence[str], name: Optional[str] = None, index_name: str = "sector") -> Any:
    """A Series labelled by ``ids``, or ``data`` itself without pandas."""
    if pd is None:
        return data
    return pd.Series(data, index=pd.Index(list(ids), name=index_name), name=name, copy=False)


def table(columns: Dict[str, Any], ids: Sequence[str], index_name: str = "sector") -> Any:
    """A DataFrame of named columns, or the dict of arrays (plus "id") without pandas."""
    if pd is None:
        out = {"id": list(ids)}
        out.update(columns)
        return out
    return pd.DataFrame(columns, index=pd.Index(list(ids), name=index_name))


def records(rows: List[dict], columns: Optional[List[str]] = None) -> Any:
    """A DataFrame of JSON records (one row each), or the list itself without pandas."""
    if pd is None:
        return rows
    return pd.DataFrame.from_records(rows, columns=columns if not rows else None)


def year_series(values: Dict[str, Dict[str, Any]], row_name: str = "id") -> Any:
    """A spec §4 series {"<id>": {"<year>": v}} as a DataFrame ids × years (int columns), or the dict."""
    if pd is None:
        return values
    ids = list(values)
    years = sorted({int(y) for v in values.values() for y in v})
    data = np.full((len(ids), len(years)), np.nan)
    col = {y: k for k, y in enumerate(years)}
    for i, id_ in enumerate(ids):
        for y, v in values[id_].items():
            data[i, col[int(y)]] = np.nan if v is None else v
    return pd.DataFrame(data, index=pd.Index(ids, name=row_name), columns=pd.Index(years, name="year"))


def is_year_series(value: Any) -> bool:
    """True for a non-empty {"<id>": {"<int year>": number}} (spec §4 series)."""
    if not isinstance(value, dict) or not value:
        return False
    for inner in value.values():
        if not isinstance(inner, dict):
            return False
        for k, v in inner.items():
            if not (isinstance(k, str) and k.lstrip("-").isdigit()) or not (v is None or isinstance(v, (int, float))):
                return False
    return True


def to_vector(values: Any, ids: Sequence[str], what: str) -> np.ndarray:
    """A float vector in sector order from an array, a Series or a {id: value} mapping.

    A mapping or Series may name a subset of the sectors (the rest are 0); an unknown id is an error.
    """
    from ._errors import PlannerError

    if isinstance(values, dict) or (pd is not None and isinstance(values, pd.Series)):
        index = {id_: k for k, id_ in enumerate(ids)}
        out = np.zeros(len(ids))
        for id_, v in values.items():
            if id_ not in index:
                raise PlannerError(f"{what}: unknown sector \"{id_}\" (sectors: {', '.join(ids)})", 1, "", what,
                                   f"unknown sector \"{id_}\" (sectors: {', '.join(ids)})")
            out[index[id_]] = v
        return out
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 1 or arr.shape[0] != len(ids):
        raise PlannerError(f"{what}: expected {len(ids)} values (one per sector), got shape {arr.shape}", 2, "", what,
                           f"expected {len(ids)} values (one per sector), got shape {arr.shape}")
    return arr


def labels_of(index: Any) -> List[List[str]]:
    """The labels of a pandas index as lists of strings, one per index level."""
    if hasattr(index, "nlevels") and index.nlevels > 1:
        return [[str(v) for v in t] for t in index]
    return [[str(v)] for v in index]


def ids_from_labels(labels: Iterable[Iterable[str]]) -> tuple:
    """Ids and names as `planner import` makes them: levels joined by "_" and sanitised (lower
    case, [a-z0-9_]+, made unique); names are the labels joined by " / "."""
    from . import _core

    labels = [list(l) for l in labels]
    ids, _notes = _core.sector_ids(["_".join(l) for l in labels], [" / ".join(l) for l in labels])
    return ids, [" / ".join(l) for l in labels]
