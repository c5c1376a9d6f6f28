#!/usr/bin/env python3
"""System test of two Minsheng instances on a PostgreSQL primary and a streaming replica, behind nginx.

Needs a cluster started by `scripts/replica-cluster start DIR` (or run the whole thing with
`scripts/replica-cluster test`). Signs in with the login form on instance 1, then with the same session cookie saves
and submits a report on instance 2, and checks that:

- instance 1 shows the submitted report (read from the primary);
- the replica holds the report's row once it has replayed the primary's WAL up to the submission;
- the replica really serves reads: after instance 2 loads the overview, the public pages and the documents, instance 2
  holds connections to the replica port that the replica's pg_stat_activity lists, and the replica's committed
  transactions grew;
- pages through nginx work, signed in or not, and nginx used both instances.

Python 3 standard library only. Exits 1 with a message naming the failed check.

usage: replica_test.py DIR/cluster.env
"""
import html.parser
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PERIOD = "2019-10"
TIMEOUT = 120


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def ok(message):
    print(f"ok: {message}", flush=True)


def read_env(path):
    settings = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                settings[key] = value
    for key in ("NGINX_URL", "APP1_URL", "APP2_URL", "PRIMARY_PORT", "REPLICA_PORT", "APP1_PID", "APP2_PID", "PSQL",
                "ADMIN_USERNAME", "ADMIN_PASSWORD", "LOG_DIR"):
        check(key in settings, f"{path} lacks {key}")
    return settings


# MARK: HTTP with a cookie jar shared by every instance (cookies do not depend on the port)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Response:
    def __init__(self, status, headers, body, url):
        self.status, self.headers, self.url = status, headers, url
        self.text = body.decode("utf-8", errors="replace")


class Browser:
    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect())

    def request(self, method, url, form=None, headers=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with self.opener.open(request, timeout=TIMEOUT) as raw:
                response = Response(raw.status, raw.headers, raw.read(), url)
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.headers, error.read(), url)
        except OSError as error:
            raise Failure(f"{method} {url} failed: {error}") from error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in header.lower() or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return response

    def get(self, url, expect=200, **kwargs):
        response = self.request("GET", url, **kwargs)
        check(response.status == expect, f"GET {url} answered {response.status}, expected {expect}: {snippet(response.text)}")
        return response

    def post(self, url, form, **kwargs):
        return self.request("POST", url, form=form, **kwargs)


def snippet(text, length=300):
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text).strip()[:length]


class Forms(html.parser.HTMLParser):
    """The forms of a page: their class and action, and each field's name and value (hidden inputs, text inputs and
    textareas) in order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.textarea = [], None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"class": attrs.get("class") or "", "action": attrs.get("action") or "", "fields": []}
            self.forms.append(self.current)
        elif self.current is not None and tag == "input" and attrs.get("name"):
            self.current["fields"].append((attrs["name"], attrs.get("value") or "", attrs.get("type") or "text"))
        elif self.current is not None and tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None and self.current is not None:
            self.current["fields"].append((self.textarea[0], self.textarea[1], "textarea"))
            self.textarea = None
        elif tag == "form":
            self.current = None

    def find(self, predicate):
        return next((form for form in self.forms if predicate(form)), None)


def field(form, name):
    return next((value for key, value, _ in form["fields"] if key == name), None)


def state_line(text):
    match = re.search(r'<p class="plan-meta">([^<]*)</p>', text)
    return match.group(1) if match else ""


# MARK: PostgreSQL


class Postgres:
    def __init__(self, psql, port, name):
        self.psql, self.port, self.name = psql, port, name

    def query(self, sql):
        command = [self.psql, "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
                   "-U", "minsheng", "-d", "minsheng", "-c", sql]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        check(result.returncode == 0, f"psql on the {self.name} (port {self.port}) failed: {result.stderr.strip()}\n{sql}")
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def value(self, sql):
        rows = self.query(sql)
        return rows[0][0] if rows else None


def literal(text):
    return "'" + text.replace("'", "''") + "'"


# MARK: Which replica sessions belong to a process


def tcp_connections(pid, remote_port):
    """Local ports of the process's established TCP connections to 127.0.0.1:remote_port, from /proc."""
    inodes = set()
    fd_dir = f"/proc/{pid}/fd"
    for name in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, name))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in (f"/proc/{pid}/net/tcp", f"/proc/{pid}/net/tcp6"):
        try:
            lines = open(table, encoding="ascii").read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, remote, state, inode = parts[1], parts[2], parts[3], parts[9]
            if state == "01" and inode in inodes and int(remote.rsplit(":", 1)[1], 16) == remote_port:
                ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def replica_sessions(replica, ports):
    if not ports:
        return []
    rows = replica.query("SELECT client_port, datname, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) FROM pg_stat_activity "
                         f"WHERE backend_type = 'client backend' AND client_port IN ({', '.join(map(str, sorted(ports)))})")
    return rows


