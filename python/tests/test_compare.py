"""planner.compare(...) against `planner compare --format json` (parsed JSON, not text), and the
tables and HTML report it gives."""
import json
import subprocess

import pandas as pd
import pytest

import planner
from conftest import CLI, SOURCE

FYP1 = SOURCE / "plans/fyp1-gosplan-optimal.toml"
VARIANTS = [SOURCE / "plans" / p for p in ("fyp1-stated-goals.toml", "fyp1-gosplan-initial.toml",
                                           "fyp1-gosplan-optimal.toml", "fyp1-revised-1930.toml")]


def cli_json(*args) -> dict:
    out = subprocess.run([str(CLI), "compare", *map(str, args), "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def test_first_plan_comparison_equals_the_cli_json():
    c = planner.compare(FYP1)
    assert c.json == cli_json(FYP1)
    assert c.plans[0]["fulfilment"] == pytest.approx(cli_json(FYP1)["plans"][0]["fulfilment"], rel=0)


def test_four_variants_and_scenarios_equal_the_cli_json():
    c = planner.compare(*VARIANTS, no_consumption_floor=True, no_exports=True)
    assert c.json == cli_json(*VARIANTS, "--no-consumption-floor", "--no-exports")
    plans = [planner.read_plan(p) for p in VARIANTS]
    assert planner.compare(*plans, frontiers=False, history=False).json == \
        cli_json(*VARIANTS, "--no-frontiers", "--no-history")


def test_tables_are_labelled_dataframes():
    c = planner.compare(FYP1)
    p = c.products
    assert isinstance(p, pd.DataFrame) and p.index.names == ["plan", "id"]
    name = c.plans[0]["name"]
    assert p.loc[(name, "coal"), "goal"] == next(x["goal"] for x in c.plans[0]["products"] if x["id"] == "coal")
    assert c.summary.loc[name, "fulfilment"] == c.plans[0]["fulfilment"]
    assert len(c.binding) == len(c.plans[0]["binding"])
    assert {"row", "shadow_price"} <= set(c.binding.columns)


def test_html_report_is_the_cli_report(tmp_path):
    out = tmp_path / "fyp1.html"
    c = planner.compare(FYP1, html=out)
    cli_out = tmp_path / "cli.html"
    subprocess.run([str(CLI), "compare", str(FYP1), "--format", "html", "--out", str(cli_out)], check=True)
    assert out.read_text() == cli_out.read_text() == c.to_html()
    assert c.to_markdown().startswith("#") or "|" in c.to_markdown()
    assert [p.name for p in tmp_path.iterdir()] and all(not p.name.startswith(".") for p in tmp_path.iterdir())
