"""The package's exceptions: every error of the C++ library arrives as a PlannerError."""
from __future__ import annotations

from typing import Any, Optional


class PlannerError(Exception):
    """An error of the planner: bad input, bad usage, a plan with no optimum, a solver failure.

    ``str(error)`` is the one line the command-line tool prints after ``planner: error:`` —
    the file, the line or key, and what was wrong. The parts are attributes too.

    Attributes:
        code: the CLI's exit code (1 usage, 2 bad input, 3 infeasible, 4 solver failure).
        file: the file at fault, or "".
        where: "line 12", "key sector[3].output", an argument name such as "Z", or "".
        message: what was wrong, without file and place.
    """

    def __init__(self, text: str, code: int = 2, file: str = "", where: str = "", message: Optional[str] = None):
        super().__init__(text)
        self.code = code
        self.file = file
        self.where = where
        self.message = text if message is None else message


class InfeasiblePlan(PlannerError):
    """A plan with no optimum (infeasible or unbounded), carrying the diagnosis.

    Attributes:
        status: "infeasible" or "unbounded".
        diagnosis: the diagnosis as a dict (``summary``, ``violations`` — the rows that must
            move, largest first, each with ``row``, ``kind``, ``amount``, ``advice`` — and
            ``unbounded``: columns that grow without limit).
        violations: the violations as a DataFrame (a list of dicts without pandas).
        result: the whole solve result (``PlanSolution``) for inspection.
    """

    def __init__(self, text: str, code: int, file: str, status: str, diagnosis: dict, result: Any):
        super().__init__(text, code, file, "", text.split(": ", 1)[1] if file and text.startswith(file + ": ") else text)
        self.status = status
        self.diagnosis = diagnosis
        self.result = result
        from ._labels import records

        self.violations = records(diagnosis.get("violations", []), ["row", "kind", "amount", "advice"])
