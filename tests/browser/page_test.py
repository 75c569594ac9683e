"""The page of `planner serve` in a real browser (issue 21): Debian's chromium, headless,
driven by chromium-driver through python3-selenium. Starts `planner serve` on a free
loopback port, loads the page, moves the electricity goal and checks that the chart and the
binding table show the solver's numbers (the API's answer, itself `planner solve`'s result:
tests/server/api_test.py), that an infeasible plan shows its diagnosis, that undo works, that
the share link restores the edits and that the download is the plan the API gives; measures
the edit-to-redrawn-chart latency (performance.now() in the page) and prints its median.
Usage: page_test.py PLANNER_BINARY [--screenshot FILE.png]. Missing packages fail the test."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "server"))
from serve_process import Server  # noqa: E402

PLAN = "fyp1-stated-goals"
MISSING = []
if not shutil.which("chromium"):
    MISSING.append("chromium (apt-get install chromium)")
if not os.path.exists("/usr/bin/chromedriver"):
    MISSING.append("chromedriver (apt-get install chromium-driver)")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    MISSING.append("selenium (apt-get install python3-selenium)")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message)


def close(a, b, tol=1e-12):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


class Page:
    def __init__(self, driver, server):
        self.d, self.server = driver, server

    def solved(self):
        return int(self.d.find_element(By.TAG_NAME, "body").get_attribute("data-solved") or 0)

    def wait_solved(self, after):
        WebDriverWait(self.d, 60, poll_frequency=0.02).until(lambda d: self.solved() > after and self.d.execute_script("return state.seq") == self.solved())
        return self.solved()

    def set_field(self, number_id, value):
        """Types a value into a number's field and leaves it (a change event): returns when redrawn."""
        before = self.solved()
        field = self.d.find_element(By.ID, "num-" + number_id.replace(".", "-"))
        self.d.execute_script("arguments[0].closest('details').open = true", field)  # unfold its section
        field.clear()
        field.send_keys(repr(value), Keys.TAB)
        return self.wait_solved(before)

    def chart(self, series):
        """product → the value a bar of `series` stands for, as the page drew it."""
        out = {}
        for r in self.d.find_elements(By.CSS_SELECTOR, "#chart rect[data-series='%s']" % series):
            out[r.get_attribute("data-product")] = float(r.get_attribute("data-value"))
        return out

    def binding(self):
        return [tr.find_element(By.CSS_SELECTOR, "td.text").text
                for tr in self.d.find_elements(By.CSS_SELECTOR, "#binding-table tbody tr")]

    def api_solve(self, edits):
        status, answer, _ = self.server.request("POST", "/api/plans/%s/solve" % PLAN,
                                                {"edits": [{"id": k, "value": v} for k, v in edits.items()]})
        if status != 200:
            fail("the API refused %s: %s" % (edits, answer))
        return answer

    def check_against_api(self, edits, what):
        answer = self.api_solve(edits)
        drawn = self.chart("feasible")
        want = {p["id"]: p["feasible"] for p in answer["products"] if "feasible" in p and ("goal" in p or "actual" in p)}
        check(set(drawn) == set(want) and all(close(drawn[k], want[k]) for k in want),
              "%s: the chart's feasible bars are the solver's outputs (electricity %.6g)" % (what, drawn.get("electricity", float("nan"))))
        check(self.binding() == [b["text"] for b in answer["binding"]],
              "%s: the binding table is the solver's %d binding constraints in words" % (what, len(answer["binding"])))
        return answer


