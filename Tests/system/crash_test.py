#!/usr/bin/env python3
"""Crash test: while clients save and submit reports through the API, `minsheng serve` is killed with SIGKILL;
after each kill the database (a copy taken before any restart, then the live file after the restart) must hold every
acknowledged change with exactly the values sent, nothing half-written, and pass SQLite's integrity check.

Each client thread owns some (item, unit, month) reports of October to December 2019, which the demo lacks, so no
two clients touch the same report and no conflict is expected. Per report it runs one of two scripts, each request
with its own Idempotency-Key:
  short: PUT save+submit (new report, version 1)
  long:  PUT save+submit, POST accept, POST corrections (version 2, a draft), PUT save+submit version 2
Every answered 2xx is recorded as acknowledged with the state it must leave. A request cut off by the kill is
"in flight": it may or may not have committed. Its Idempotency-Key row is written in the same transaction as its
change, so the key's presence in `idempotency_keys` says which: the report must then be in exactly the state the
request would leave, otherwise exactly in the last acknowledged state. After the restart the in-flight requests
are retried with the same key and must answer 2xx with that state (applied once).

Half-written, concretely, for every report row the test created (ids above the demo's), checked after every kill:
  - its report_values rows are exactly one per indicator of the item (the clients always send every indicator);
  - its report_events start with `create` (version 1) or `correct` (later versions), and the last event's state is
    the report's state; a submitted report has submitted_at;
  - its audit_log rows (entity 'report', entity_id = id): the count of report.submit / report.accept equals the count
    of submit / accept events, one report.create (version 1) or report.correct (later versions), lock_version equals
    1 + the number of report.create, report.save, report.submit, report.return and report.accept rows, and the newest
    audit row's `after` has the row's lockVersion, state, narrative and values;
  - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check finds nothing.

usage: crash_test.py [--bin BIN] [--port N] [--work DIR] [--rounds 10] [--threads 8] [--min-seconds 0.5] [--max-seconds 2.5]
                     [--seed S] [--tamper]
Exit status 0 when every check passed.
"""
import argparse
import copy
import http.client
import json
import os
import random
import shutil
import sqlite3
import sys
import threading
import time
import uuid
from decimal import Decimal

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minsheng_system as ms  # noqa: E402

PERIODS = ["2019-10", "2019-11", "2019-12"]
CONNECTION_ERRORS = (OSError, http.client.HTTPException)


class Failures:
    def __init__(self):
        self.items = []
        self.lock = threading.Lock()

    def add(self, message):
        with self.lock:
            self.items.append(message)
        print("FAIL:", message, flush=True)


def values_key(values):
    """{indicatorId: (Decimal or None, date or None)} from API or request values."""
    result = {}
    for v in values:
        number = v.get("value")
        result[int(v["indicatorId"])] = (Decimal(number) if number is not None else None, v.get("reachedOn"))
    return result


class Report:
    """What the test expects of one report version."""

    def __init__(self, version, state, lock, values, progress, problems, next_steps, correction_reason=None, id=None):
        self.version, self.state, self.lock, self.values = version, state, lock, values
        self.progress, self.problems, self.next_steps, self.correction_reason, self.id = progress, problems, next_steps, correction_reason, id

    def fields(self):
        return {"version": self.version, "state": self.state, "lockVersion": self.lock, "values": self.values, "progress": self.progress,
                "problems": self.problems, "nextSteps": self.next_steps, "correctionReason": self.correction_reason}

    @staticmethod
    def from_api(answer):
        return Report(answer["version"], answer["state"], answer["lockVersion"], values_key(answer["values"]), answer["progress"],
                      answer["problems"], answer["nextSteps"], answer["correctionReason"], answer["id"])


def differences(expected, actual):
    """Field names that differ between two {version: Report} models (ids compared when both are known)."""
    out = []
    if set(expected) != set(actual):
        out.append(f"versions {sorted(actual)} instead of {sorted(expected)}")
    for version in sorted(set(expected) & set(actual)):
        e, a = expected[version].fields(), actual[version].fields()
        for name in e:
            if e[name] != a[name]:
                out.append(f"v{version}.{name} = {a[name]!r}, expected {e[name]!r}")
        if expected[version].id is not None and actual[version].id is not None and expected[version].id != actual[version].id:
            out.append(f"v{version}.id = {actual[version].id}, expected {expected[version].id}")
    return out


