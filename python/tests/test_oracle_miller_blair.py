"""Oracle: /work/shared/oracles/miller_blair_2sector.txt through the Python API, with the
tolerances of tests/oracle_miller_blair_test.cpp (pymrio rtol 1e-5, A exact; multipliers
atol 1e-5; prices atol 1e-8…1e-12; extraction atol 1e-6). Every check runs on an Economy
built from the oracle's own arrays and on models/miller-blair-2 read with read_model."""
import numpy as np
import pandas as pd
import pytest

import planner
from conftest import SOURCE, Oracle, assert_close

ORACLE = Oracle("miller_blair_2sector.txt")


def from_oracle() -> planner.Economy:
    ids, _, z = ORACLE.matrix("Z")
    _, _, fx = ORACLE.matrix("f (final demand)")
    return planner.Economy(Z=z, x=fx[:, 1], f=fx[:, 0], ids=ids, name="Miller & Blair (oracle)")


@pytest.fixture(params=["oracle_file", "bundled_model"])
def economy(request) -> planner.Economy:
    if request.param == "oracle_file":
        return from_oracle()
    return planner.read_model(SOURCE / "models/miller-blair-2/model.toml")


def test_technical_coefficients_are_exact(economy):
    _, _, expected = ORACLE.matrix("expected A")
    assert isinstance(economy.A, pd.DataFrame)
    assert list(economy.A.index) == ["sec1", "sec2"] and list(economy.A.columns) == ["sec1", "sec2"]
    np.testing.assert_array_equal(economy.A.to_numpy(), expected)


def test_leontief_inverse(economy):
    assert_close(economy.L, ORACLE.matrix("expected L")[2], 1e-5, 0, "MB L vs pymrio fixture")
    assert_close(economy.L, ORACLE.matrix("L exact")[2], 1e-13, 0, "MB L vs exact inverse")


def test_output_multipliers(economy):
    expected = [float(r[1]) for r in ORACLE.block("output multipliers")]
    m = economy.output_multipliers
    assert isinstance(m, pd.Series) and list(m.index) == ["sec1", "sec2"]
    assert_close(m, expected, 0, 1e-5, "MB output multipliers")
    assert_close(economy.linkages["backward_raw"], expected, 0, 1e-5, "MB backward linkages")


def test_new_final_demand_gives_new_output(economy):
    _, _, shock = ORACLE.matrix("demand shock")
    f_new, x_new = shock[:, 0], shock[:, 2]
    d = economy.impact(f_new - economy.f.to_numpy())
    assert_close(economy.x.to_numpy() + d.output_change.to_numpy(), x_new, 1e-5, 0, "MB x + L Δf")
    by_id = economy.impact({"sec1": f_new[0] - 350, "sec2": f_new[1] - 1700})
    assert_close(by_id.output_change, d.output_change, 1e-13, 0, "impact by id = by vector")
    assert by_id.total_output_change == pytest.approx(d.output_change.sum(), rel=1e-13)
    assert_close(economy.x.to_numpy() + d.output_change.to_numpy(), shock[:, 1], 0, 0.05, "MB x_new vs book rounding")


def test_labour_satellite():
    # The oracle's labour coefficients as a resource: the bundled model carries them.
    e = planner.read_model(SOURCE / "models/miller-blair-2/model.toml")
    _, _, lab = ORACLE.matrix("labour (satellite)")
    s = e.resources.loc["labour"].to_numpy()
    assert_close(s * lab[:, 1], lab[:, 2], 1e-5, 0, "MB labour F = S x_new")
    assert_close(e.input_multipliers.loc["labour"], s @ e.L.to_numpy(), 1e-13, 0, "MB labour multiplier k·L")


def test_price_model(economy):
    _, _, p = ORACLE.matrix("Leontief price model")
    assert_close(economy.value_added, p[:, 0], 0, 1e-12, "MB v = 1 - colsum A")
    assert_close(economy.prices, p[:, 1], 0, 1e-12, "MB base prices")
    assert_close(economy.price_change([0.1, 0.0]), p[:, 2], 0, 1e-8, "MB dp for dv1")
    assert_close(economy.price_change({"sec2": 0.1}), p[:, 3], 0, 1e-10, "MB dp for dv2")


def test_hypothetical_extraction(economy):
    loss = ORACLE.matrix("hypothetical extraction")[2][:, 0]
    e = economy.extract("sec1")
    assert e.extracted == ["sec1"]
    assert_close(e.loss, loss[:2], 0, 1e-6, "MB extraction sec1 sector losses")
    assert e.total_loss == pytest.approx(loss[2], abs=1e-6)
    both = economy.extract(["sec1", "sec2"])
    assert both.total_loss == pytest.approx(3000.0, abs=1e-6)
    assert both.total_loss_share == pytest.approx(1.0, abs=1e-12)


def test_analysis_json_matches_the_cli(economy):
    import json
    import subprocess

    from conftest import CLI

    if economy.file:
        cli = json.loads(subprocess.run([str(CLI), "analyze", economy.file, "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)
        ours = economy.to_dict()
        # The CLI adds how it ran (dense/sparse, residual, bounds); every key the library's
        # analysis_json writes is the same.
        assert {k: cli[k] for k in ours} == ours
