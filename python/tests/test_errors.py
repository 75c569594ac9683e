"""Bad input from Python is a Python exception naming the problem — never a crash — with the
CLI's one-line message where the CLI reads the same input; an infeasible plan raises
InfeasiblePlan carrying the diagnosis."""
import subprocess

import numpy as np
import pandas as pd
import pytest

import planner
from conftest import CLI, SOURCE

Z = np.array([[150.0, 500.0], [200.0, 100.0]])
X = np.array([1000.0, 2000.0])
IDS = ["sec1", "sec2"]


def cli_error(*args) -> tuple:
    """The CLI's error line (after 'planner: error: ') and its exit code."""
    r = subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True)
    line = [l for l in r.stderr.splitlines() if "error:" in l][-1]
    return line.split("error: ", 1)[1], r.returncode


def test_missing_and_malformed_files_give_the_cli_message(tmp_path):
    for bad in (tmp_path / "absent.toml", SOURCE / "tests/bad_inputs/nan_output.toml",
                SOURCE / "tests/bad_inputs/duplicate_sector_id.toml", SOURCE / "tests/bad_inputs/bad_sector_id.toml"):
        with pytest.raises(planner.PlannerError) as e:
            planner.read_model(bad)
        message, code = cli_error("analyze", bad)
        assert str(e.value) == message
        assert e.value.code == code == 2
        assert e.value.file and e.value.file in message
    plan = tmp_path / "bad.toml"
    plan.write_text(f'name = "x"\nmodel = "{SOURCE}/models/williams/model.toml"\nyears = "five"\n')
    with pytest.raises(planner.PlannerError) as e:
        planner.read_plan(plan)
    assert str(e.value) == cli_error("solve", plan)[0]
    assert e.value.where.startswith("line 3") and "years" in str(e.value)


def test_infeasible_plan_raises_with_the_diagnosis(tmp_path):
    plan = tmp_path / "inf.toml"
    plan.write_text((SOURCE / "plans/williams-max-capacity.toml").read_text()
                    .replace('"../models/williams/model.toml"', f'"{SOURCE}/models/williams/model.toml"')
                    + "\n[resources.labour]\navailable = 10\n")
    with pytest.raises(planner.InfeasiblePlan) as e:
        planner.read_plan(plan).solve()
    message, code = cli_error("solve", plan)
    assert str(e.value) == message and e.value.code == code == 3
    d = e.value.diagnosis
    assert e.value.status == "infeasible" and d["violations"][0]["row"] == "labour[1]"
    assert isinstance(e.value.violations, pd.DataFrame)
    assert e.value.violations["row"].tolist() == [v["row"] for v in d["violations"]]
    assert e.value.violations["amount"].iloc[0] == pytest.approx(224.445753, rel=1e-6)
    assert e.value.result.status == "infeasible"
    assert isinstance(e.value, planner.PlannerError)


@pytest.mark.parametrize("kwargs,where,words", [
    (dict(Z=np.ones((2, 3)), x=X, ids=IDS), "Z", "square"),
    (dict(Z=Z, x=X[:1], ids=IDS), "x", "2 values"),
    (dict(Z=Z, x=X, ids=["sec1"]), "ids", "2 sector ids"),
    (dict(Z=Z, x=X, ids=["sec1", "sec1"]), "ids", "twice"),
    (dict(Z=Z, x=X, ids=["Sec 1", "sec2"]), "ids", "[a-z0-9_]+"),
    (dict(Z=np.array([[np.nan, 1.0], [0.0, 1.0]]), x=X, ids=IDS), "Z", "finite"),
    (dict(Z=Z, x=np.array([1000.0, np.inf]), ids=IDS), "x", "finite"),
    (dict(Z=Z, x=np.array([0.0, 2000.0]), ids=IDS), "x", "output"),
    (dict(Z=Z, x=X, f=[1.0, np.nan], ids=IDS), "f", "finite"),
    (dict(Z=Z, ids=IDS), "x", "gross output"),
    (dict(Z=np.ones(4), x=X, ids=IDS), "Z", "matrix"),
    (dict(Z=[["a", "b"], ["c", "d"]], x=X, ids=IDS), "Z", "numbers"),
    (dict(x=X, ids=IDS), "Z", "either"),
    (dict(Z=Z, x=X, ids=IDS, resources={"labour": [1.0]}), "resources[labour]", "2 values"),
    (dict(Z=Z, x=X, ids=IDS, resources={"labour": [1.0, 1.0]}, value_added=["gva"]), "value_added", "gva"),
])
def test_bad_arrays_name_the_problem(kwargs, where, words):
    with pytest.raises(planner.PlannerError) as e:
        planner.Economy(**kwargs)
    assert e.value.where == where, str(e.value)
    assert words in str(e.value)
    assert e.value.code == 2


