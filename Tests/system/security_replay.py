"""Replays the outside security review's attacks against a running `minsheng serve`, one check per finding, and
exits 1 when any attack succeeds. It runs on a fresh demo with a second city (开封市, imported from the demo plan
with the city's name changed) and an office scoped to it.

usage: python3 Tests/system/security_replay.py [--bin B] [--port P] [--work DIR]
"""
import argparse
import concurrent.futures
import csv as csv_module
import http.client
import io
import os
import re
import struct
import subprocess
import sys
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from minsheng_system import Client, add_server_arguments, create_token, fresh_server  # noqa: E402

RESULTS = []


def check(finding, passed, detail):
    RESULTS.append((finding, passed, detail))
    print(f"{'ok  ' if passed else 'FAIL'} {finding}: {detail}", flush=True)


def command(binary, data_dir, *arguments, stdin=None, env=None):
    result = subprocess.run([binary, *arguments, "--data-dir", data_dir], input=stdin, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"minsheng {' '.join(arguments)} failed: {result.stderr[-2000:]}")
    return result.stdout


def prepare(args):
    """A demo data folder with 开封市's plan and an office scoped to it; returns (work, server, password)."""
    work, server, password = fresh_server(args, "security")
    env = dict(os.environ, MINSHENG_ADMIN_PASSWORD=password)
    command(server.binary, server.data_dir, "demo", env=env)
    seed = open(os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "MinshengCore", "Resources", "luoyang-2019.txt"), encoding="utf-8").read()
    kaifeng = os.path.join(work, "kaifeng-2019.txt")
    with open(kaifeng, "w", encoding="utf-8") as f:
        # An item title that a spreadsheet would run as a formula (finding 7).
        f.write(seed.replace("洛阳", "开封").replace("1.实现54000名", "1.=HYPERLINK(\"http://evil.example\",\"x\")实现54000名", 1))
    command(server.binary, server.data_dir, "plan", "import", kaifeng, env=env)
    command(server.binary, server.data_dir, "user", "add", "--username", "kf-admin", "--role", "admin", "--jurisdiction", "开封市",
            "--password-stdin", stdin=password + "\n", env=env)
    return work, server, password


