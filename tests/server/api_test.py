"""API tests of `planner serve` (issue 21) against the real server process on a free loopback
port: every endpoint, bad JSON, oversize bodies, unknown ids, 50 concurrent solves, the
answer after them, and solve results equal to `planner solve --format json` of the same
edited plan file (downloaded from the server). Usage: api_test.py PLANNER_BINARY."""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from serve_process import Server  # noqa: E402

PLANNER = None
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAN = "fyp1-stated-goals"
EDITS = [{"id": "goal.electricity", "value": 4.5}, {"id": "capacity.steel", "value": 5.0},
         {"id": "resource.labour.1931", "value": 10.0}, {"id": "technical.coal.steel", "value": 0.3},
         {"id": "capital.steel.coal", "value": 0.05}, {"id": "demand.grain", "value": 45.0}]


def cli(*args):
    return subprocess.run([PLANNER, *args], cwd=SOURCE, capture_output=True, text=True)


class ServeApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(PLANNER, "--max-solves", "2", cwd=SOURCE)

    @classmethod
    def tearDownClass(cls):
        code, err = cls.server.stop()
        assert code == 0 and "stopped" in err, (code, err)

    def call(self, method, path, body=None, **kw):
        return self.server.request(method, path, body, **kw)

    def assert_error(self, status, answer, code, words):
        self.assertEqual(status, code, answer)
        self.assertIsInstance(answer, dict)
        self.assertIn(words, answer["error"])

    def solve_with_cli(self, edits):
        """The server's TOML of the edited plan, solved by `planner solve --format json`."""
        status, text, headers = self.call("POST", "/api/plans/%s/toml" % PLAN, {"edits": edits})
        self.assertEqual(status, 200)
        self.assertIn("attachment", headers.get("Content-Disposition", ""))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "edited.toml")  # outside the repository: the model path is absolute
            with open(path, "w") as f:
                f.write(text)
            run = subprocess.run([PLANNER, "solve", path, "--format", "json"], capture_output=True, text=True)
        return run, text

    def test_lists_models_and_plans(self):
        status, models, _ = self.call("GET", "/api/models")
        self.assertEqual(status, 200)
        ids = [m["id"] for m in models["models"]]
        self.assertEqual(ids, sorted(d for d in os.listdir(os.path.join(SOURCE, "models"))
                                     if os.path.isfile(os.path.join(SOURCE, "models", d, "model.toml"))))
        status, plans, _ = self.call("GET", "/api/plans")
        self.assertEqual(status, 200)
        self.assertEqual([p["id"] for p in plans["plans"]],
                         sorted(f[:-5] for f in os.listdir(os.path.join(SOURCE, "plans")) if f.endswith(".toml")))
        self.assertEqual({p["model"] for p in plans["plans"] if p["id"].startswith("fyp1")}, {"ussr-1928"})

    def test_plan_numbers(self):
        status, plan, _ = self.call("GET", "/api/plans/" + PLAN)
        self.assertEqual(status, 200)
        numbers = {n["id"]: n for n in plan["numbers"]}
        # The plan file's and the model's own numbers (plans/fyp1-stated-goals.toml, models/ussr-1928/model.toml).
        self.assertEqual(numbers["goal.electricity"]["value"], 6.0)
        self.assertEqual(numbers["capacity.electricity"]["value"], 5.54)
        self.assertEqual(numbers["resource.labour.1928"]["value"], 4.4)
        self.assertEqual(numbers["demand.cement"]["value"], 5.0)
        self.assertEqual(numbers["capital.cement.pig_iron"]["value"], 0.6)
        self.assertEqual({n["kind"] for n in plan["numbers"]}, {"goal", "capacity", "resource", "floor", "technical", "capital"})
        self.assertEqual(len([n for n in plan["numbers"] if n["kind"] == "technical"]), 11 * 11)
        self.assertEqual(plan["years"], list(range(1928, 1934)))

    def test_solve_equals_planner_solve_of_the_downloaded_plan(self):
        for edits in ([], EDITS):
            status, answer, _ = self.call("POST", "/api/plans/%s/solve" % PLAN, {"edits": edits})
            self.assertEqual(status, 200, answer)
            self.assertEqual(answer["status"], "optimal")
            run, _ = self.solve_with_cli(edits)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(answer["result"], json.loads(run.stdout))
            # What the page draws is read from that same result.
            result = answer["result"]
            self.assertEqual(answer["fulfilment"], result["fulfilment"])
            electricity = next(p for p in answer["products"] if p["id"] == "electricity")
            self.assertEqual(electricity["feasible"], result["output"]["electricity"]["5"])
            self.assertEqual(electricity["actual"], 13.4)
            rows = {r for b in answer["binding"] for r in b["rows"]}
            self.assertLessEqual(rows, set(result["binding"]))
            self.assertTrue(answer["binding"][0]["text"].endswith(")"))

    def test_an_edit_moves_the_answer(self):
        # Electricity ×6 → ×4.5: the electricity goal asks less, so λ (every goal's share) cannot fall.
        _, base, _ = self.call("POST", "/api/plans/%s/solve" % PLAN, {})
        _, edited, _ = self.call("POST", "/api/plans/%s/solve" % PLAN, {"edits": [EDITS[0]]})
        self.assertGreaterEqual(edited["fulfilment"], base["fulfilment"] - 1e-9)
        goal = next(p for p in edited["products"] if p["id"] == "electricity")["goal"]
        self.assertAlmostEqual(goal, 4.5 * 5.05, places=9)  # multiple × the 1927/28 output 5.05 bn kWh

    def test_infeasible_plan_has_a_diagnosis(self):
        edits = [{"id": "demand.grain", "value": 90.0}]  # more grain eaten than the land can grow
        status, answer, _ = self.call("POST", "/api/plans/%s/solve" % PLAN, {"edits": edits})
        self.assertEqual(status, 200)
        self.assertEqual(answer["status"], "infeasible")
        self.assertIn("capacity[grain", answer["diagnosis"]["text"])
        run, _ = self.solve_with_cli(edits)
        self.assertEqual(run.returncode, 3)
        self.assertEqual(answer["result"], json.loads(run.stdout))

    def test_download_round_trip(self):
        run, text = self.solve_with_cli(EDITS)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("# edit: goal.electricity = 4.5", text)
        self.assertIn("[capacity]", text)
        self.assertIn("[technical.coal]", text)

    def test_compare(self):
        status, answer, _ = self.call("POST", "/api/plans/%s/compare" % PLAN, {"edits": EDITS[:1], "with": ["fyp1-gosplan-optimal"]})
        self.assertEqual(status, 200, answer)
        self.assertEqual(len(answer["plans"]), 2)
        with tempfile.TemporaryDirectory() as d:
            _, text, _ = self.call("POST", "/api/plans/%s/toml" % PLAN, {"edits": EDITS[:1]})
            path = os.path.join(d, "e.toml")
            open(path, "w").write(text)
            run = cli("compare", path, "plans/fyp1-gosplan-optimal.toml", "--no-frontiers", "--no-history", "--format", "json")
        self.assertEqual(run.returncode, 0, run.stderr)
        expected = json.loads(run.stdout)
        for key in ("fulfilment", "status"):
            self.assertEqual([p.get(key) for p in answer["plans"]], [p.get(key) for p in expected["plans"]])

    def test_analyze(self):
        status, answer, _ = self.call("GET", "/api/models/miller-blair-2/analyze")
        self.assertEqual(status, 200)
        run = cli("analyze", "models/miller-blair-2/model.toml", "--format", "json")
        expected = json.loads(run.stdout)
        for key in ("leontief_inverse", "output_multipliers", "technical"):
            self.assertEqual(answer[key], expected[key])

    def test_page_is_served_and_self_contained(self):
        for path, kind in (("/", "text/html"), ("/page.js", "javascript"), ("/page.css", "text/css")):
            status, text, headers = self.call("GET", path)
            self.assertEqual(status, 200)
            self.assertIn(kind, headers["Content-Type"])
            for outside in ('src="http', "href=\"http", "url(http", "fetch('http", 'import '):
                self.assertNotIn(outside, text, path)

    def test_bad_requests(self):
        solve = "/api/plans/%s/solve" % PLAN
        self.assert_error(*self.call("POST", solve, raw=b"{not json")[:2], 400, "not JSON")
        self.assert_error(*self.call("POST", solve, raw=b"[1, 2]")[:2], 400, "JSON object")
        self.assert_error(*self.call("POST", solve, {"edits": {"id": "x"}})[:2], 400, "list")
        self.assert_error(*self.call("POST", solve, {"edits": [{"id": "goal.electricity", "value": "6"}]})[:2], 400, "edits[0]")
        self.assert_error(*self.call("POST", solve, {"edits": [{"id": "goal.nothing", "value": 1}]})[:2], 400, "goal.nothing")
        self.assert_error(*self.call("POST", solve, {"edits": [{"id": "capacity.coal", "value": -1}]})[:2], 400, "capacity.coal")
        self.assert_error(*self.call("POST", "/api/plans/nothing/solve", {})[:2], 404, "no plan \"nothing\"")
        self.assert_error(*self.call("GET", "/api/plans/nothing")[:2], 404, "no plan")
        self.assert_error(*self.call("GET", "/api/models/nothing/analyze")[:2], 404, "no model")
        self.assert_error(*self.call("GET", solve)[:2], 405, "POST")
        self.assert_error(*self.call("DELETE", "/api/plans")[:2], 405, "GET")
        self.assert_error(*self.call("GET", "/api/elsewhere")[:2], 404, "no API route")
        self.assert_error(*self.call("GET", "/api/plans/..%2F..%2Fetc%2Fpasswd")[:2], 404, "no ")
        self.assert_error(*self.call("GET", "/api/plans/..")[:2], 404, "no plan \"..\"")
        self.assert_error(*self.call("POST", "/api/plans/%s/compare" % PLAN, {"with": ["../plans/x"]})[:2], 404, "no plan")
        self.assert_error(*self.call("POST", solve, raw=b"{" + b" " * (2 << 20) + b"}")[:2], 413, "larger")
        status, answer, _ = self.call("GET", "/api/plans")  # still answering
        self.assertEqual(status, 200)

    def rss_kib(self):
        with open("/proc/%d/status" % self.server.proc.pid) as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

    def test_fifty_concurrent_solves(self):
        rounds = [self.fifty_at_once() for _ in range(2)]
        # Memory stays bounded: a second round of 50 needs no more than the first left behind
        # (allocator slack aside).
        self.assertLess(rounds[1], rounds[0] * 1.25 + 20_000, "VmRSS after each round, KiB: %s" % rounds)

    def fifty_at_once(self):
        def one(k):
            edits = [{"id": "goal.electricity", "value": 3.0 + k / 10}]
            start = time.monotonic()
            status, answer, headers = self.call("POST", "/api/plans/%s/solve" % PLAN, {"edits": edits}, timeout=120)
            return status, answer, time.monotonic() - start
        with concurrent.futures.ThreadPoolExecutor(50) as pool:
            answers = list(pool.map(one, range(50)))
        statuses = [a[0] for a in answers]
        self.assertEqual(set(statuses) - {200, 503}, set(), statuses)
        self.assertGreater(statuses.count(200), 0)
        for status, answer, _ in answers:
            if status == 503:
                self.assertIn("busy", answer["error"])
            else:
                self.assertEqual(answer["status"], "optimal")
        self.assertLess(max(a[2] for a in answers), 120)  # each answered or refused, none left hanging
        status, answer, _ = self.call("POST", "/api/plans/%s/solve" % PLAN, {})
        self.assertEqual((status, answer["status"]), (200, "optimal"))
        return self.rss_kib()

    def test_limits(self):
        status, limits, _ = self.call("GET", "/api/limits")
        self.assertEqual((status, limits["max_body"], limits["max_solves"]), (200, 1 << 20, 2))


class ServeCliTest(unittest.TestCase):
    def test_every_address_only_when_asked_with_a_warning(self):
        s = Server(PLANNER, "--host", "0.0.0.0", cwd=SOURCE)
        code, err = s.stop()
        self.assertEqual(code, 0)
        self.assertIn("warning: listening on 0.0.0.0", err)
        s = Server(PLANNER, cwd=SOURCE)
        self.assertTrue(s.url.startswith("http://127.0.0.1:"))
        code, err = s.stop()
        self.assertNotIn("warning", err)

    def test_a_stop_right_after_the_url_always_stops(self):
        # httplib ignored stop() until its listener thread had started: a SIGTERM just after the
        # URL left the server running (seen under load). Ten quick starts and stops.
        for _ in range(10):
            code, err = Server(PLANNER, cwd=SOURCE).stop()
            self.assertEqual(code, 0, err)

    def test_bad_folder(self):
        run = cli("serve", "--port", "0", "--plans", "no-such-folder")
        self.assertEqual(run.returncode, 2)
        self.assertIn("no-such-folder", run.stderr)


if __name__ == "__main__":
    PLANNER = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