def main():
    planner = os.path.abspath(sys.argv[1])
    screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    if MISSING:
        fail("the browser test needs " + ", ".join(MISSING) + " (or run .ci/install-deps)")
    server = Server(planner, cwd=SOURCE)
    downloads = tempfile.mkdtemp()
    options = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(a)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    try:
        page = Page(driver, server)
        driver.get(server.url + "/#plan=" + PLAN)
        page.wait_solved(0)
        check(driver.find_element(By.ID, "plan").get_attribute("value") == PLAN, "the page opened the plan named in the link")
        base = page.check_against_api({}, "the plan as filed")

        # Move the electricity goal with the keyboard on its slider (input events, debounced).
        slider = driver.find_element(By.ID, "slider-goal-electricity")
        before = page.solved()
        slider.send_keys(*([Keys.ARROW_LEFT] * 30))
        page.wait_solved(before)
        moved = float(driver.find_element(By.ID, "num-goal-electricity").get_attribute("value"))
        check(moved < 6.0, "the slider moved the electricity goal from ×6 to ×%.4g" % moved)
        page.check_against_api({"goal.electricity": moved}, "slider")

        # Type goals into the field: each redraw timed by the page itself.
        driver.execute_script("window.plannerTimings.length = 0")
        values = [3.0 + 0.25 * k for k in range(3, 12)]  # ×3.75 … ×5.75 (×6 is the plan's own)
        for v in values:
            page.set_field("goal.electricity", v)
        timings = [t["edit_to_redraw_ms"] for t in driver.execute_script("return window.plannerTimings")]
        answer = page.check_against_api({"goal.electricity": values[-1]}, "electricity goal ×%g" % values[-1])
        check(answer["fulfilment"] > base["fulfilment"],
              "a smaller electricity goal raises λ: ×%g gives %.6f (×6: %.6f)" % (values[-1], answer["fulfilment"], base["fulfilment"]))
        lam = driver.find_element(By.ID, "status").text
        check(("%.4f" % answer["fulfilment"]) in lam, "the status line shows the solver's λ: " + lam)

        # Undo goes back one edit.
        before = page.solved()
        driver.find_element(By.ID, "undo").click()
        page.wait_solved(before)
        check(float(driver.find_element(By.ID, "num-goal-electricity").get_attribute("value")) == values[-2], "undo restores the previous goal")
        page.set_field("goal.electricity", values[-1])

        # An impossible consumption floor: the diagnosis.
        page.set_field("demand.grain", 90.0)
        answer = page.api_solve({"goal.electricity": values[-1], "demand.grain": 90.0})
        box = driver.find_element(By.ID, "diagnosis")
        check(answer["status"] == "infeasible" and box.is_displayed(), "an infeasible plan shows the diagnosis box")
        check(driver.find_element(By.ID, "diagnosis-text").text.strip() == answer["diagnosis"]["text"].strip(),
              "the diagnosis is the solver's")
        check(not page.chart("feasible") and not page.binding(), "no feasible bars or binding rows for an infeasible plan")
        page.set_field("demand.grain", 50.0)  # back to the plan's floor: the edit goes
        check("demand.grain" not in driver.execute_script("return [...state.edits.keys()]"), "the plan's own value removes the edit")

        # The share link restores the edits in a fresh page.
        driver.find_element(By.ID, "share").click()
        link = driver.find_element(By.ID, "share-link").get_attribute("value")
        check("goal.electricity:%g" % values[-1] in link, "the share link holds the edit: " + link.split("#")[1])
        expected = page.chart("feasible")
        driver.get("about:blank")
        driver.get(link)
        page.wait_solved(0)
        check(float(driver.find_element(By.ID, "num-goal-electricity").get_attribute("value")) == values[-1],
              "the share link restored the electricity goal")
        check(page.chart("feasible") == expected, "the share link redraws the same chart")

        # The download is the API's edited plan.
        driver.find_element(By.ID, "download").click()
        target = os.path.join(downloads, PLAN + "-edited.toml")
        deadline = time.monotonic() + 30
        while not os.path.exists(target) and time.monotonic() < deadline:
            time.sleep(0.1)
        _, toml, _ = server.request("POST", "/api/plans/%s/toml" % PLAN, {"edits": [{"id": "goal.electricity", "value": values[-1]}]})
        check(os.path.exists(target) and open(target).read() == toml, "the downloaded plan is the edited plan file")

        if screenshot:
            driver.get("about:blank")
            driver.get(server.url + "/#plan=" + PLAN + "&edits=goal.electricity:4.5")
            page.wait_solved(0)
            driver.save_screenshot(screenshot)
            print("screenshot: " + screenshot)
        median = statistics.median(timings)
        print("edit-to-redrawn-chart latency over %d edits of the electricity goal: median %.1f ms, min %.1f, max %.1f"
              % (len(timings), median, min(timings), max(timings)))
        # The peer in the same run: `planner solve` of the same edited plan from the command line.
        with open(os.path.join(downloads, "peer.toml"), "w") as f:
            f.write(toml)
        peer = []
        for _ in range(len(values)):
            start = time.monotonic()
            subprocess.run([planner, "solve", f.name, "--format", "json"], capture_output=True, check=True)
            peer.append(1000 * (time.monotonic() - start))
        print("peer, planner solve of the same plan (process start, read, solve, print): median %.1f ms; page / peer = %.2f; "
              "load average %.1f" % (statistics.median(peer), median / statistics.median(peer), os.getloadavg()[0]))
        check(len(timings) == len(values), "one timing per edit")
    finally:
        driver.quit()
        code, err = server.stop()
        shutil.rmtree(downloads, ignore_errors=True)
    if code != 0:
        fail("planner serve did not stop cleanly: %s %s" % (code, err))
    print("PASS")


if __name__ == "__main__":
    main()