class Key:
    """One (item, unit, month) report owned by one client, with its script and what has been acknowledged."""

    def __init__(self, item, unit, period, indicators, long_script):
        self.item, self.unit, self.period, self.indicators = item, unit, period, indicators
        self.ops = ["submit_new", "accept", "correct", "submit_edit"] if long_script else ["submit_new"]
        self.next = 0
        self.model = {}  # version -> Report, as acknowledged
        self.pending = None  # (op, idempotency key, method, path, body, predicted model) cut off by a kill
        self.refused = None  # the same, for a request answered with an error (must have had no effect)

    def __str__(self):
        return f"item {self.item} unit {self.unit} {self.period}"

    def latest(self):
        return self.model[max(self.model)] if self.model else None

    def request_for(self, op, rnd):
        """(method, path, body, predicted model) of the next step."""
        predicted = copy.deepcopy(self.model)
        latest = self.latest()
        if op in ("submit_new", "submit_edit"):
            values = []
            for indicator_id, kind in self.indicators:
                if kind == "milestone":
                    values.append({"indicatorId": indicator_id, "value": None, "reachedOn": f"{self.period}-{rnd.randint(1, 28):02d}"})
                else:
                    largest = 1000 if kind == "percentage" else 9_999_999
                    number = str(rnd.randint(0, largest - 1)) + (f".{rnd.randint(0, 99):02d}".rstrip("0") if rnd.random() < 0.5 else "")
                    values.append({"indicatorId": indicator_id, "value": number.rstrip("."), "reachedOn": None})
            tag = uuid.uuid4().hex[:8]
            body = {"values": values, "progress": f"{self.period} 进展 “{tag}”\n第二行 <b>&amp;</b>", "problems": f"问题 {tag}",
                    "nextSteps": f"下步 {tag} ✓", "submit": True}
            path = f"/api/v1/plans/1/reports/{self.period}/{self.item}/{self.unit}"
            if op == "submit_new":
                predicted[1] = Report(1, "submitted", 3, values_key(values), body["progress"], body["problems"], body["nextSteps"])
            else:
                body["lockVersion"] = latest.lock
                predicted[latest.version] = Report(latest.version, "submitted", latest.lock + 2, values_key(values), body["progress"],
                                                   body["problems"], body["nextSteps"], latest.correction_reason, latest.id)
            return "PUT", path, body, predicted
        if op == "accept":
            body = {"lockVersion": latest.lock}
            predicted[latest.version].state, predicted[latest.version].lock = "accepted", latest.lock + 1
            return "POST", f"/api/v1/reports/{latest.id}/accept", body, predicted
        if op == "correct":
            reason = f"更正 {uuid.uuid4().hex[:8]}"
            new = copy.deepcopy(latest)
            new.version, new.state, new.lock, new.correction_reason, new.id = latest.version + 1, "draft", 1, reason, None
            predicted[new.version] = new
            return "POST", f"/api/v1/reports/{latest.id}/corrections", {"reason": reason}, predicted
        raise ValueError(op)

    def accept_answer(self, predicted, answer):
        """Records an acknowledged step; returns the differences between the answer and the prediction."""
        got = Report.from_api(answer)
        expected = predicted[got.version] if got.version in predicted else None
        problems = [] if expected else [f"answered version {got.version}"]
        if expected:
            for name, value in expected.fields().items():
                if got.fields()[name] != value:
                    problems.append(f"{name} = {got.fields()[name]!r}, expected {value!r}")
            if expected.id is not None and expected.id != got.id:
                problems.append(f"id = {got.id}, expected {expected.id}")
            expected.id = got.id
        self.model = predicted
        return problems


class Load:
    """The client threads of one round."""

    def __init__(self, keys_by_thread, base, token, server, failures, seed):
        self.keys_by_thread, self.base, self.token, self.server, self.failures = keys_by_thread, base, token, server, failures
        self.seed = seed
        self.acknowledged = 0
        self.lock = threading.Lock()

    def run_thread(self, index):
        rnd = random.Random(f"{self.seed}-{index}-{time.monotonic_ns()}")
        client = ms.Client(self.base, self.token, timeout=60)
        try:
            for key in self.keys_by_thread[index]:
                while key.next < len(key.ops) and key.refused is None:
                    op = key.ops[key.next]
                    method, path, body, predicted = key.request_for(op, rnd)
                    idempotency = uuid.uuid4().hex
                    key.pending = (op, idempotency, method, path, body, predicted)
                    answer = self.send(client, method, path, body, idempotency)
                    if answer is None:
                        return  # the server is gone: the step stays in flight
                    status, payload = answer
                    if status >= 300:
                        key.refused, key.pending = key.pending, None
                        self.failures.add(f"{key}: {op} {method} {path} answered {status}: {payload[:300]!r}")
                        break
                    problems = key.accept_answer(predicted, json.loads(payload))
                    key.pending = None
                    key.next += 1
                    with self.lock:
                        self.acknowledged += 1
                    if problems:
                        self.failures.add(f"{key}: {op} answered other than the request implies: {'; '.join(problems)}")
        finally:
            client.close()

    def send(self, client, method, path, body, idempotency):
        """(status, body), or None once the server is dead. A dropped connection to a live server is retried with
        the same Idempotency-Key."""
        for _ in range(5):
            try:
                status, _, payload = client.request(method, path, body, {"Idempotency-Key": idempotency})
                return status, payload
            except CONNECTION_ERRORS:
                if self.server.process.poll() is not None:
                    return None
                time.sleep(0.05)
                if self.server.process.poll() is not None:
                    return None
        return None