# MARK: The test


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    env = read_env(sys.argv[1])
    app1, app2, lb = (env[key].rstrip("/") for key in ("APP1_URL", "APP2_URL", "NGINX_URL"))
    primary = Postgres(env["PSQL"], env["PRIMARY_PORT"], "primary")
    replica = Postgres(env["PSQL"], env["REPLICA_PORT"], "replica")
    browser = Browser()

    # The cluster as the script left it.
    for url in (app1, app2, lb):
        browser.get(url + "/healthz")
    check(replica.value("SELECT pg_is_in_recovery()") == "t", "the replica is not in recovery (not a standby)")
    streaming = primary.value("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    check(streaming == "1", f"the primary has {streaming} streaming replicas, expected 1")
    ok("both instances and nginx answer /healthz; the replica is a hot standby streaming from the primary")

    # Sign in with the form on instance 1.
    page = browser.get(app1 + "/login")
    login = Forms(page.text).find(lambda f: f["action"] == "/login")
    check(login is not None, "instance 1's /login has no login form")
    check("minsheng_csrf" in browser.cookies, "GET /login set no minsheng_csrf cookie")
    response = browser.post(app1 + "/login", {"_csrf": field(login, "_csrf"), "next": "", "username": env["ADMIN_USERNAME"],
                                              "password": env["ADMIN_PASSWORD"]})
    check(response.status in (302, 303), f"POST /login on instance 1 answered {response.status}: {snippet(response.text)}")
    check(browser.cookies.get("minsheng_session"), "POST /login on instance 1 set no minsheng_session cookie")
    home = browser.get(app1 + "/")
    check('action="/logout"' in home.text, "instance 1 does not show the signed-in admin a logout form")
    ok("signed in as admin with the login form on instance 1")

    # With the same cookie, find an unreported report of the demo plan on instance 2.
    tasks = browser.get(f"{app2}/tasks?period={PERIOD}")
    check('action="/logout"' in tasks.text, "instance 2 does not know the session made on instance 1")
    links = list(dict.fromkeys(re.findall(rf'href="(/plans/1/reports/{PERIOD}/\d+/\d+)"', tasks.text)))
    check(links, f"instance 2's /tasks?period={PERIOD} lists no report of plan 1")
    path = form = None
    for candidate in links[:40]:
        text = browser.get(app2 + candidate).text
        found = Forms(text).find(lambda f: "report-form" in f["class"])
        if found is not None and "未填报" in state_line(text):
            path, form = candidate, found
            break
    check(form is not None, f"none of the first {min(len(links), 40)} reports of {PERIOD} is unreported with an editable form")
    _, _, _, period, item_id, unit_id = path.strip("/").split("/")
    ok(f"instance 2 accepts the session and shows the report form {path} ({state_line(text)})")

    marker = f"副本测试 replica test {time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}"

    def filled(form, action):
        values = []
        for name, value, kind in form["fields"]:
            if name.startswith("value."):
                value = "1"
            elif name == "progress":
                value = marker
            elif name == "problems":
                value = "无"
            elif name == "nextSteps":
                value = "继续推进。"
            values.append((name, value))
        values.append(("action", action))
        return values

    # Save a draft on instance 2.
    check(field(form, "_csrf") and field(form, "_idempotency") is not None and field(form, "lock") is not None,
          "the report form lacks _csrf, _idempotency or lock")
    response = browser.post(app2 + path, filled(form, "save"))
    # The next page confirms the save (?done=saved).
    check(response.status == 303 and response.headers.get("Location") == path + "?done=saved",
          f"saving the draft on instance 2 answered {response.status} {response.headers.get('Location')}: {snippet(response.text)}")
    text = browser.get(app2 + path).text
    check("草稿" in state_line(text), f"after saving, instance 2 shows the state {state_line(text)!r}, expected 草稿")
    form = Forms(text).find(lambda f: "report-form" in f["class"])
    check(form is not None and field(form, "lock"), "the saved draft's form has no lock version")
    ok(f"saved a draft on instance 2 (lock {field(form, 'lock')})")

    # Submit it on instance 2.
    response = browser.post(app2 + path, filled(form, "submit"))
    check(response.status == 303, f"submitting on instance 2 answered {response.status}: {snippet(response.text)}")
    submitted_lsn = primary.value("SELECT pg_current_wal_lsn()")
    text = browser.get(app2 + path).text
    check("已报送" in state_line(text), f"after submitting, instance 2 shows {state_line(text)!r}, expected 已报送")
    ok(f"submitted the report on instance 2 at primary WAL {submitted_lsn}")

    # Instance 1 reads it from the primary.
    text = browser.get(app1 + path).text
    check("已报送" in state_line(text), f"instance 1 shows {state_line(text)!r} for {path}, expected 已报送")
    check(marker in text, "instance 1's report page lacks the progress text submitted on instance 2")
    ok("instance 1 shows the report submitted on instance 2")

    # The replica holds the row once it has replayed up to the submission.
    deadline = time.time() + 30
    while True:
        behind = replica.value(f"SELECT pg_wal_lsn_diff({literal(submitted_lsn)}, pg_last_wal_replay_lsn())")
        if float(behind) <= 0:
            break
        check(time.time() < deadline, f"the replica is still {behind} bytes behind the submission after 30 s")
        time.sleep(0.2)
    rows = replica.query(f"SELECT state, version, progress FROM reports WHERE plan_id = 1 AND item_id = {int(item_id)} "
                         f"AND unit_id = {int(unit_id)} AND period = {literal(period)} ORDER BY version DESC LIMIT 1")
    check(rows, f"the replica has no report row for item {item_id}, unit {unit_id}, {period}")
    state, version, progress = rows[0]
    check(state == "submitted" and progress == marker, f"the replica's row is {rows[0]}, expected submitted with {marker!r}")
    ok(f"the replica holds the row (state {state}, version {version}) after replaying to {submitted_lsn}")

    # The replica serves instance 2's read-only pages.
    commits_before = int(replica.value("SELECT xact_commit FROM pg_stat_database WHERE datname = 'minsheng'"))
    pages = [f"/overview?period={PERIOD}", f"/battle-map?period={PERIOD}", "/units", "/documents", "/public", "/public/plans/1",
             "/public/plans/1/chain.json", "/public/plans/1/publications/1.json"]
    for page in pages:
        response = browser.request("GET", app2 + page)
        check(response.status in (200, 302, 303), f"GET {page} on instance 2 answered {response.status}: {snippet(response.text)}")
        if page == "/public":
            check(response.headers.get("Location") == "/public/plans/1", f"/public redirects to {response.headers.get('Location')}")
    ports = tcp_connections(int(env["APP2_PID"]), int(env["REPLICA_PORT"]))
    check(ports, f"instance 2 (pid {env['APP2_PID']}) holds no connection to the replica port {env['REPLICA_PORT']} after "
                 f"loading {', '.join(pages)}: reads did not go to the replica")
    sessions = replica_sessions(replica, ports)
    check(sessions, f"the replica's pg_stat_activity lists none of instance 2's client ports {sorted(ports)}")
    check(all(row[1] == "minsheng" for row in sessions), f"instance 2's replica sessions are not on the minsheng database: {sessions}")
    ok(f"instance 2 holds {len(ports)} connection(s) to the replica, listed in its pg_stat_activity: "
       + "; ".join(f"port {row[0]} {row[2]}: {row[3]}" for row in sessions))
    deadline = time.time() + 30  # PostgreSQL publishes a backend's counters within a few seconds, not at once
    while True:
        commits_after = int(replica.value("SELECT xact_commit FROM pg_stat_database WHERE datname = 'minsheng'"))
        # psql's own queries add one each; the pages add many more.
        if commits_after - commits_before > 5:
            break
        check(time.time() < deadline, f"the replica's xact_commit went from {commits_before} to {commits_after} only while "
                                      f"instance 2 loaded {len(pages)} read-only pages")
        time.sleep(1)
    ok(f"the replica's committed transactions rose from {commits_before} to {commits_after}")

    # Through nginx: public pages, and the signed-in report page on whichever instance answers.
    log_path = os.path.join(env["LOG_DIR"], "nginx-access.log")
    lines_before = len(open(log_path, encoding="utf-8", errors="replace").read().splitlines())
    for _ in range(2):
        public = browser.get(lb + "/public/plans/1")
        check("2019年洛阳市重点民生实事工作方案" in public.text or "洛阳" in public.text, "the public home through nginx lacks the plan")
        text = browser.get(lb + path).text
        check("已报送" in state_line(text) and marker in text, f"the report page through nginx shows {state_line(text)!r}")
    time.sleep(0.5)
    log_lines = open(log_path, encoding="utf-8", errors="replace").read().splitlines()[lines_before:]
    upstreams = {match.group(1) for line in log_lines for match in [re.search(r"upstream=(\S+)", line)] if match}
    expected = {urllib.parse.urlsplit(url).netloc for url in (app1, app2)}
    check(expected <= upstreams, f"nginx sent the requests to {sorted(upstreams)}, expected both of {sorted(expected)}")
    ok(f"pages through nginx work signed in and out, balanced over {', '.join(sorted(upstreams))}")

    # Behind nginx each client keeps its own address: failed logins from one client (X-Forwarded-For, believed
    # because nginx's address is in MINSHENG_TRUSTED_PROXIES) do not lock out another.
    stranger = Browser()
    for attempt in range(22):
        page = stranger.get(lb + "/login")
        form = Forms(page.text).find(lambda f: f["action"] == "/login")
        stranger.post(lb + "/login", {"_csrf": field(form, "_csrf"), "next": "", "username": f"nobody{attempt}", "password": "wrong password"},
                      headers={"X-Forwarded-For": "198.51.100.7"})
    failures = primary.value("SELECT count(*) FROM login_failures WHERE address = '198.51.100.7'")
    check(int(failures) >= 20, f"{failures} failed logins through nginx were counted against the client's forwarded address, expected 22")
    colleague = Browser()
    page = colleague.get(lb + "/login")
    form = Forms(page.text).find(lambda f: f["action"] == "/login")
    response = colleague.post(lb + "/login", {"_csrf": field(form, "_csrf"), "next": "", "username": env["ADMIN_USERNAME"],
                                              "password": env["ADMIN_PASSWORD"]}, headers={"X-Forwarded-For": "198.51.100.8"})
    check(response.status in (302, 303), f"another client's login through nginx answered {response.status} after a stranger's failures")
    ok("failed logins through nginx count against the forwarded client address, not nginx's")

    print("replica test: ok", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr, flush=True)
        sys.exit(1)