def test_dataframes_with_mismatched_labels():
    df = pd.DataFrame(Z, index=IDS, columns=["sec2", "sec1"])
    with pytest.raises(planner.PlannerError, match="same sectors"):
        planner.Economy(Z=df, x=X)
    ok = pd.DataFrame(Z, index=IDS, columns=IDS)
    with pytest.raises(planner.PlannerError, match="sec3"):
        planner.Economy(Z=ok, x=pd.Series([1.0, 2.0, 3.0], index=["sec1", "sec2", "sec3"]))
    with pytest.raises(planner.PlannerError, match="no value for sector"):
        planner.Economy(Z=ok, x=pd.Series([1000.0], index=["sec1"]))


def test_unknown_ids_and_wrong_lengths_in_the_analysis():
    e = planner.Economy(Z=Z, x=X, ids=IDS, f=[350.0, 1700.0])
    with pytest.raises(planner.PlannerError, match="coal"):
        e.impact({"coal": 1.0})
    with pytest.raises(planner.PlannerError, match="coal"):
        e.extract("coal")
    with pytest.raises(planner.PlannerError, match="2 values"):
        e.impact(np.ones(3))
    with pytest.raises(planner.PlannerError, match="coal"):
        e.price_change({"coal": 0.1})
    with pytest.raises(planner.PlannerError, match="2 values"):
        e.price_change(np.ones(5))


def test_formula_functions_refuse_bad_shapes():
    core = planner._core
    with pytest.raises(planner.PlannerError, match="square"):
        core.leontief_inverse(np.ones((2, 3)))
    with pytest.raises(planner.PlannerError, match="productive"):
        core.leontief_inverse(np.array([[0.5, 0.6], [0.6, 0.5]]))
    with pytest.raises(planner.PlannerError, match="2 × 2"):
        core.linkages(np.eye(2), np.eye(3))
    with pytest.raises(planner.PlannerError, match="values"):
        core.technical_coefficients(Z, np.ones(3))
    with pytest.raises(planner.PlannerError, match="finite"):
        core.spectral_radius(np.array([[np.nan]]))


def test_non_productive_economy():
    e = planner.Economy(A=np.array([[0.5, 0.6], [0.6, 0.5]]), ids=IDS)
    with pytest.raises(planner.PlannerError, match="ρ"):
        e.L


def test_plan_for_another_model():
    miller = planner.read_model(SOURCE / "models/miller-blair-2/model.toml")
    with pytest.raises(planner.PlannerError) as e:
        planner.read_plan(SOURCE / "plans/williams-max-capacity.toml", model=miller)
    assert "williams" in str(e.value) and "miller-blair-2" in str(e.value) and e.value.where == "model"
    with pytest.raises(planner.PlannerError, match="built from arrays"):
        planner.read_plan(SOURCE / "plans/williams-max-capacity.toml", model=planner.Economy(Z=Z, x=X, ids=IDS))
    plan = planner.read_plan(SOURCE / "plans/williams-max-capacity.toml", model=SOURCE / "models/williams/model.toml")
    assert plan.economy.ids == ["coal", "steel", "transport"]


def test_bad_solver_options():
    plan = planner.read_plan(SOURCE / "plans/williams-max-capacity.toml")
    with pytest.raises(planner.PlannerError, match="by-size"):
        plan.solve(algorithm="simplex")
    with pytest.raises(planner.PlannerError, match="iteration limit") as e:
        plan.solve(iteration_limit=1, presolve=False)
    assert e.value.code == 4