class Web:
    """A browser-like session: its cookies, and the CSRF token of its pages; one connection per request."""

    def __init__(self, base):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies = {}

    def request(self, method, path, form=None, body=None, headers=None):
        all_headers = dict(headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = body
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        payload = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        connection.close()
        return response.status, response, payload.decode("utf-8", "replace")

    def login(self, username, password, next_path="/"):
        _, _, page = self.request("GET", "/login")
        token = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
        return self.request("POST", "/login", form={"_csrf": token, "username": username, "password": password, "next": next_path})

    def csrf(self):
        _, _, page = self.request("GET", "/account/tokens")
        return re.search(r'name="_csrf" value="([^"]*)"', page).group(1)


def zip_bomb(inflated_mib=400):
    """An XLSX whose sheet inflates to `inflated_mib` MiB of text while its headers declare 1,000 bytes."""
    parts = [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                            b'<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                       b'<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    ]
    out = io.BytesIO()
    central = []

    def entry(name, payload, crc, size):
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(payload), size, len(encoded), 0) + encoded + payload)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(payload), size, len(encoded),
                                   0, 0, 0, 0, 0, offset) + encoded)

    for name, raw in parts:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        entry(name, compressor.compress(raw) + compressor.flush(), zlib.crc32(raw), len(raw))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"<row>" + b" " * (1024 * 1024 - 5)
    bomb = b"".join(compressor.compress(chunk) for _ in range(inflated_mib)) + compressor.flush()
    entry("xl/worksheets/sheet1.xml", bomb, 0, 1000)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def multipart(fields, file_field, file_name, data):
    boundary = "----minsheng-replay"
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def replay(base, server, password):
    admin = Client(base, create_token(base, "admin", password))
    office = Client(base, create_token(base, "kf-admin", password))
    plans = admin.json("GET", "/api/v1/plans")
    luoyang = next(p["id"] for p in plans if "洛阳" in p["title"])
    kaifeng = next(p["id"] for p in plans if "开封" in p["title"])

    # 1. A scoped office made an instance-wide admin: create a reporter, then PATCH it to an admin without a unit.
    unit = office.json("GET", f"/api/v1/units?plan={kaifeng}")[0]["id"]
    created = office.json("POST", "/api/v1/users", {"username": "kf-reporter", "role": "reporter", "unitId": unit, "password": password})
    status, _, _ = office.request("PATCH", f"/api/v1/users/{created['id']}", {"role": "admin", "unitId": None, "disabled": False})
    promoted = Client(base, create_token(base, "kf-reporter", password))
    audit, _, _ = promoted.request("GET", "/api/v1/audit")
    reports, _, _ = promoted.request("GET", f"/api/v1/plans/{luoyang}/reports?period=2019-09")
    calendar, _, _ = promoted.request("PUT", f"/api/v1/plans/{luoyang}/calendar", {"dueDay": 20, "quarterlyItemIds": []})
    check("1 scoped office makes an unscoped admin", audit == 404 and reports == 404 and calendar == 404,
          f"PATCH {status}; the promoted account: audit {audit}, Luoyang's reports {reports}, Luoyang's calendar {calendar}")

    # 2. The item page showed another unit's never-submitted draft.
    detail = admin.json("GET", f"/api/v1/plans/{luoyang}")
    items = [item for category in detail["categories"] for item in category["items"]]
    item = next(i for i in items if i["number"] == 17)
    lead = item["leadUnitIds"][0]
    secret = "REPLAY-LEAD-DRAFT"
    admin.json("PUT", f"/api/v1/plans/{luoyang}/reports/2019-10/{item['id']}/{lead}", {"values": [], "progress": secret, "submit": False})
    jiaoyu = Web(base)
    jiaoyu.login("jiaoyu", password)
    _, _, page = jiaoyu.request("GET", f"/plans/{luoyang}/items/17?period=2019-10")
    check("2 a responsible unit reads the lead's draft", secret not in page, "the draft's narrative is " + ("shown" if secret in page else "not shown"))

    # 3. A small XLSX that inflates to hundreds of MB, uploaded by a reporter as the month's form.
    before = server.memory_kb()[0]
    token = jiaoyu.csrf()
    body, content_type = multipart([("_csrf", token)], "file", "form.xlsx", zip_bomb())
    status, _, answer = jiaoyu.request("POST", f"/tasks/form.xlsx?plan={luoyang}&period=2019-09", body=body, headers={"Content-Type": content_type})
    peak = server.memory_kb()[1]
    check("3 a zip bomb uploaded as a form", status in (400, 413) and peak < 400 * 1024,
          f"{len(body) // 1024} KB upload answered {status}; RSS before {before // 1024} MB, peak {peak // 1024} MB")

    # 4. Attribute values were not escaped.
    visitor = Web(base)
    _, _, search = visitor.request("GET", f"/public/plans/{luoyang}/search?q=" + urllib.parse.quote('"><b>x</b>'))
    _, _, login = visitor.request("GET", "/login?next=" + urllib.parse.quote('/"><b>x</b>'))
    check("4 markup through attribute values", "<b>x</b>" not in search and "<b>x</b>" not in login,
          f"search {'injects' if '<b>x</b>' in search else 'escapes'}, login {'injects' if '<b>x</b>' in login else 'escapes'}")

    # 5. Another office's import draft could be read and edited.
    office_web = Web(base)
    office_web.login("kf-admin", password)
    owner = Web(base)
    owner.login("admin", password)
    seed = open(os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "MinshengCore", "Resources", "luoyang-2019.txt"), "rb").read()
    body, content_type = multipart([("_csrf", owner.csrf())], "file", "plan.txt", seed)
    _, response, _ = owner.request("POST", "/admin/imports", body=body, headers={"Content-Type": content_type})
    draft = response.getheader("Location")
    read, _, _ = office_web.request("GET", draft)
    edit, _, _ = office_web.request("POST", draft + "/plan", form={"_csrf": office_web.csrf(), "title": "changed"})
    check("5 another office's import draft", read == 404 and edit == 404, f"GET {read}, POST {edit}")

    # 6. Ten simultaneous wrong passwords for one account.
    def wrong(attempt):
        session = Web(base)
        return session.login("renfang", f"wrong-{attempt}")[0]
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        statuses = list(pool.map(wrong, range(10)))
    checked = statuses.count(401)
    check("6 simultaneous wrong passwords", checked <= 5, f"{checked} of 10 were checked: {sorted(statuses)}")

    # 7. Titles that begin like formulas reached the publication CSV live.
    office.json("POST", f"/api/v1/plans/{kaifeng}/publications", {"period": "2019-09"})
    status, _, csv = visitor.request("GET", f"/public/plans/{kaifeng}/publications/1.csv")
    cells = [cell for row in csv_module.reader(io.StringIO(csv.lstrip("\ufeff"))) for cell in row]
    live = [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r") or re.match(r"-[^\d.]", cell)]
    titled = "HYPERLINK" in csv
    check("7 a formula in the publication CSV", status == 200 and titled and not live,
          f"CSV {status}, the title {'present' if titled else 'missing'}, live formulas: {live[:2]}")

    # 8. API tokens survived a password reset.
    renshe = create_token(base, "renshe", password)
    renshe_id = next(u["id"] for u in admin.json("GET", "/api/v1/users") if u["username"] == "renshe")
    renshe_unit = next(u["unitId"] for u in admin.json("GET", "/api/v1/users") if u["username"] == "renshe")
    admin.json("PATCH", f"/api/v1/users/{renshe_id}", {"role": "reporter", "unitId": renshe_unit, "disabled": False, "password": password + "-new"})
    after, _, _ = Client(base, renshe).request("GET", "/api/v1/me")
    check("8 a token after a password reset", after == 401, f"the old token answers {after}")

    # 9. An upload over the limit answered 500.
    body, content_type = multipart([("_csrf", owner.csrf())], "file", "big.txt", b"x" * (21 * 1024 * 1024))
    status, _, _ = owner.request("POST", "/admin/imports", body=body, headers={"Content-Type": content_type})
    check("9 an upload over the limit", status == 413, f"answered {status}")

    # 10. A tab in next=, HEAD and other methods, a 42-digit value.
    session = Web(base)
    status, response, _ = session.login("yingji", password, next_path="/\t/evil.example/")
    location = response.getheader("Location")
    check("10 next= with a tab", location == "/", f"Location {location!r}")
    head, _, _ = visitor.request("HEAD", "/")
    delete, response, _ = visitor.request("DELETE", "/api/v1/plans")
    check("10 HEAD and unknown methods", head == 200 and delete == 405 and response.getheader("Allow") == "GET, HEAD", f"HEAD {head}, DELETE {delete}")
    value = "1" * 42
    status, _, _ = admin.request("PUT", f"/api/v1/plans/{luoyang}/reports/2019-10/{item['id']}/{lead}",
                                 {"values": [{"indicatorId": item["indicators"][0]["id"], "value": value}], "submit": False})
    check("10 a 42-digit value", status == 400, f"answered {status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_server_arguments(parser)
    args = parser.parse_args()
    work, server, password = prepare(args)
    base = server.start()
    try:
        replay(base, server, password)
    finally:
        server.stop()
    failed = [r for r in RESULTS if not r[1]]
    print(f"{len(RESULTS) - len(failed)} of {len(RESULTS)} attacks held off; work folder {work}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
