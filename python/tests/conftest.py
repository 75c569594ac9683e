"""Shared fixtures of the Python tests (run by ctest, label `python`; see python/CMakeLists.txt).

ctest sets PLANNER_SOURCE_DIR, PLANNER_SHARED_DIR (the oracles), PLANNER_CLI (the built
binary) and PYTHONPATH (the build tree's package). A missing variable or package fails the
run: nothing here is skipped.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Dict, List

import numpy as np
import pytest

import planner


def _env(name: str) -> Path:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run the Python tests through ctest (label python)")
    return Path(value)


SOURCE = _env("PLANNER_SOURCE_DIR")
SHARED = _env("PLANNER_SHARED_DIR")
CLI = _env("PLANNER_CLI")

# The tests must exercise the build tree's module, not an installed one.
assert Path(planner.__file__).resolve().parent.parent == Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).resolve(), \
    f"planner imported from {planner.__file__}, not from PYTHONPATH"


class Oracle:
    """An oracle file of /work/shared/oracles: '## block: TITLE' opens a block of CSV lines."""

    def __init__(self, name: str):
        self.blocks: Dict[str, List[List[str]]] = {}
        title = None
        for line in (SHARED / "oracles" / name).read_text().splitlines():
            if line.startswith("## block:"):
                title = line[len("## block:"):].strip()
                self.blocks[title] = []
            elif line and not line.startswith("#") and title is not None:
                self.blocks[title].append(next(csv.reader(io.StringIO(line))))

    def block(self, key: str) -> List[List[str]]:
        for title, rows in self.blocks.items():
            if key in title:
                return rows
        raise KeyError(key)

    def matrix(self, key: str):
        """(row labels, column labels, data) of a labelled block."""
        rows = self.block(key)
        return [r[0] for r in rows[1:]], rows[0][1:], np.array([[float(c) for c in r[1:]] for r in rows[1:]])

    def row(self, key: str, label: str, first: int = 1, count: int = 6) -> np.ndarray:
        for r in self.block(key):
            if r and r[0] == label:
                return np.array([float(c) for c in r[first:first + count]])
        raise KeyError(label)


def assert_close(actual, expected, rtol: float, atol: float, what: str) -> None:
    """numpy's assert_allclose: |actual − expected| ≤ atol + rtol·|expected| (the C++ oracle tests' rule)."""
    np.testing.assert_allclose(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), rtol=rtol,
                               atol=atol, err_msg=what)


@pytest.fixture
def source() -> Path:
    return SOURCE
