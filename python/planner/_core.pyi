"""Type hints of the extension module planner._core (python/src/). Use the package `planner`."""
from typing import List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

class ExitCode:
    ok: "ExitCode"
    usage: "ExitCode"
    bad_input: "ExitCode"
    infeasible: "ExitCode"
    solver_failure: "ExitCode"
    value: int

class Resource:
    id: str
    name: str
    unit: str
    available: List[float]
    per_output: Array
    per_capacity: Array
    value_added: bool

class Economy:
    name: str
    unit: str
    base_year: int
    file: str
    ids: List[str]
    names: List[str]
    units: List[str]
    size: int
    technical: Array
    capital: Array
    has_flows: bool
    output: Array
    demand: Array
    resources: List[Resource]
    def intermediate_flows(self) -> Array: ...
    def sector_index(self, id: str) -> Optional[int]: ...

def read_model(file: str) -> Economy: ...
def read_pymrio(folder: str, name: str = "") -> Economy: ...
def sector_ids(raw: Sequence[str], labels: Sequence[str]) -> Tuple[List[str], List[str]]: ...
def economy_from_arrays(matrix: Array, flows: bool, x: Array, f: Array, ids: Sequence[str], names: Sequence[str],
                        name: str, unit: str, resources: Sequence[Tuple[str, Array, bool]]) -> Economy: ...

class Linkages:
    backward_raw: Array
    forward_raw: Array
    backward: Array
    forward: Array
    key_sectors: List[str]

class StaticAnalysis:
    sectors: List[str]
    resources: List[str]
    output: Array
    final_demand: Array
    required_output: Array
    technical: Array
    leontief_inverse: Array
    flows: Array
    allocation: Array
    ghosh_inverse: Array
    output_multipliers: Array
    input_multipliers: Array
    linkages: Linkages
    value_added: Array
    value_added_resources: List[str]
    prices: Array
    spectral_radius: float
    spectral_radius_lower: float
    spectral_radius_upper: float
    spectral_method: str
    residual: float
    inputs_exceed_output: List[str]
    def to_json(self) -> str: ...

def analyze(economy: Economy) -> StaticAnalysis: ...

class LeontiefSystem:
    def __init__(self, economy: Economy) -> None: ...
    def output_for(self, final_demand: Array) -> Array: ...
    def solve_transposed(self, v: Array) -> Array: ...
    def leontief_inverse(self) -> Array: ...

def technical_coefficients(Z: Array, x: Array) -> Array: ...
def leontief_inverse(A: Array) -> Array: ...
def allocation_coefficients(Z: Array, x: Array) -> Array: ...
def ghosh_inverse(B: Array) -> Array: ...
def output_multipliers(L: Array) -> Array: ...
def linkages(L: Array, G: Array) -> Linkages: ...
def spectral_radius(A: Array) -> float: ...

class DemandImpact:
    demand_change: Array
    output_change: Array
    total_output_change: float
    resource_change: Array

def demand_impact(economy: Economy, system: LeontiefSystem, changes: Sequence[Tuple[str, float]]) -> DemandImpact: ...
def demand_impact_vector(economy: Economy, system: LeontiefSystem, change: Array) -> DemandImpact: ...

class Extraction:
    extracted: List[int]
    baseline_output: Array
    extracted_output: Array
    loss: Array
    total_loss: float
    total_loss_share: float

def hypothetical_extraction(economy: Economy, sectors: Sequence[str]) -> Extraction: ...
def price_change(system: LeontiefSystem, value_added_change: Array) -> Array: ...

class Goal:
    id: str
    sector: str
    group: str
    target: Optional[float]
    multiple: Optional[float]
    year: int
    source: str

class Plan:
    name: str
    file: str
    model_file: str
    economy: Economy
    years: int
    description: str
    goals: List[Goal]
    objective: str
    horizon: int

def read_plan(file: str) -> Plan: ...

class SolveAnswer:
    json: str
    error: str
    code: int

def solve(plan: Plan, time_limit: float = 0.0, iteration_limit: int = 0, algorithm: str = "by-size",
          presolve: bool = True, scaling: bool = True) -> SolveAnswer: ...

class Comparison:
    def to_json(self) -> str: ...
    def to_html(self) -> str: ...
    def to_markdown(self) -> str: ...
    def to_text(self) -> str: ...
    def to_csv(self) -> str: ...
    def write_html(self, file: str) -> None: ...

def compare(plans: Sequence[Plan], by_actual_year: bool = True, no_consumption_floor: bool = False,
            no_exports: bool = False, frontiers: bool = True, history: bool = True, time_limit: float = 0.0,
            iteration_limit: int = 0) -> Comparison: ...
def _wait_for_interrupted_solves() -> None: ...
