"""Without pandas the package still works: labelled results come back as numpy arrays and
plain dicts (run in a child interpreter in which `import pandas` fails)."""
import subprocess
import sys

from conftest import SOURCE

CHILD = r"""
import sys
sys.modules["pandas"] = None  # import pandas now raises ImportError
import numpy as np
import planner
assert not planner.have_pandas()
e = planner.read_model(sys.argv[1] + "/models/miller-blair-2/model.toml")
assert isinstance(e.A, np.ndarray) and isinstance(e.L, np.ndarray) and isinstance(e.output_multipliers, np.ndarray)
np.testing.assert_allclose(e.L, [[1.2541254125412542, 0.33003300330033003], [0.26402640264026406, 1.1221122112211221]],
                           rtol=1e-13)
links = e.linkages
assert links["id"] == ["sec1", "sec2"] and links["key_sector"] == ["key", "weak"]
assert isinstance(e.impact({"sec1": 100.0}).table["output_change"], np.ndarray)
s = planner.read_plan(sys.argv[1] + "/plans/williams-max-capacity.toml").solve()
assert isinstance(s.output, dict) and abs(s.objective - 2141.8751967) < 2141.8751967e-7
assert isinstance(s.binding, list) and s.binding[0]["row"]
print("ok")
"""


def test_results_are_numpy_without_pandas():
    out = subprocess.run([sys.executable, "-c", CHILD, str(SOURCE)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
