#!/usr/bin/env python3
"""Soak test: 200 concurrent public readers and 50 concurrent reporters against one `minsheng serve` on a fresh demo
data folder for a bounded time, sampling the server's resident memory (VmRSS) every second.

Readers: wrk with 200 keep-alive connections and no think time, each request a random public path (the portal's
home and index redirect, every published item, category and unit page, the publications page, the chain download,
searches from a pool of 300 queries, which is more than the 200 the search cache keeps, the script, and
English versions). Every path is checked to answer 200 or 302 before the run.
Reporters: 50 reporter accounts, one per unit with the most reports owed, each with its own API token; each keeps to
its unit's October to December 2019 reports (so no two clients touch the same report): creates a draft, saves it
again with the lockVersion it last read, submits it on every fifth save; the office (admin token, in the same
thread, so there is no race) returns a submitted report with a reason so that the unit edits it again.

Passes when: no reader answer other than 2xx/3xx and no socket error (wrk), no reporter answer other than the
expected 200/201 and no connection error, and VmRSS at the end of the load exceeds VmRSS at the end of the warm-up
(20 s) by less than the bound (--rss-bound-mb, default 20 MB). Measured on the debug build with 2 CPUs: +4.4 MB over
the 100 s after a 120 s run's warm-up and +6.7 MB after a 600 s run's, levelling off; a leak of about 300 bytes per
request (some 70,000 requests after the warm-up) would fail it.

usage: soak_test.py [--bin BIN] [--port N] [--work DIR] [--seconds 120] [--warmup 20] [--readers 200] [--reporters 50]
                    [--reader-think-ms 0] [--rss-bound-mb 20]
Environment: SOAK_SECONDS, SOAK_RSS_BOUND_MB. Needs wrk (apt-get install wrk).
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minsheng_system as ms  # noqa: E402

PERIODS = ["2019-10", "2019-11", "2019-12"]


def percentile(sorted_values, share):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def reader_paths(base, client):
    """Every public path of plan 1 that a visitor can reach, each checked to answer 200 or 302."""
    plan = client.json("GET", "/api/v1/plans/1")
    paths = {"/public", "/public/plans/1", "/public/plans/1/publications", "/public/plans/1/chain.json", "/public/plans/1/verify",
             "/static/minsheng-public.js", "/static/minsheng.css", "/public/plans/1?lang=en"}
    seen_pages = set()
    for page in ["/public/plans/1", "/public/plans/1/items/1", "/public/plans/1/publications"]:
        html = urllib.request.urlopen(base + page, timeout=60).read().decode()
        seen_pages.add(page)
        for link in re.findall(r'href="(/(?:public|static)/[^"#]*)"', html):
            paths.add(link.replace("&amp;", "&"))
    for category in plan["categories"]:
        for item in category["items"]:
            paths.add(f"/public/plans/1/items/{item['number']}")
            if item["number"] % 5 == 0:
                paths.add(f"/public/plans/1/items/{item['number']}?lang=en")
        paths.add(f"/public/plans/1/categories/{category['ordinal']}")
    # Unit pages linked from item pages.
    for number in range(1, 52):
        html = urllib.request.urlopen(f"{base}/public/plans/1/items/{number}", timeout=60).read().decode()
        paths.update(re.findall(r'href="(/public/plans/1/units/\d+)"', html))
    words = sorted({item["title"][i:i + 2] for c in plan["categories"] for item in c["items"] for i in range(0, min(len(item["title"]), 8), 2)})
    random.Random(1).shuffle(words)
    queries = (words + [f"{w}{n}" for n in range(10) for w in words])[:300]
    checked = []
    opener = urllib.request.build_opener(NoRedirect)
    for path in sorted(paths):
        try:
            status = opener.open(base + path, timeout=60).status
        except urllib.error.HTTPError as error:
            status = error.code
        if status in (200, 302):
            checked.append(path)
        else:
            print(f"note: {path} answers {status}; left out of the readers' paths")
    return checked, queries


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


LUA = """
local paths = {%(paths)s}
local queries = {%(queries)s}
local counter = 0
function request()
  counter = counter + 1
  if counter %% 10 == 0 then
    return wrk.format("GET", "/public/plans/1/search?q=" .. queries[math.random(#queries)])
  end
  return wrk.format("GET", paths[math.random(#paths)])
end
%(delay)s
"""


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def url_quote(text):
    return urllib.parse.quote(text, safe="")


class Reporter:
    """One unit's reporter: drafts, saves, submits; the office returns submitted reports."""

    def __init__(self, index, base, token, admin_token, keys, indicators, stop, stats):
        self.index, self.keys, self.indicators, self.stop, self.stats = index, keys, indicators, stop, stats
        self.client = ms.Client(base, token, timeout=120)
        self.office = ms.Client(base, admin_token, timeout=120)
        self.state = {}  # key -> (report id, lockVersion, state, saves since submit)

    def call(self, client, method, path, body, expect):
        started = time.monotonic()
        try:
            status, _, payload = client.request(method, path, body, {"Idempotency-Key": uuid.uuid4().hex} if method != "GET" else None)
        except (OSError, http.client.HTTPException) as error:
            self.stats.record(None, time.monotonic() - started, f"{method} {path}: {type(error).__name__} {error}")
            return None
        self.stats.record(status, time.monotonic() - started, None if status == expect else f"{method} {path} -> {status}: {payload[:300]!r}")
        return json.loads(payload) if status == expect else None

    def run(self):
        rnd = random.Random(self.index)
        try:
            while not self.stop.is_set():
                for key in self.keys:
                    if self.stop.is_set():
                        break
                    self.step(key, rnd)
        finally:
            self.client.close()
            self.office.close()

    def step(self, key, rnd):
        item, unit, period = key
        current = self.state.get(key)
        if current and current[2] == "submitted":
            answer = self.call(self.office, "POST", f"/api/v1/reports/{current[0]}/return", {"lockVersion": current[1], "reason": "请补充说明。"}, 200)
            if answer is None:
                self.state.pop(key, None)
                return
            current = (answer["id"], answer["lockVersion"], answer["state"], 0)
        values = [{"indicatorId": i, "value": None, "reachedOn": f"{period}-{rnd.randint(1, 28):02d}"} if kind == "milestone"
                  else {"indicatorId": i, "value": str(rnd.randint(0, 999 if kind == "percentage" else 100000)), "reachedOn": None} for i, kind in self.indicators[item]]
        saves = (current[3] if current else 0) + 1
        body = {"values": values, "progress": f"{period} 进展 {saves}", "problems": "无", "nextSteps": "继续推进", "submit": saves % 5 == 0}
        if current:
            body["lockVersion"] = current[1]
        answer = self.call(self.client, "PUT", f"/api/v1/plans/1/reports/{period}/{item}/{unit}", body, 200)
        if answer is None:
            self.state.pop(key, None)  # read it again on the next pass
            self.refresh(key)
            return
        self.state[key] = (answer["id"], answer["lockVersion"], answer["state"], saves)

    def refresh(self, key):
        item, unit, period = key
        try:
            status, _, payload = self.client.request("GET", f"/api/v1/plans/1/tasks?period={period}&unit={unit}")
            if status == 200:
                for task in json.loads(payload):
                    if task["itemId"] == item and task["report"]:
                        report = task["report"]
                        self.state[key] = (report["id"], report["lockVersion"], report["state"], 1)
        except (OSError, http.client.HTTPException):
            pass


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []
        self.statuses = {}

    def record(self, status, seconds, error):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if error:
                self.errors.append(error)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ms.add_server_arguments(parser)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", "120")))
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("SOAK_WARMUP", "20")))
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--reporters", type=int, default=50)
    parser.add_argument("--reader-think-ms", type=int, default=int(os.environ.get("SOAK_READER_THINK_MS", "0")),
                        help="mean pause of a reader between requests (default 0: as fast as the server answers)")
    parser.add_argument("--rss-bound-mb", type=float, default=float(os.environ.get("SOAK_RSS_BOUND_MB", "20")))
    parser.add_argument("--wrk", default=os.environ.get("WRK", "wrk"))
    args = parser.parse_args()
    if not shutil.which(args.wrk):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    work, server, password = ms.fresh_server(args, "soak")
    failures = []
    base = server.start()
    try:
        admin_token = ms.create_token(base, "admin", password, "soak-admin")
        client = ms.Client(base, admin_token)
        plan = client.json("GET", "/api/v1/plans/1")
        indicators = ms.indicators_of(plan)
        owed = {}
        for period in PERIODS:
            for task in client.json("GET", f"/api/v1/plans/1/tasks?period={period}"):
                owed.setdefault(task["unitId"], []).append((task["itemId"], task["unitId"], period))
        units = sorted(owed, key=lambda u: (-len(owed[u]), u))[:args.reporters]
        if len(units) < args.reporters:
            raise SystemExit(f"only {len(units)} units owe reports; cannot run {args.reporters} reporters")
        tokens = [None] * len(units)

        def make_reporter(i):
            name = f"soak{i:02d}"
            client_i = ms.Client(base, admin_token)
            client_i.json("POST", "/api/v1/users", {"username": name, "role": "reporter", "unitId": units[i], "password": password}, expect=(201,))
            client_i.close()
            tokens[i] = ms.create_token(base, name, password, "soak")

        setup = [threading.Thread(target=make_reporter, args=(i,)) for i in range(len(units))]
        for t in setup:
            t.start()
        for t in setup:
            t.join()
        if None in tokens:
            raise SystemExit("could not create every reporter's token")
        paths, queries = reader_paths(base, client)
        client.close()
        lua_path = os.path.join(work, "readers.lua")
        with open(lua_path, "w") as f:
            f.write(LUA % {"paths": ", ".join(lua_string(p) for p in paths), "queries": ", ".join(lua_string(url_quote(q)) for q in queries),
                             "delay": f"function delay() return math.random(0, {2 * args.reader_think_ms}) end" if args.reader_think_ms else ""})
        print(f"soak: {args.readers} readers over {len(paths)} public paths and {len(queries)} searches, {args.reporters} reporters "
              f"({sum(len(owed[u]) for u in units)} reports), {args.seconds} s, warm-up {args.warmup} s, RSS bound {args.rss_bound_mb:.0f} MB", flush=True)

        rss_idle, _ = server.memory_kb()
        stop = threading.Event()
        stats = Stats()
        reporters = [Reporter(i, base, tokens[i], admin_token, owed[units[i]], indicators, stop, stats) for i in range(len(units))]
        samples = []  # (seconds since start, VmRSS KiB)
        started = time.monotonic()
        wrk = subprocess.Popen([args.wrk, "-t2", f"-c{args.readers}", f"-d{args.seconds}s", "--timeout", "30s", "--latency", "-s", lua_path, base],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threads = [threading.Thread(target=r.run, daemon=True) for r in reporters]
        for t in threads:
            t.start()
        next_sample = started
        while time.monotonic() - started < args.seconds:
            next_sample += 1
            time.sleep(max(0, next_sample - time.monotonic()))
            samples.append((time.monotonic() - started, server.memory_kb()[0]))
        stop.set()
        end_rss = server.memory_kb()[0]
        wrk_out, _ = wrk.communicate(timeout=120)
        for t in threads:
            t.join(150)
        elapsed = time.monotonic() - started
        rss_after, peak_hwm = server.memory_kb()
        with open(os.path.join(work, "wrk.txt"), "w") as f:
            f.write(wrk_out)
        with open(os.path.join(work, "rss.csv"), "w") as f:
            f.write("seconds,vmrss_kib\n" + "".join(f"{t:.1f},{kb}\n" for t, kb in samples))

        # Readers (wrk).
        requests = int(re.search(r"(\d+) requests in", wrk_out).group(1)) if re.search(r"(\d+) requests in", wrk_out) else 0
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk_out).group(1)) if "Requests/sec" in wrk_out else 0.0
        non2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", wrk_out).group(1)) if "Non-2xx" in wrk_out else 0
        socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk_out)
        socket_errors = sum(int(x) for x in socket.groups()) if socket else 0
        p50 = re.search(r"^\s+50%\s+(\S+)", wrk_out, re.M)
        p99 = re.search(r"^\s+99%\s+(\S+)", wrk_out, re.M)
        print(f"readers:   {requests} requests, {rps:.0f}/s, p50 {p50.group(1) if p50 else '?'}, p99 {p99.group(1) if p99 else '?'}, "
              f"non-2xx/3xx {non2xx}, socket errors {socket.group(0) if socket else 0}")
        if requests == 0:
            failures.append("wrk made no request:\n" + wrk_out)
        if non2xx:
            failures.append(f"readers: {non2xx} answers other than 2xx/3xx")
        if socket_errors:
            failures.append(f"readers: {socket.group(0)}")

        # Reporters.
        latencies = sorted(stats.latencies)
        print(f"reporters: {len(latencies)} requests, {len(latencies) / elapsed:.0f}/s, p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
              f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, statuses {dict(sorted(stats.statuses.items(), key=str))}")
        if stats.errors:
            failures.append(f"reporters: {len(stats.errors)} errors, first: " + " | ".join(stats.errors[:5]))
        if not latencies:
            failures.append("reporters made no request")

        # Memory.
        warm = [kb for t, kb in samples if t <= args.warmup]
        warm_rss = warm[-1] if warm else samples[0][1]
        peak = max(kb for _, kb in samples)
        growth_mb = (end_rss - warm_rss) / 1024
        print(f"memory:    VmRSS idle {rss_idle / 1024:.1f} MB, after warm-up ({args.warmup} s) {warm_rss / 1024:.1f} MB, peak {peak / 1024:.1f} MB, "
              f"end of load {end_rss / 1024:.1f} MB, after load {rss_after / 1024:.1f} MB, VmHWM {peak_hwm / 1024:.1f} MB; "
              f"growth after warm-up {growth_mb:+.1f} MB (bound {args.rss_bound_mb:.0f} MB)")
        thirds = [samples[len(samples) * k // 3 - 1][1] / 1024 for k in (1, 2, 3)]
        print(f"           VmRSS at 1/3, 2/3, 3/3 of the run: {thirds[0]:.1f}, {thirds[1]:.1f}, {thirds[2]:.1f} MB; samples in {work}/rss.csv" if args.work
              else f"           VmRSS at 1/3, 2/3, 3/3 of the run: {thirds[0]:.1f}, {thirds[1]:.1f}, {thirds[2]:.1f} MB")
        if growth_mb >= args.rss_bound_mb:
            failures.append(f"memory grew by {growth_mb:.1f} MB after the warm-up, over the bound of {args.rss_bound_mb:.0f} MB")
        status = urllib.request.urlopen(base + "/healthz", timeout=30).status
        if status != 200:
            failures.append(f"/healthz answered {status} after the load")
    finally:
        server.stop()
    for failure in failures:
        print("FAIL:", failure)
    print("soak-test: 0 passed, 1 failed" if failures else "soak-test: 1 passed, 0 failed")
    if failures:
        print(f"logs in {work}")
    elif not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
