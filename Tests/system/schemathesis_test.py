#!/usr/bin/env python3
"""Hostile input: schemathesis against /api/v1/openapi.json of a fresh demo server, authenticated as an admin with a
Bearer token, with a bounded number of examples per operation. Checks: not_a_server_error (no 5xx),
status_code_conformance, content_type_conformance and response_schema_conformance (every answer as documented).

The fuzzing account is an admin of its own (`fuzz`), so that changes to the demo accounts do not matter; cases
that would disable it or revoke its token are dropped (schemathesis_hooks.py). The database is thrown away.

usage: schemathesis_test.py [--bin BIN] [--port N] [--work DIR] [--max-examples 100] [--seed 1] [--phases ...] [-- ST ARGS]
Run it with the Python of a virtual environment holding Tests/system/requirements.txt (scripts/system-schemathesis
does); `st` is taken from beside that Python. Reports (JUnit, NDJSON) and the server log go to the work folder.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minsheng_system as ms  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def dictionaries(client):
    """A schemathesis.toml that, for half the generated values of each path and query parameter, uses ids and
    periods that exist in the demo, so that cases get past "not found" into the operations' logic. (saveReport's
    item and unit come in owing pairs from the hooks instead.)"""
    units = sorted({task["unitId"] for task in client.json("GET", "/api/v1/plans/1/tasks?period=2019-10")})
    reports = [r["id"] for r in client.json("GET", "/api/v1/plans/1/reports?period=2019-09")]
    ids = sorted(set([1, 2, 3, 4, 5, 6, 7, 8] + reports[:10] + reports[-10:]))
    values = {
        "plans": [1], "units": units, "ids": ids,
        "periods": ["2019-09", "2019-10", "2019-12", "2019-Q3", "2019-H1", "2019"],
        "actions": ["submit", "return", "accept", "correct", "report", "close", "reopen"],
        "states": ["draft", "submitted", "returned", "accepted"],
    }
    bindings = {
        "path.planID": "plans", "query.plan": "plans", "query.unit": "units",
        "path.id": "ids", "path.period": "periods", "query.period": "periods", "path.action": "actions", "query.state": "states",
    }
    lines = []
    for name, entries in values.items():
        lines += [f"[dictionaries.{name}]", "values = [" + ", ".join(json.dumps(v) for v in entries) + "]", ""]
    lines.append("[parameters]")
    lines += [f'"{key}" = {{ dictionary = "{name}", probability = 0.5 }}' for key, name in bindings.items()]
    return "\n".join(lines) + "\n"


def summarise(folder):
    """Answers by operation and status, from schemathesis's NDJSON report, to show how deep the run went."""
    counts = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".ndjson"):
            continue
        with open(os.path.join(folder, name)) as f:
            for line in f:
                event = json.loads(line).get("ScenarioFinished")
                if not event:
                    continue
                recorder = event["recorder"]
                for interaction in (recorder.get("interactions") or {}).values():
                    if interaction.get("response"):
                        by_status = counts.setdefault(recorder["label"], {})
                        status = interaction["response"]["status_code"]
                        by_status[status] = by_status.get(status, 0) + 1
    print("\nanswers by operation (status: count):")
    for label in sorted(counts):
        print(f"  {label}: " + ", ".join(f"{s}: {n}" for s, n in sorted(counts[label].items())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ms.add_server_arguments(parser)
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("FUZZ_MAX_EXAMPLES", "100")))
    parser.add_argument("--seed", default=os.environ.get("FUZZ_SEED", "1"))
    parser.add_argument("--phases", default=os.environ.get("FUZZ_PHASES", "examples,coverage,fuzzing,stateful"))
    parser.add_argument("--workers", default="1")
    parser.add_argument("--st", default=os.path.join(os.path.dirname(sys.executable), "st"))
    parser.add_argument("extra", nargs="*", help="more arguments for `st run` (after --)")
    args = parser.parse_args()
    if not os.path.exists(args.st):
        raise SystemExit(f"no schemathesis at {args.st}: pip install -r Tests/system/requirements.txt in a virtual environment")
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="minsheng-fuzz-"))
    os.makedirs(work, exist_ok=True)
    data_dir = os.path.join(work, "data")
    shutil.rmtree(data_dir, ignore_errors=True)
    password = "fuzz-" + uuid.uuid4().hex
    server = ms.Server(args.bin, data_dir, os.path.join(work, "serve.log"), port=args.port, password=password)
    started = time.monotonic()
    crashed, status = False, 1
    base = server.start()
    try:
        admin = ms.Client(base, ms.create_token(base, "admin", password, "setup"))
        user = admin.json("POST", "/api/v1/users", {"username": "fuzz", "role": "admin", "unitId": None, "password": password}, expect=(201,))
        admin.close()
        token = ms.create_token(base, "fuzz", password, "schemathesis")
        fuzz = ms.Client(base, token)
        token_id = next(t["id"] for t in fuzz.json("GET", "/api/v1/tokens") if t["revokedAt"] is None)
        pairs = sorted({(t["itemId"], t["unitId"]) for t in fuzz.json("GET", "/api/v1/plans/1/tasks?period=2019-10")})
        config = os.path.join(work, "schemathesis.toml")
        with open(config, "w") as f:
            f.write(dictionaries(fuzz))
        fuzz.close()
        env = dict(os.environ)
        env.update({
            "SCHEMATHESIS_HOOKS": os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemathesis_hooks.py"),
            "MINSHENG_FUZZ_USER_ID": str(user["id"]), "MINSHENG_FUZZ_TOKEN_ID": str(token_id),
            "MINSHENG_FUZZ_PAIRS": json.dumps(pairs),
        })
        command = [
            args.st, "--config-file", config, "run", base + "/api/v1/openapi.json", "--url", base,
            "--header", f"Authorization: Bearer {token}",
            "--checks", CHECKS, "--max-examples", str(args.max_examples), "--seed", str(args.seed), "--phases", args.phases,
            "--workers", args.workers, "--request-timeout", "60", "--generation-database", "none", "--no-color",
            "--continue-on-failure", "--output-truncate", "false", "--output-sanitize", "false",
            "--report", "junit,ndjson", "--report-dir", os.path.join(work, "report"),
        ] + args.extra
        printable = [part if not part.startswith("Authorization:") else "Authorization: Bearer ***" for part in command]
        print("$ " + " ".join(printable), flush=True)
        status = subprocess.call(command, env=env, cwd=work)
        summarise(os.path.join(work, "report"))
        # The server must still be up and answering after the run.
        probe = ms.Client(base)
        alive, _, _ = probe.request("GET", "/healthz")
        probe.close()
        if alive != 200:
            print(f"FAIL: /healthz answered {alive} after the run")
            status = status or 1
        crashed = server.process.poll() is not None
    finally:
        server.stop()
    if crashed:
        print("FAIL: the server exited during the run")
        status = status or 1
    print(f"schemathesis finished with status {status} in {time.monotonic() - started:.0f} s; reports and server log in {work}")
    print("schemathesis: 0 passed, 1 failed" if status else "schemathesis: 1 passed, 0 failed")
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
