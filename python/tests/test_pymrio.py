"""pymrio's tables as they are: planner.Economy over the DataFrames an IOSystem holds (Z, Y, x
with (region, sector) MultiIndexes; an extension's S) and planner.read_pymrio over the folder
IOSystem.save_all() writes (tab-separated, DataFrame.to_csv), both against the oracle
/work/shared/oracles/pymrio_small_mrio_2region_3sector.txt with pymrio's tolerance
(assert_frame_equal defaults: rtol 1e-5, atol 1e-8), as tests/oracle_pymrio_small_test.cpp."""
import numpy as np
import pandas as pd
import pytest

import planner
from conftest import Oracle, assert_close

ORACLE = Oracle("pymrio_small_mrio_2region_3sector.txt")
RTOL, ATOL = 1e-5, 1e-8


def labelled(key: str, col_names=("region", "sector")) -> pd.DataFrame:
    rows, cols, data = ORACLE.matrix(key)
    def index(labels, names):
        if "/" in labels[0]:
            return pd.MultiIndex.from_tuples([tuple(l.split("/")) for l in labels], names=list(names))
        return pd.Index(labels, name="stressor")
    return pd.DataFrame(data, index=index(rows, ("region", "sector")), columns=index(cols, col_names))


@pytest.fixture(scope="module")
def tables():
    Z = labelled("Z")
    Y = labelled("Y (one final-demand", ("region", "category"))
    F = labelled("F (stressors")
    x = pd.DataFrame({"indout": Z.sum(axis=1) + Y.sum(axis=1)})
    return Z, Y, F, x


def check(e: planner.Economy) -> None:
    assert e.ids == ["reg1_sector1", "reg1_sector2", "reg1_sector3", "reg2_sector1", "reg2_sector2", "reg2_sector3"]
    assert e.names[0] == "reg1 / sector1"
    assert_close(e.x, ORACLE.matrix("expected x")[2][:, 0], RTOL, ATOL, "pymrio x")
    assert_close(e.A, ORACLE.matrix("expected A")[2], RTOL, ATOL, "pymrio A")
    assert_close(e.L, ORACLE.matrix("expected L")[2], RTOL, ATOL, "pymrio L")
    assert_close(e.B, ORACLE.matrix("expected B")[2], RTOL, ATOL, "pymrio B")
    assert_close(e.G, ORACLE.matrix("expected G")[2], RTOL, ATOL, "pymrio G")
    m_rows, _, m = ORACLE.matrix("expected M = S L")
    multipliers = e.input_multipliers
    for k, stressor in enumerate(m_rows):
        row = [r for r in multipliers.index if r.endswith(stressor)]
        assert len(row) == 1, (stressor, list(multipliers.index))
        assert_close(multipliers.loc[row[0]], m[k], RTOL, ATOL, f"pymrio M {stressor}")


def test_economy_from_an_iosystems_dataframes(tables):
    Z, Y, F, x = tables
    S = F / x["indout"].to_numpy()
    check(planner.Economy(Z=Z, Y=Y, x=x, resources=S))
    # x may be left out, as pymrio computes it: Z·1 + Y·1.
    e = planner.Economy(Z=Z, Y=Y, resources=S)
    assert_close(e.x, x["indout"], 1e-15, 0, "x from Z and Y")


def test_read_pymrio_folder_as_save_all_writes_it(tables, tmp_path):
    Z, Y, F, x = tables
    Z.to_csv(tmp_path / "Z.txt", sep="\t")
    Y.to_csv(tmp_path / "Y.txt", sep="\t")
    x.to_csv(tmp_path / "x.txt", sep="\t")
    (tmp_path / "emissions").mkdir()
    F.to_csv(tmp_path / "emissions" / "F.txt", sep="\t")
    e = planner.read_pymrio(tmp_path, name="small MRIO")
    assert e.name == "small MRIO" and e.file == str(tmp_path)
    check(e)
    # The same ids and numbers as the DataFrames give.
    S = F / x["indout"].to_numpy()
    from_frames = planner.Economy(Z=Z, Y=Y, x=x, resources=S)
    assert from_frames.ids == e.ids
    assert_close(from_frames.L, e.L, 1e-12, 0, "folder vs DataFrames")


@pytest.mark.parametrize("order", ["C", "F"])
def test_a_large_table_is_not_copied_in_python(order):
    # Z goes to C++ as a view (row- or column-major): numpy allocates nothing of Z's size on
    # the way; the one copy is the model's own, in C++. DataFrames of one float block work alike.
    import tracemalloc

    n = 1200
    rng = np.random.default_rng(1)
    z = np.asarray(rng.uniform(0, 1, (n, n)), order=order)
    ids = [f"s{i}" for i in range(n)]
    frame = pd.DataFrame(z, index=ids, columns=ids, copy=False)
    for given in (z, frame):
        tracemalloc.start()
        e = planner.Economy(Z=given, x=np.full(n, 2.0 * n), ids=ids if given is z else None)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < z.nbytes / 4, f"{peak} bytes allocated in Python for a {z.nbytes}-byte table"
        assert e.A.iloc[3, 5] == z[3, 5] / (2.0 * n)


def test_bad_pymrio_folder(tmp_path):
    with pytest.raises(planner.PlannerError, match="Z.txt"):
        planner.read_pymrio(tmp_path)
