"""planner: input–output (Leontief) analysis and plan optimisation, over the C++ planner library.

Static analysis in the field's names, labelled by sector id (pandas; numpy without it)::

    import planner
    e = planner.read_model("models/miller-blair-2/model.toml")
    e.A, e.L, e.G, e.output_multipliers, e.linkages, e.prices
    e.impact({"sec1": 100}).output_change
    e.extract("sec1").total_loss
    planner.Economy(Z=io.Z, Y=io.Y, x=io.x)          # a pymrio system's tables

The dynamic plan LP (COIN-OR CLP) and the plan-versus-goal-versus-actual comparison::

    plan = planner.read_plan("plans/williams-max-capacity.toml")
    s = plan.solve()                 # InfeasiblePlan carries the diagnosis
    s.output, s.capacity, s.binding, s.shadow_prices["balance"]
    c = planner.compare("plans/fyp1-gosplan-optimal.toml", html="fyp1.html")
    c.products, c.binding

Errors are :class:`PlannerError`, with the command line's one-line message (file, line or
key, what was wrong). See docs/python.md.
"""
from . import _core
from ._errors import InfeasiblePlan, PlannerError
from .comparison import Comparison, compare
from .economy import Economy, Extraction, Impact, have_pandas, read_model, read_pymrio
from .plan import Plan, PlanSolution, read_plan

__version__ = "0.1.0"

__all__ = [
    "Comparison",
    "Economy",
    "Extraction",
    "Impact",
    "InfeasiblePlan",
    "Plan",
    "PlanSolution",
    "PlannerError",
    "compare",
    "have_pandas",
    "read_model",
    "read_plan",
    "read_pymrio",
]

import atexit as _atexit

# A solve interrupted by Ctrl-C runs to its end on a worker thread; the interpreter waits for it
# before it exits, so no C++ code runs while the process is torn down.
_atexit.register(_core._wait_for_interrupted_solves)
