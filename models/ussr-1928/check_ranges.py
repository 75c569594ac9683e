#!/usr/bin/env python3
"""Check the uncertainty ranges of the USSR 1927/28 model, its Five-Year-Plan files, the
variant with choices of technique (../ussr-1928-techniques) and the counterfactual plans
(../../plans/counterfactual).

Usage: python3 check_ranges.py            (from any directory; python3 standard library only)

Checks (README.md, section "Uncertainty ranges"):
  * every number on a line labelled "assumption" (a trailing comment containing the word, or,
    in a plan's goal, a source string containing it) is a range table
    { value = ..., low = ..., high = ..., dist = "...", group = "..." }, except the structural
    integers (lag, per_output_lag, per_capacity_lag, base_year, demand_years, years, year);
  * for matrix rows ([technical.rows], [capital.rows]) labelled "assumption", every nonzero
    entry appears in the ranges CSV named by `ranges = "..."`; the CSV's value equals the entry;
  * every range: known dist; low <= value <= high (required for uniform and triangular);
    normal needs sd > 0, lognormal needs gsd > 1; low >= 0; depreciation's high < 1;
  * a group is not mixed in dist kind (across the model, its CSVs and all plans).
Prints the number of uncertain numbers and of independent groups (a group counts once, an
ungrouped range counts once); exits 1 and lists the violations if there are any.
"""
import csv
import math
import os
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "model.toml")
PLANS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "plans"))
VARIANT_DIR = os.path.normpath(os.path.join(HERE, "..", "ussr-1928-techniques"))
COUNTERFACTUAL_DIR = os.path.join(PLANS_DIR, "counterfactual")
PLAN_PATTERN = re.compile(r"^(fyp1-.*|fyp2|fyp3)\.toml$")

DISTS = {"uniform", "triangular", "normal", "lognormal"}
RANGE_KEYS = {"value", "low", "high", "sd", "gsd"}
STRUCTURAL = {"lag", "per_output_lag", "per_capacity_lag", "base_year", "demand_years", "years", "year"}
GROUP_RE = re.compile(r"^[a-z0-9_]+$")
NUMBER_RE = re.compile(r"(?<![\w.])[-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])")
ASSIGN_RE = re.compile(r"([A-Za-z0-9_]+)\s*=\s*([-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w.])")

violations = []
groups = {}        # group -> set of dist kinds
group_members = {} # group -> count
ungrouped = 0
uncertain = 0


def split_line(line):
    """Return (code with strings blanked, comment, list of string contents)."""
    code, strings, i, n = [], [], 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "#":
            return "".join(code), line[i + 1:], strings
        if ch in "\"'":
            j = i + 1
            while j < n and line[j] != ch:
                j += 2 if (ch == '"' and line[j] == "\\") else 1
            strings.append(line[i + 1:j])
            code.append('""')
            i = j + 1
            continue
        code.append(ch)
        i += 1
    return "".join(code), "", strings


def check_range(where, key, r):
    """r is a dict with 'dist'. Records violations, counts it."""
    global uncertain, ungrouped
    uncertain += 1
    dist = r.get("dist")
    if dist not in DISTS:
        violations.append(f"{where}: dist {dist!r} is not one of {sorted(DISTS)}")
        return
    v = r.get("value")
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        violations.append(f"{where}: no numeric value")
        return
    lo, hi = r.get("low"), r.get("high")
    if dist in ("uniform", "triangular") and (lo is None or hi is None):
        violations.append(f"{where}: {dist} needs low and high")
    if lo is not None and lo > v:
        violations.append(f"{where}: low {lo} > value {v}")
    if hi is not None and hi < v:
        violations.append(f"{where}: high {hi} < value {v}")
    if lo is not None and hi is not None and not lo < hi:
        violations.append(f"{where}: low {lo} is not below high {hi}")
    if dist == "normal" and not (isinstance(r.get("sd"), (int, float)) and r["sd"] > 0):
        violations.append(f"{where}: normal needs sd > 0")
    if dist == "lognormal" and not (isinstance(r.get("gsd"), (int, float)) and r["gsd"] > 1):
        violations.append(f"{where}: lognormal needs gsd > 1")
    if dist == "lognormal" and v <= 0:
        violations.append(f"{where}: lognormal needs value (median) > 0")
    if v < 0 or (lo is not None and lo < 0) or (dist == "normal" and lo is None):
        violations.append(f"{where}: range may go below 0 (set low >= 0)")
    if key == "depreciation" and (hi is None or hi >= 1):
        violations.append(f"{where}: depreciation needs high < 1")
    extra = set(r) - RANGE_KEYS - {"dist", "group"}
    if extra:
        violations.append(f"{where}: unknown keys {sorted(extra)}")
    g = r.get("group")
    if g is None or g == "":
        ungrouped += 1
    elif not GROUP_RE.match(str(g)):
        violations.append(f"{where}: group {g!r} must match [a-z0-9_]+")
    else:
        groups.setdefault(g, set()).add(dist)
        group_members[g] = group_members.get(g, 0) + 1


def walk(where, key, node):
    """Check every range table in the parsed TOML."""
    if isinstance(node, dict):
        if "dist" in node:
            check_range(where, key, node)
            return
        for k, v in node.items():
            walk(f"{where}.{k}", k, v)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(f"{where}[{i}]", key, v)