def read_model(db, key):
    """The stored versions of a key as {version: Report}."""
    model = {}
    rows = db.execute(
        "SELECT id, version, state, lock_version, progress, problems, next_steps, correction_reason FROM reports "
        "WHERE item_id = ? AND unit_id = ? AND period = ? ORDER BY version", (key.item, key.unit, key.period)).fetchall()
    for id, version, state, lock, progress, problems, next_steps, correction in rows:
        values = {row[0]: (Decimal(row[1]) if row[1] is not None else None, row[2])
                  for row in db.execute("SELECT indicator_id, value, reached_on FROM report_values WHERE report_id = ?", (id,))}
        model[version] = Report(version, state, lock, values, progress, problems, next_steps, correction, id)
    return model


def check_database(path, keys, indicators_by_item, baseline_id, token_user, failures, label):
    """Every check on one SQLite file; returns the number of checks made."""
    checks = 0
    db = sqlite3.connect(path, timeout=30)
    try:
        result = [row[0] for row in db.execute("PRAGMA integrity_check")]
        checks += 1
        if result != ["ok"]:
            failures.add(f"{label}: PRAGMA integrity_check: {result[:10]}")
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        checks += 1
        if problems:
            failures.add(f"{label}: PRAGMA foreign_key_check: {problems[:10]}")
        stored_keys = {row[0] for row in db.execute("SELECT key FROM idempotency_keys WHERE user_id = ?", (token_user,))}

        # Acknowledged changes present, in-flight ones all or nothing.
        touched = set()
        for key in keys:
            if key.next == 0 and key.pending is None and key.refused is None:
                continue
            touched.add((key.item, key.unit, key.period))
            expected = key.model
            if key.pending is not None and key.pending[1] in stored_keys:
                expected = key.pending[5]
            if key.refused is not None and key.refused[1] in stored_keys:
                failures.add(f"{label}: {key}: the refused {key.refused[0]} left its Idempotency-Key stored")
            actual = read_model(db, key)
            checks += 1
            diff = differences(expected, actual)
            if diff:
                state = "in flight, committed" if expected is not key.model else ("in flight, not committed" if key.pending else "acknowledged")
                failures.add(f"{label}: {key} ({state}): " + "; ".join(diff))
        for item, unit, period in db.execute("SELECT item_id, unit_id, period FROM reports WHERE id > ?", (baseline_id,)):
            if (item, unit, period) not in touched:
                failures.add(f"{label}: a report nobody sent exists: item {item} unit {unit} {period}")

        # Nothing half-written.
        for id, item, version, state, lock, progress, problems_text, next_steps, submitted_at in db.execute(
                "SELECT id, item_id, version, state, lock_version, progress, problems, next_steps, submitted_at FROM reports WHERE id > ?",
                (baseline_id,)).fetchall():
            checks += 1
            where = f"{label}: report {id} (item {item}, v{version}, {state})"
            values = {row[0]: (row[1], row[2]) for row in db.execute(
                "SELECT indicator_id, value, reached_on FROM report_values WHERE report_id = ?", (id,))}
            if set(values) != indicators_by_item[item]:
                failures.add(f"{where}: values for indicators {sorted(values)}, expected {sorted(indicators_by_item[item])}")
            events = db.execute("SELECT action, state FROM report_events WHERE report_id = ? ORDER BY id", (id,)).fetchall()
            first = "create" if version == 1 else "correct"
            if not events or events[0][0] != first:
                failures.add(f"{where}: events {events} do not start with {first}")
            elif events[-1][1] != state:
                failures.add(f"{where}: last event state {events[-1][1]}")
            if state == "submitted" and not submitted_at:
                failures.add(f"{where}: submitted without submitted_at")
            audit = db.execute("SELECT action, after FROM audit_log WHERE entity = 'report' AND entity_id = ? ORDER BY id", (str(id),)).fetchall()
            actions = [a for a, _ in audit]
            for event, action in (("submit", "report.submit"), ("accept", "report.accept"), ("return", "report.return")):
                if sum(1 for e in events if e[0] == event) != actions.count(action):
                    failures.add(f"{where}: {event} events {sum(1 for e in events if e[0] == event)} but {action} audit rows {actions.count(action)}")
            opening = "report.create" if version == 1 else "report.correct"
            if actions.count(opening) != 1:
                failures.add(f"{where}: {actions.count(opening)} {opening} audit rows")
            counted = sum(actions.count(a) for a in ("report.create", "report.save", "report.submit", "report.return", "report.accept"))
            if lock != 1 + counted:
                failures.add(f"{where}: lock_version {lock} but {counted} audited changes ({actions})")
            if audit:
                after = json.loads(audit[-1][1])
                mismatch = [name for name, stored in (("lockVersion", lock), ("state", state), ("progress", progress), ("problems", problems_text),
                                                      ("nextSteps", next_steps)) if after.get(name) != stored]
                if values_key(after.get("values", [])) != {k: (Decimal(v) if v is not None else None, d) for k, (v, d) in values.items()}:
                    mismatch.append("values")
                if mismatch:
                    failures.add(f"{where}: the newest audit row differs in {mismatch}")
    finally:
        db.close()
    return checks


