"""Schemathesis hooks of the API fuzz test (loaded through SCHEMATHESIS_HOOKS).

They only keep the run meaningful on its throwaway database; no check is relaxed. Generated cases that would lock
the fuzzing account out of the rest of the run are dropped: PATCH /api/v1/users/{id} on the fuzzing admin itself (a
role change or `disabled` would turn every later request into 401/403) and DELETE /api/v1/tokens/{id} of the
token in use. The ids come from MINSHENG_FUZZ_USER_ID and MINSHENG_FUZZ_TOKEN_ID, set by schemathesis_test.py.

To reach the report logic, half of the generated saveReport paths get an (item, unit) pair that owes a report
(MINSHENG_FUZZ_PAIRS, a JSON list of [itemId, unitId]); the other half keep their generated values.
"""
import json
import os
import zlib

import schemathesis

PAIRS = json.loads(os.environ.get("MINSHENG_FUZZ_PAIRS", "[]"))
SAVE_REPORT = "/api/v1/plans/{planID}/reports/{period}/{itemID}/{unitID}"

PROTECTED = {
    ("PATCH", "/api/v1/users/{id}"): os.environ.get("MINSHENG_FUZZ_USER_ID"),
    ("DELETE", "/api/v1/tokens/{id}"): os.environ.get("MINSHENG_FUZZ_TOKEN_ID"),
}


@schemathesis.hook
def filter_case(context, case):
    protected = PROTECTED.get((case.operation.method.upper(), case.operation.path))
    if protected is None:
        return True
    return str((case.path_parameters or {}).get("id")) != protected


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    operation = context.operation
    if not PAIRS or operation is None or operation.path != SAVE_REPORT or not path_parameters:
        return path_parameters
    # Chosen from the generated values themselves: Hypothesis resets `random` for every example.
    digest = zlib.crc32(repr(sorted(path_parameters.items(), key=str)).encode())
    if digest % 2 == 0:
        item, unit = PAIRS[(digest >> 1) % len(PAIRS)]
        path_parameters = dict(path_parameters, itemID=item, unitID=unit)
    return path_parameters