def check_labelled_lines(path, text):
    """Every number on an assumption-labelled line must sit inside a range table."""
    rel = os.path.relpath(path, HERE)
    section = ""
    matrix_rows = {}  # section -> {row: (line number, labelled)}
    for no, line in enumerate(text.split("\n"), 1):
        code, comment, strings = split_line(line)
        s = code.strip()
        m = re.match(r"^\[+([^\]]+)\]+", s)
        if m:
            section = m.group(1).strip()
            continue
        labelled = "assumption" in comment.lower() or any("assumption" in x.lower() for x in strings)
        if section in ("technical.rows", "capital.rows"):
            mm = re.match(r"^([a-z0-9_]+)\s*=\s*\[", s)
            if mm:
                matrix_rows.setdefault(section, {})[mm.group(1)] = (no, labelled)
            continue
        if not labelled:
            continue
        if re.match(r"^(%s)\s*=" % "|".join(STRUCTURAL), s):
            continue  # structural choice, not sampled
        rest = code
        for am in list(ASSIGN_RE.finditer(code)):
            k = am.group(1)
            if k in RANGE_KEYS or k in STRUCTURAL:
                continue
            violations.append(f"{rel}:{no}: '{k} = {am.group(2)}' is labelled assumption but has no range")
        rest = ASSIGN_RE.sub(" ", code)
        for nm in NUMBER_RE.finditer(rest):
            violations.append(f"{rel}:{no}: bare number {nm.group(0)} on an assumption line has no range")
    return matrix_rows


def check_matrix(data, matrix_rows, table):
    ids = [s["id"] for s in data.get("sector", [])]
    sec = data.get(table, {})
    rows = sec.get("rows", {})
    name = sec.get("ranges")
    labelled = {r for r, (_, lab) in matrix_rows.get(f"{table}.rows", {}).items() if lab}
    entries = {}
    if name is None:
        if any(v != 0 for r in labelled for v in rows.get(r, [])):
            violations.append(f"[{table}] has labelled nonzero entries but no ranges = \"...\" file")
        return
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        violations.append(f"[{table}] ranges file {name} not found")
        return
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        want = ["row", "column", "value", "low", "high", "dist", "sd", "gsd", "group", "reason"]
        if reader.fieldnames != want:
            violations.append(f"{name}: header {reader.fieldnames} is not {want}")
            return
        for ln, rec in enumerate(reader, 2):
            where = f"{name}:{ln}"
            r, c = rec["row"], rec["column"]
            if r not in rows or c not in ids:
                violations.append(f"{where}: unknown row/column {r!r}/{c!r}")
                continue
            if (r, c) in entries:
                violations.append(f"{where}: duplicate entry {r}/{c}")
            entries[(r, c)] = ln
            try:
                num = {k: float(rec[k]) for k in ("value", "low", "high", "sd", "gsd") if rec[k].strip()}
            except ValueError as e:
                violations.append(f"{where}: not a number ({e})")
                continue
            entry = rows[r][ids.index(c)]
            if "value" not in num or num["value"] != float(entry):
                violations.append(f"{where}: value {rec['value']!r} differs from the matrix entry {entry}")
            if float(entry) == 0:
                violations.append(f"{where}: {r}/{c} is a structural zero and must not get a range")
            if not rec["reason"].strip():
                violations.append(f"{where}: no reason")
            rng = dict(num, dist=rec["dist"].strip())
            if rec["group"].strip():
                rng["group"] = rec["group"].strip()
            check_range(where, "coefficient", rng)
    for r in labelled:
        for c, v in zip(ids, rows.get(r, [])):
            if v != 0 and (r, c) not in entries:
                violations.append(f"[{table}.rows] {r}/{c} = {v} is labelled assumption but not in {name}")


def main():
    files = [MODEL] + sorted(os.path.join(PLANS_DIR, f) for f in os.listdir(PLANS_DIR) if PLAN_PATTERN.match(f))
    # The variant with choices of technique (issue 19) extends this model: its model and plans too.
    if os.path.isdir(VARIANT_DIR):
        files += sorted(os.path.join(VARIANT_DIR, f) for f in os.listdir(VARIANT_DIR) if f.endswith(".toml"))
    # The counterfactual plans on that variant (NEP, Bukharin, 1930, consumption floor).
    if os.path.isdir(COUNTERFACTUAL_DIR):
        files += sorted(os.path.join(COUNTERFACTUAL_DIR, f) for f in os.listdir(COUNTERFACTUAL_DIR) if f.endswith(".toml"))
    per_file = []
    for path in files:
        before = uncertain
        with open(path, "rb") as f:
            raw = f.read()
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except tomllib.TOMLDecodeError as e:
            violations.append(f"{os.path.relpath(path, HERE)}: TOML error {e}")
            continue
        matrix_rows = check_labelled_lines(path, raw.decode("utf-8"))
        walk(os.path.basename(path), "", data)
        if path == MODEL:
            for table in ("technical", "capital"):
                check_matrix(data, matrix_rows, table)
        per_file.append((os.path.relpath(path, HERE), uncertain - before))
    for g, kinds in sorted(groups.items()):
        if len(kinds) > 1:
            violations.append(f"group {g!r} mixes dist kinds {sorted(kinds)}")
    for name, n in per_file:
        print(f"{name}: {n} uncertain numbers")
    print(f"total: {uncertain} uncertain numbers, {len(groups)} groups + {ungrouped} ungrouped = "
          f"{len(groups) + ungrouped} independent draws")
    if violations:
        print(f"{len(violations)} violation(s):")
        for v in violations:
            print("  " + v)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
