"""Oracle: /work/shared/oracles/williams_economic_planning.txt (H. P. Williams, Economic
Planning, problems 1 and 2) through plan.solve(), with the tolerances of
tests/oracle_williams_test.cpp: objectives 1e-7 relative, every published table cell 1e-5."""
import math

import pandas as pd
import pytest

import planner
from conftest import SOURCE, Oracle

ORACLE = Oracle("williams_economic_planning.txt")


def check_table(solution: planner.PlanSolution, problem: int) -> None:
    rows = ORACLE.block(f"expected solution, problem {problem}")[1:]
    assert len(rows) == 24
    for industry, year, *cells in rows:
        cells = (cells + [""] * 4)[:4]
        for cell, table in zip(cells, (solution.output, solution.stock, solution.capacity_additions,
                                       solution.capacity)):
            if cell == "":
                continue
            y = int(year)
            got = table.loc[industry, y] if (industry in table.index and y in table.columns) else math.nan
            got = 0.0 if math.isnan(got) else got  # extra capacity after T is 0 by definition; ours does not exist
            assert got == pytest.approx(float(cell), abs=1e-5), (problem, industry, y)


@pytest.mark.parametrize("problem,plan,objective", [(1, "williams-max-capacity.toml", 2141.8751967),
                                                    (2, "williams-max-output.toml", 2618.5791147)])
def test_plan_files_give_the_oracle_objectives_and_tables(problem, plan, objective):
    s = planner.read_plan(SOURCE / "plans" / plan).solve()
    assert s.status == "optimal"
    assert s.objective == pytest.approx(objective, rel=1e-7)
    assert isinstance(s.output, pd.DataFrame) and list(s.output.index) == ["coal", "steel", "transport"]
    check_table(s, problem)


def test_binding_rows_carry_their_shadow_prices():
    s = planner.read_plan(SOURCE / "plans/williams-max-capacity.toml").solve()
    b = s.binding
    assert list(b.columns) == ["row", "shadow_price"] and len(b) > 0
    assert b["row"].tolist() == s.json["binding"]
    assert b["shadow_price"].notna().all()
    assert s.shadow_price("terminal[coal]") == pytest.approx(s.json["shadow_prices"]["other"]["terminal[coal]"])
    assert s.shadow_prices["balance"].loc["coal", 0] == s.json["shadow_prices"]["balance"]["coal"]["0"]


def test_solve_equals_the_cli_json():
    import json
    import subprocess

    from conftest import CLI

    for plan in ("williams-max-capacity.toml", "williams-max-output.toml"):
        path = SOURCE / "plans" / plan
        cli = json.loads(subprocess.run([str(CLI), "solve", str(path), "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)
        assert planner.read_plan(path).solve().json == cli