def snapshot(data_dir, folder):
    """Copies the database and its write-ahead log as the kill left them."""
    os.makedirs(folder, exist_ok=True)
    for suffix in ("", "-wal"):
        source = os.path.join(data_dir, "minsheng.sqlite" + suffix)
        if os.path.exists(source):
            shutil.copy2(source, os.path.join(folder, "minsheng.sqlite" + suffix))
    return os.path.join(folder, "minsheng.sqlite")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ms.add_server_arguments(parser)
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("CRASH_ROUNDS", "10")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("CRASH_THREADS", "8")))
    parser.add_argument("--min-seconds", type=float, default=0.5, help="shortest load before a kill")
    parser.add_argument("--max-seconds", type=float, default=2.5, help="longest load before a kill")
    parser.add_argument("--tamper", action="store_true", help="damage the copy after the first kill, to see that the checks catch it")
    parser.add_argument("--seed", default=os.environ.get("CRASH_SEED") or str(random.randrange(1 << 30)))
    args = parser.parse_args()
    print(f"crash test: seed {args.seed}, {args.rounds} rounds, {args.threads} clients, binary {args.bin}", flush=True)
    rnd = random.Random(args.seed)
    work, server, password = ms.fresh_server(args, "crash")
    data_dir = server.data_dir
    failures = Failures()
    checks = 0
    started = time.monotonic()
    base = server.start()
    try:
        token = ms.create_token(base, "admin", password, "crash-test")
        client = ms.Client(base, token)
        me = client.json("GET", "/api/v1/me")
        plan = client.json("GET", "/api/v1/plans/1")
        indicators = ms.indicators_of(plan)
        indicators_by_item = {item: {i for i, _ in pairs} for item, pairs in indicators.items()}
        keys = []
        for period in PERIODS:
            for task in client.json("GET", f"/api/v1/plans/1/tasks?period={period}"):
                if task["report"] is None:
                    keys.append(Key(task["itemId"], task["unitId"], period, indicators[task["itemId"]], rnd.random() < 0.4))
        client.close()
        rnd.shuffle(keys)
        with sqlite3.connect(os.path.join(data_dir, "minsheng.sqlite"), timeout=30) as db:
            baseline_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM reports").fetchone()[0]
        keys_by_thread = [keys[i::args.threads] for i in range(args.threads)]
        print(f"{len(keys)} reports owed for {', '.join(PERIODS)}; demo reports end at id {baseline_id}", flush=True)

        total_acknowledged = total_in_flight = total_committed = 0
        for round_number in range(1, args.rounds + 1):
            load = Load(keys_by_thread, base, token, server, failures, args.seed)
            threads = [threading.Thread(target=load.run_thread, args=(i,), daemon=True) for i in range(args.threads)]
            seconds = rnd.uniform(args.min_seconds, args.max_seconds)
            round_start = time.monotonic()
            for thread in threads:
                thread.start()
            time.sleep(seconds)
            server.kill()
            for thread in threads:
                thread.join(90)
                if thread.is_alive():
                    failures.add(f"round {round_number}: a client thread did not stop after the kill")
            in_flight = [k for k in keys if k.pending is not None]
            copy_path = snapshot(data_dir, os.path.join(work, f"killed-{round_number}"))
            if args.tamper and round_number == 1:
                with sqlite3.connect(copy_path) as db:
                    db.execute("DELETE FROM report_values WHERE report_id = (SELECT MAX(id) FROM reports)")
                    db.execute("UPDATE reports SET progress = progress || '!' WHERE id = (SELECT MIN(id) FROM reports WHERE id > ?)", (baseline_id,))
                    db.execute("DELETE FROM idempotency_keys WHERE rowid = (SELECT MAX(rowid) FROM idempotency_keys)")
            with sqlite3.connect(copy_path) as db:
                stored = {row[0] for row in db.execute("SELECT key FROM idempotency_keys WHERE user_id = ?", (me["id"],))}
            committed = sum(1 for k in in_flight if k.pending[1] in stored)
            print(f"round {round_number}: killed after {time.monotonic() - round_start:.1f} s: {load.acknowledged} steps acknowledged "
                  f"({load.acknowledged / seconds:.0f}/s), {len(in_flight)} in flight of which {committed} had committed", flush=True)
            total_acknowledged += load.acknowledged
            total_in_flight += len(in_flight)
            total_committed += committed
            if load.acknowledged == 0:
                failures.add(f"round {round_number}: no step was acknowledged before the kill")
            checks += check_database(copy_path, keys, indicators_by_item, baseline_id, me["id"], failures, f"round {round_number}, copy after SIGKILL")

            base = server.start()
            checks += check_database(os.path.join(data_dir, "minsheng.sqlite"), keys, indicators_by_item, baseline_id, me["id"], failures,
                                     f"round {round_number}, after restart")
            # Retry what was in flight with the same Idempotency-Key: applied once, answered as the request implies.
            client = ms.Client(base, token)
            for key in in_flight:
                op, idempotency, method, path, body, predicted = key.pending
                status, _, payload = client.request(method, path, body, {"Idempotency-Key": idempotency})
                checks += 1
                if status >= 300:
                    failures.add(f"round {round_number}: {key}: retrying {op} with its Idempotency-Key answered {status}: {payload[:300]!r}")
                    key.refused, key.pending = key.pending, None
                    continue
                problems = key.accept_answer(predicted, json.loads(payload))
                key.pending = None
                key.next += 1
                if problems:
                    failures.add(f"round {round_number}: {key}: the retried {op} answered {'; '.join(problems)}")
            # The API shows every acknowledged report as acknowledged.
            for key in keys:
                latest = key.latest()
                if latest is None:
                    continue
                checks += 1
                status, _, payload = client.request("GET", f"/api/v1/reports/{latest.id}")
                if status != 200:
                    failures.add(f"round {round_number}: GET report {latest.id} ({key}) answered {status}")
                    continue
                detail = json.loads(payload)
                diff = differences(key.model, {v["version"]: Report.from_api(v) for v in detail["versions"]})
                if diff:
                    failures.add(f"round {round_number}: the API shows {key} differently: " + "; ".join(diff))
            client.close()
            if all(k.next == len(k.ops) or k.refused for k in keys):
                print("every report has been sent; no further rounds", flush=True)
                break
        server.stop()
        checks += check_database(os.path.join(data_dir, "minsheng.sqlite"), keys, indicators_by_item, baseline_id, me["id"], failures,
                                 "after a clean stop")
        done = sum(1 for k in keys if k.next > 0)
        print(f"\n{total_acknowledged} steps acknowledged on {done} reports, {total_in_flight} in flight at kills ({total_committed} had "
              f"committed), {checks} checks, {time.monotonic() - started:.0f} s")
        if total_in_flight == 0:
            print("note: no request was in flight at any kill")
    finally:
        if server.process and server.process.poll() is None:
            server.stop()
    if failures.items:
        print(f"\n{len(failures.items)} failures:")
        for failure in failures.items:
            print("  " + failure)
    print("crash-test: 0 passed, 1 failed" if failures.items else "crash-test: 1 passed, 0 failed")
    if not args.work and not failures.items:
        shutil.rmtree(work, ignore_errors=True)
    elif failures.items:
        print(f"data, copies and log kept in {work}")
    return 1 if failures.items else 0


if __name__ == "__main__":
    sys.exit(main())
