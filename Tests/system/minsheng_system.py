"""Shared helpers of the system tests (crash, soak, schemathesis): start `minsheng serve` on a data folder, sign in
and create a personal API token, a small JSON client on one keep-alive connection, and the server's memory.

Standard library only. The binary is `--bin`, else $MINSHENG_BIN, else .build/debug/minsheng (what CI builds).
"""
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_BIN = os.environ.get("MINSHENG_BIN") or os.path.join(ROOT, ".build", "debug", "minsheng")
DEFAULT_PORT = int(os.environ.get("MINSHENG_TEST_PORT", "0"))


def add_server_arguments(parser):
    """The options every system test takes: the binary, the port and the work folder."""
    parser.add_argument("--bin", default=DEFAULT_BIN, help="the minsheng binary (default $MINSHENG_BIN or .build/debug/minsheng)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="loopback port, 0 for any free one (default $MINSHENG_TEST_PORT or 0)")
    parser.add_argument("--work", default=None, help="folder for the data folder and logs (default: a new temporary folder)")


class Server:
    """One `minsheng serve` process on a data folder, on loopback."""

    def __init__(self, binary, data_dir, log_path, port=0, password="system-test-password", env=None):
        self.binary = os.path.abspath(binary)
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = port
        self.password = password
        self.extra_env = env or {}
        self.process = None
        self.url = None

    def start(self, timeout=180):
        if not os.path.exists(self.binary):
            raise SystemExit(f"no minsheng binary at {self.binary}: build it (swift build) or pass --bin / MINSHENG_BIN")
        env = dict(os.environ)
        env.update({"MINSHENG_ADMIN_PASSWORD": self.password, "LOG_LEVEL": env.get("LOG_LEVEL", "warning")})
        env.update(self.extra_env)
        self.log = open(self.log_path, "ab")
        offset = self.log.tell()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--data-dir", self.data_dir, "--hostname", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.log_path, "rb") as f:
                f.seek(offset)
                text = f.read().decode("utf-8", "replace")
            match = re.search(r"Minsheng is running at (http://\S+)", text)
            if match:
                self.url = match.group(1).rstrip("/")
                return self.url
            if self.process.poll() is not None:
                raise RuntimeError(f"minsheng serve exited with {self.process.returncode} before it was ready:\n{text[-3000:]}")
            time.sleep(0.1)
        raise RuntimeError(f"minsheng serve was not ready in {timeout} s; see {self.log_path}")

    @property
    def pid(self):
        return self.process.pid

    def kill(self):
        """SIGKILL: no shutdown at all."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        if self.process:
            self.process.wait()
        self.log.close()

    def stop(self, timeout=30):
        """SIGTERM and wait (SIGKILL after timeout)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()

    def memory_kb(self):
        """VmRSS and VmHWM in KiB, from /proc."""
        values = {}
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, amount = line.split(":")
                    values[key] = int(amount.split()[0])
        return values.get("VmRSS", 0), values.get("VmHWM", 0)


def fresh_server(args, name):
    """A server on a new data folder under args.work (or a new temporary folder) with a random admin password:
    returns (work folder, server, password); the server is not started yet."""
    work = args.work or tempfile.mkdtemp(prefix=f"minsheng-{name}-")
    os.makedirs(work, exist_ok=True)
    data_dir = os.path.join(work, "data")
    shutil.rmtree(data_dir, ignore_errors=True)
    password = f"{name}-" + uuid.uuid4().hex
    return work, Server(args.bin, data_dir, os.path.join(work, "serve.log"), port=args.port, password=password), password


def indicators_of(plan):
    """Each item's indicators as (id, kind), a percentage's kind being "percentage" (the server takes at most 1,000%
    of one, ValueBounds), from the API's plan."""
    def kind(indicator):
        percent = "%" in (indicator.get("unit") or "") or "％" in (indicator.get("unit") or "")
        return "percentage" if percent and indicator["kind"] != "milestone" else indicator["kind"]
    return {item["id"]: [(i["id"], kind(i)) for i in item["indicators"]] for c in plan["categories"] for item in c["items"]}


def create_token(base, username, password, name="system-test"):
    """Signs in with the login form and creates a personal API token through the API (session cookie plus the
    page's CSRF token, as the /account/tokens page does); returns the secret."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def csrf(page):
        match = re.search(r'name="_csrf" value="([^"]*)"', page)
        if not match:
            raise RuntimeError("no CSRF token on the page")
        return match.group(1)

    login = opener.open(base + "/login", timeout=30).read().decode()
    form = urllib.parse.urlencode({"_csrf": csrf(login), "username": username, "password": password, "next": "/"}).encode()
    opener.open(base + "/login", data=form, timeout=30).read()
    if not any(cookie.name == "minsheng_session" for cookie in jar):
        raise RuntimeError(f"could not sign in as {username}")
    page = opener.open(base + "/account/tokens", timeout=30).read().decode()
    request = urllib.request.Request(
        base + "/api/v1/tokens", data=json.dumps({"name": name}).encode(), method="POST",
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf(page)},
    )
    answer = json.loads(opener.open(request, timeout=30).read())
    return answer["secret"]


class Client:
    """JSON over one keep-alive HTTP/1.1 connection (one per thread). Connection failures raise OSError or
    http.client.HTTPException; any status is returned."""

    def __init__(self, base, token=None, timeout=60):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.token = token
        self.timeout = timeout
        self.connection = None

    def close(self):
        if self.connection:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None):
        """Returns (status, headers, body bytes)."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        all_headers = {"Accept": "application/json"}
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        try:
            self.connection.request(method, path, body=data, headers=all_headers)
            response = self.connection.getresponse()
            payload = response.read()
        except BaseException:
            self.close()
            raise
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return response.status, response.headers, payload

    def json(self, method, path, body=None, headers=None, expect=(200, 201)):
        status, _, payload = self.request(method, path, body, headers)
        if status not in expect:
            raise HTTPError(method, path, status, payload)
        return json.loads(payload) if payload else None


class HTTPError(Exception):
    def __init__(self, method, path, status, payload):
        super().__init__(f"{method} {path} -> {status}: {payload[:500].decode('utf-8', 'replace')}")
        self.status = status
        self.payload = payload
