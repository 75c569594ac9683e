"""Starts `planner serve` on a free loopback port for a test and stops it (SIGTERM)."""
import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request


class Server:
    """`planner serve --port 0 …` as a child process; `url` is what it printed."""

    def __init__(self, planner, *args, cwd=None):
        self.proc = subprocess.Popen([planner, "serve", "--port", "0", *args], cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()
        line = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        if not line or not line[0].startswith("http://"):
            self.proc.kill()
            raise RuntimeError("planner serve printed no URL: %r %s" % (line, "".join(self.stderr)))
        self.url = line[0].strip().rstrip("/")

    def request(self, method, path, body=None, raw=None, timeout=60):
        """(status, parsed JSON or text, headers) of one request."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, text, headers = r.status, r.read().decode(), dict(r.headers)
        except urllib.error.HTTPError as e:
            status, text, headers = e.code, e.read().decode(), dict(e.headers)
        try:
            return status, json.loads(text), headers
        except ValueError:
            return status, text, headers

    def stop(self):
        """SIGTERM; returns (exit code, standard error)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(120)  # an ASan build checks for leaks on the way out: slow on a busy machine
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = "killed after 120 s"
        time.sleep(0.1)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code, "".join(self.stderr)
