#!/usr/bin/env python3
"""Checks a briefing page the way a browser sees it (Python 3 standard library only).

    tools/browser/check.py HTML_FILE [--png OUT.png] [--min-coverage-pixels N] [--min-hotspot-pixels N]
    tools/browser/check.py --self-test

Opens HTML_FILE in Debian's headless Chromium at 1600x1000 and fails (exit 1, with a message) unless
  (a) the page logs no console error: console.error/assert, uncaught exceptions, and the browser's own
      error entries (a Content-Security-Policy violation, a failed load);
  (b) the page requests nothing but itself and data: URLs;
  (c) the screenshot has enough pixels near the coverage colour and the hotspot colour.

How: Chromium is driven over the DevTools protocol on --remote-debugging-pipe (file descriptors 3
and 4, NUL-separated JSON): no port, no polling, and the protocol reports everything per page:
Runtime.consoleAPICalled, Runtime.exceptionThrown and Log.entryAdded for (a), Network.requestWillBeSent
for (b) (requests that the page's CSP blocks still appear there, and as a Log error), and
Page.captureScreenshot for (c). As a second, independent witness for (b) the browser also writes a
net log (--log-net-log); any URL_REQUEST in it for a URL other than the page or data: fails the check.
The browser's own background traffic is switched off by flags so that the net log holds only the
page's requests. The PNG is decoded here with zlib (colour types 2 and 6, 8 bits, no interlace).

The colours come from the page's <meta name="cakupan-palette" content="coverage=#rrggbb; hotspot=#rrggbb">
(coverage as it shows over white), or default to the Cakupan palette.
"""

import argparse
import base64
import fcntl
import json
import math
import os
import pathlib
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_COLOURS = {"coverage": "#b1d0ef", "hotspot": "#6a1b9a"}
VIEWPORT = (1600, 1000)
TIMEOUT_S = 60


class CheckFailed(Exception):
    pass


# ---------------------------------------------------------------- Chromium over the DevTools pipe

def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    # Installs it (as root) when missing, like render.sh.
    result = subprocess.run([str(HERE / "find-chromium.sh")], capture_output=True, text=True)
    if result.returncode != 0:
        raise CheckFailed("chromium not found: " + result.stderr.strip())
    return result.stdout.strip()


class DevToolsPipe:
    """The browser end of --remote-debugging-pipe: we write to its fd 3 and read from its fd 4."""

    def __init__(self, chromium, profile, net_log):
        # os.pipe() gives close-on-exec descriptors. The child's ends are copied to numbers >= 10
        # (inheritable) so that dup2 onto 3 and 4 in the child cannot clobber one another.
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        child_read = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def child_setup():
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        flags = [
            "--headless", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
            "--no-default-browser-check", "--hide-scrollbars", "--force-device-scale-factor=1",
            f"--user-data-dir={profile}", f"--log-net-log={net_log}",
            # Keep the browser's own background traffic out of the net log.
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-domain-reliability", "--no-pings", "--disable-extensions",
            "--disable-client-side-phishing-detection", "--disable-breakpad", "--metrics-recording-only",
            "--disable-component-extensions-with-background-pages", "--password-store=basic",
            "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
            "NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater",
            # Exact sRGB pixels, so that the colour counts below mean what they say.
            "--force-color-profile=srgb",
            f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
        ]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox.
        self.stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [chromium, *flags, "about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.stderr, close_fds=False, preexec_fn=child_setup)
        os.close(child_read)
        os.close(child_write)
        self.write_fd = to_browser_w
        self.read_fd = from_browser_r
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        return self.wait_for(lambda m, i=self.next_id: m.get("id") == i)

    def wait_for(self, predicate, timeout=TIMEOUT_S):
        """Reads messages until one matches; every event read on the way is kept in self.events."""
        for message in self.events:
            if "id" not in message and predicate(message):
                return message
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" not in message:
                    self.events.append(message)
                if predicate(message):
                    if "error" in message:
                        raise CheckFailed(f"DevTools error: {message['error']}")
                    return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CheckFailed("timed out waiting for the browser")
            ready, _, _ = select.select([self.read_fd], [], [], remaining)
            if ready:
                chunk = os.read(self.read_fd, 1 << 20)
                if not chunk:
                    self.stderr.seek(0)
                    log = self.stderr.read().decode(errors="replace")[-2000:]
                    raise CheckFailed("the browser closed the DevTools pipe:\n" + log)
                self.buffer += chunk

    def drain(self, seconds):
        """Collects events for a while (late console messages, late requests)."""
        try:
            self.wait_for(lambda m: False, timeout=seconds)
        except CheckFailed as error:
            if "timed out" not in str(error):
                raise

    def close(self):
        try:
            os.write(self.write_fd, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.process.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.write_fd)
            os.close(self.read_fd)


def load_page(html_path, work, actions=None):
    """Opens the page; returns (page URL, protocol events, screenshot PNG bytes, net log path).

    `actions(browser, session, load_ms)` runs after the screenshot (the interactive checks), given the
    wall time from navigation to the load event; its events are checked like the rest."""
    url = html_path.resolve().as_uri()
    net_log = work / "netlog.json"
    browser = DevToolsPipe(find_chromium(), work / "profile", net_log)
    try:
        targets = browser.send("Target.getTargets")["result"]["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        if page is None:
            page_id = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        else:
            page_id = page["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": page_id, "flatten": True})["result"]["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride", {
            "width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.events.clear()
        started = time.monotonic()
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait_for(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
        load_ms = (time.monotonic() - started) * 1000
        browser.drain(1.0)
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
        png = base64.b64decode(shot["result"]["data"])
        if actions:
            actions(browser, session, load_ms)
            browser.drain(0.3)
        events = [e for e in browser.events if e.get("sessionId") == session]
    finally:
        browser.close()
    return url, events, png, net_log


# ---------------------------------------------------------------- the checks

def console_errors(events):
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            errors.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append("uncaught exception: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
    return errors


def allowed(url, page_url):
    return url == page_url or url.startswith("data:")


def page_requests(events, page_url):
    bad = []
    for event in events:
        if event.get("method") == "Network.requestWillBeSent":
            url = event["params"]["request"]["url"]
            if not allowed(url, page_url) and url not in bad:
                bad.append(url)
    return bad


def net_log_requests(path, page_url):
    """Requests in Chromium's net log that a page started, other than the page and data: URLs.

    Returns (bad URLs, number of browser-internal requests ignored). A URL_REQUEST whose
    URL_REQUEST_START_JOB has initiator "not an origin" was started by the browser itself (component
    updater, account check: traffic no page caused, which its flags cannot all switch off); every
    other request, including one with no initiator recorded, counts as the page's.
    """
    if not path.exists():
        raise CheckFailed(f"the browser wrote no net log at {path}")
    text = path.read_text(errors="replace").strip()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        # A log cut short (browser killed) lacks its closing brackets.
        log = json.loads(text.rstrip(",\n") + "]}")
    constants = log["constants"]
    url_request = constants["logSourceType"]["URL_REQUEST"]
    start_job = constants["logEventTypes"]["URL_REQUEST_START_JOB"]
    requests = {}  # source id -> [url, initiator]
    for event in log.get("events", []):
        source = event.get("source", {})
        if source.get("type") != url_request:
            continue
        params = event.get("params", {})
        entry = requests.setdefault(source.get("id"), [None, None])
        if params.get("url") and entry[0] is None:
            entry[0] = params["url"]
        if event.get("type") == start_job and "initiator" in params:
            entry[1] = params["initiator"]
    bad, internal = [], 0
    for url, initiator in requests.values():
        if url is None or allowed(url, page_url):
            continue
        if initiator == "not an origin":
            internal += 1
        elif url not in bad:
            bad.append(url)
    return bad, internal


def decode_png(data):
    """Returns (width, height, rows of RGB bytes) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise CheckFailed("the screenshot is not a PNG")
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise CheckFailed(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
        elif kind == b"IDAT":
            compressed += body
    raw = zlib.decompress(compressed)
    channels = 3 if colour == 2 else 4
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        if kind == 1:
            for x in range(channels, stride):
                line[x] = (line[x] + line[x - channels]) & 255
        elif kind == 2:
            for x in range(stride):
                line[x] = (line[x] + previous[x]) & 255
        elif kind == 3:
            for x in range(stride):
                left = line[x - channels] if x >= channels else 0
                line[x] = (line[x] + (left + previous[x]) // 2) & 255
        elif kind == 4:
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b = previous[x]
                c = previous[x - channels] if x >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            raise CheckFailed(f"bad PNG filter {kind}")
        rows.append(bytes(line) if channels == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def count_near(rows, hex_colour, tolerance):
    target = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    limit = tolerance * tolerance
    count = 0
    for row in rows:
        for x in range(0, len(row), 3):
            dr, dg, db = row[x] - target[0], row[x + 1] - target[1], row[x + 2] - target[2]
            if dr * dr + dg * dg + db * db <= limit:
                count += 1
    return count


def palette_from(html_text):
    colours = dict(DEFAULT_COLOURS)
    marker = '<meta name="cakupan-palette" content="'
    start = html_text.find(marker)
    if start >= 0:
        content = html_text[start + len(marker):html_text.find('"', start + len(marker))]
        for part in content.split(";"):
            if "=" in part:
                name, value = part.split("=", 1)
                colours[name.strip()] = value.strip()
    return colours


def check(html_path, png_out=None, min_coverage=1000, min_hotspot=400, tolerance=24, quiet=False,
          interact=False, max_load_ms=None, zoomed_png=None):
    """Runs the three checks (and with `interact`, the interactive map's); returns the failures."""
    html_path = pathlib.Path(html_path)
    if not html_path.is_file():
        raise CheckFailed(f"{html_path}: no such file")
    colours = palette_from(html_path.read_text(errors="replace"))
    with tempfile.TemporaryDirectory(prefix="cakupan-check-") as work:
        work = pathlib.Path(work)
        report = Report()
        actions = interactive_checks(html_path, report, max_load_ms, zoomed_png) if interact else None
        url, events, png, net_log = load_page(html_path, work, actions)
        failures = list(report)
        failures += [f"console error: {e}" for e in console_errors(events)]
        failures += [f"request from the page: {u}" for u in page_requests(events, url)]
        logged, internal = net_log_requests(net_log, url)
        failures += [f"request in the net log: {u}" for u in logged]
    if png_out:
        pathlib.Path(png_out).write_bytes(png)
    width, height, rows = decode_png(png)
    counts = {}
    for name, minimum in (("coverage", min_coverage), ("hotspot", min_hotspot)):
        counts[name] = count_near(rows, colours[name], tolerance)
        if counts[name] < minimum:
            failures.append(f"screenshot has {counts[name]} pixels near the {name} colour {colours[name]} (want >= {minimum})")
    if not quiet:
        print(f"{html_path}: {width}x{height} screenshot, coverage pixels {counts['coverage']}, "
              f"hotspot pixels {counts['hotspot']}, {len(events)} protocol events, "
              f"{internal} browser-internal requests ignored")
        if interact:
            print(f"  interactive: {'; '.join(report.checked)}; ready {report.timings}")
    if interact and max_load_ms is not None:
        # Load time: the best of three fresh loads (the machine is shared; the fastest run is the one
        # least disturbed by other work), each the later of the load event and the script's ready mark.
        runs = load_times(html_path, 3)
        best = min(max(load, ready) for load, ready in runs)
        if not quiet:
            print(f"  load (load event ms, script ready ms) of 3 runs: {runs}; best {best} ms")
        if best > max_load_ms:
            failures.append(f"the page took {best} ms to load at best of 3 (want <= {max_load_ms} ms)")
    return failures


# ---------------------------------------------------------------- the interactive map

def evaluate(browser, session, expression):
    """The value of a JavaScript expression in the page (JSON-serialisable values only)."""
    reply = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
    result = reply["result"]
    if "exceptionDetails" in result:
        raise CheckFailed(f"evaluating {expression[:60]!r}: {result['exceptionDetails'].get('text')}")
    return result["result"].get("value")


def distance_text(metres, language):
    """NumberText.distance of the briefing: `850 m` (to 10 m) below 995 m, else `1,2 km` / `12 km`."""
    decimal, group = (",", ".") if language == "id" else (".", ",")
    def grouped(n):
        return f"{n:,}".replace(",", group)
    if metres < 995:
        return grouped(int(math.floor(metres / 10 + 0.5)) * 10) + " m"
    digits = 1 if metres < 9950 else 0
    scaled = int(math.floor(metres / 1000 * 10 ** digits + 0.5))
    whole, fraction = divmod(scaled, 10 ** digits)
    return grouped(whole) + (decimal + str(fraction) if digits else "") + " km"


def weight_text(value, language):
    """NumberText.weight of the briefing: at most two decimals, no trailing zeros (`12`, `4,5`)."""
    decimal = "," if language == "id" else "."
    scaled = int(math.floor(abs(value) * 100 + 0.5))
    whole, fraction = divmod(scaled, 100)
    text = f"{whole:,}".replace(",", "." if language == "id" else ",")
    if fraction:
        text += decimal + f"{fraction:02d}".rstrip("0")
    return ("-" if value < 0 and scaled else "") + text


VIEW_BOX = "document.getElementById('ck-view').getAttribute('viewBox')"
# The map frame on screen [left, top, width, height]: the nested <svg id="ck-view">'s x, y, width
# and height through the outer SVG's screen transform.
FRAME = """function(){var v=document.getElementById('ck-view'), m=v.ownerSVGElement.getScreenCTM();
    var x=+v.getAttribute('x'), y=+v.getAttribute('y'), w=+v.getAttribute('width'), h=+v.getAttribute('height');
    return [m.e+m.a*x, m.f+m.d*y, m.a*w, m.d*h]}"""
INFO = "(function(){var i=document.getElementById('ck-info');return i&&!i.hidden?{text:i.textContent,layer:i.getAttribute('data-layer')}:null})()"


def load_times(html_path, runs):
    """(load event ms, script ready ms) of `runs` fresh loads of the page, each in a new browser."""
    times = []
    for _ in range(runs):
        def actions(browser, session, load_ms):
            deadline = time.monotonic() + 30
            ready = None
            while not ready and time.monotonic() < deadline:
                ready = evaluate(browser, session, "document.documentElement.getAttribute('data-ck-ready')")
            times.append((int(load_ms), int(ready or 10 ** 9)))
        with tempfile.TemporaryDirectory(prefix="cakupan-load-") as work:
            load_page(pathlib.Path(html_path), pathlib.Path(work), actions)
    return times


def interactive_checks(html_path, report, max_load_ms=None, zoomed_png=None):
    """The checks of the explorable map, run in the loaded page; failures are appended to `report`.

    Independent expectations come from the result folder beside the page (sites.geojson,
    areas.geojson): a covered site's name and its distance as the page formats it, and the first
    kecamatan's name. Input goes through the DevTools Input domain (real wheel, mouse and key events).
    """
    folder = pathlib.Path(html_path).parent
    html_text = pathlib.Path(html_path).read_text(errors="replace")
    language = "en" if '<html lang="en"' in html_text else "id"
    sites = json.loads((folder / "sites.geojson").read_text())["features"]
    areas = json.loads((folder / "areas.geojson").read_text())["features"]
    # Recommended posts (optional: only runs with --recommend write them).
    posts_file = folder / "recommendations.geojson"
    posts = json.loads(posts_file.read_text())["features"] if posts_file.exists() else []
    post = next((f for f in posts if f["properties"].get("rank") == 1), None)
    def near_post(feature):
        # Within 300 m of a post: a click there may pick the post (drawn on top) instead.
        lon, lat = feature["geometry"]["coordinates"][:2]
        for p in posts:
            plon, plat = p["geometry"]["coordinates"][:2]
            dx = (plon - lon) * 111_320 * math.cos(math.radians(lat))
            if math.hypot(dx, (plat - lat) * 110_574) < 300:
                return True
        return False
    # A covered site (no hotspot sits on it, no post near it) with a name and a distance that is not 0 m.
    candidates = [f["properties"] for f in sites
                  if f["properties"].get("covered") and f["properties"].get("name") and f["properties"].get("distance_m") is not None
                  and not f["properties"].get("stale") and not near_post(f)]
    site = next((p for p in candidates if p["distance_m"] >= 50), candidates[0])
    area_name = next(f["properties"]["name"] for f in areas if f["properties"].get("name"))

    def actions(browser, session, load_ms):
        def wait(expression, seconds=10.0):
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                value = evaluate(browser, session, expression)
                if value:
                    return value
                time.sleep(0.02)
            return None

        def settle():
            evaluate(browser, session, "new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(r)})}).then(function(){return 1})")
            time.sleep(0.05)

        def mouse(kind, x, y, **extra):
            params = {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseWheel" else "none", "clickCount": 1}
            params.update(extra)
            browser.send("Input.dispatchMouseEvent", params, session=session)

        def key(name, code=0):
            for kind in ("keyDown", "keyUp"):
                browser.send("Input.dispatchKeyEvent", {"type": kind, "key": name, "code": name, "windowsVirtualKeyCode": code}, session=session)

        ready = wait("document.documentElement.getAttribute('data-ck-ready')", 30)
        if not ready:
            report.append("the map script never finished (no data-ck-ready)")
            return
        report.timings = {"load_event_ms": int(load_ms), "script_ready_ms": int(ready)}

        # (d) Zooming with the wheel at the middle of the map frame changes the viewBox.
        home = evaluate(browser, session, VIEW_BOX)
        frame = evaluate(browser, session, "(" + FRAME + ")()")
        cx, cy = frame[0] + frame[2] / 2, frame[1] + frame[3] / 2
        evaluate(browser, session, "window.scrollTo(0,0)")
        mouse("mouseWheel", cx, cy, deltaX=0, deltaY=-500)
        settle()
        zoomed = evaluate(browser, session, VIEW_BOX)
        if zoomed == home or float(zoomed.split()[2]) >= float(home.split()[2]):
            report.append(f"the wheel did not zoom in: viewBox {home!r} -> {zoomed!r}")
        evaluate(browser, session, "document.querySelector('svg.ck-live').focus()")
        key("+")
        settle()
        if evaluate(browser, session, VIEW_BOX) == zoomed:
            report.append("the + key did not zoom")
        evaluate(browser, session, "document.getElementById('ck-reset').click()")
        settle()
        if evaluate(browser, session, VIEW_BOX) != home:
            report.append("reset view did not return to the whole map")

        # Layer toggles: switching hotspots off hides their group, on shows it again.
        toggled = evaluate(browser, session, """(function(){
            var box=document.querySelector('[data-toggle="hotspots"]'), g=document.querySelector('#ck-view [data-layer="hotspots"]');
            if(!box||!g) return 'absent'; box.click(); var off=getComputedStyle(g).display; box.click();
            return off + '/' + getComputedStyle(g).display })()""")
        if toggled not in ("none/inline", "absent"):
            report.append(f"the hotspot layer toggle did not hide and show the layer: {toggled}")

        # (e) Clicking a known site shows its name and distance. The search zooms to it first;
        # then the info panel is closed and the site clicked where it is drawn.
        name, distance = site["name"], distance_text(site["distance_m"], language)
        evaluate(browser, session, "document.getElementById('ck-search').focus()")
        browser.send("Input.insertText", {"text": name}, session=session)
        key("Enter", 13)
        settle()
        evaluate(browser, session, "document.getElementById('ck-info').hidden=true")
        point = evaluate(browser, session, """(function(name){
            var d=JSON.parse(document.getElementById('ck-data').textContent), L=d.layers.filter(function(l){return l.id==='sites'})[0];
            var i=L.f.findIndex(function(f){return d.s[f[0]]===name}); if(i<0) return null;
            var v=document.getElementById('ck-view'), r=(%s)(), b=v.viewBox.baseVal;
            return [r[0]+(L.f[i][1]/10-b.x)/b.width*r[2], r[1]+(L.f[i][2]/10-b.y)/b.height*r[3]];
        })(%s)""" % (FRAME, json.dumps(name)))
        if point is None:
            report.append(f"site {name!r} is not in the page's map data")
        else:
            mouse("mouseMoved", point[0], point[1])
            mouse("mousePressed", point[0], point[1])
            mouse("mouseReleased", point[0], point[1])
            settle()
            shown = evaluate(browser, session, INFO)
            if not shown or name not in shown["text"] or distance not in shown["text"]:
                report.append(f"clicking site {name!r} did not show its name and distance {distance!r}: {shown}")
        evaluate(browser, session, "document.getElementById('ck-reset').click()")

        # (e2) With recommended posts: the search finds post 1 by its rank ("P1"), and a click on it
        # shows its reason (in the page's language) and its gain as recommendations.geojson has them.
        if post is not None:
            props = post["properties"]
            reason = props["reason_en"] if language == "en" else props["reason"]
            gain = weight_text(props["gain"], language)
            evaluate(browser, session, "(function(){var s=document.getElementById('ck-search');s.value='';s.focus()})()")
            browser.send("Input.insertText", {"text": "P1"}, session=session)
            key("Enter", 13)
            settle()
            shown = evaluate(browser, session, INFO)
            if not shown or shown["layer"] != "recommendations" or reason not in shown["text"]:
                report.append(f"searching 'P1' did not show post 1: {shown}")
            evaluate(browser, session, "document.getElementById('ck-info').hidden=true")
            point = evaluate(browser, session, """(function(){
                var d=JSON.parse(document.getElementById('ck-data').textContent), L=d.layers.filter(function(l){return l.id==='recommendations'})[0];
                if(!L) return null; var i=L.f.findIndex(function(f){return d.s[f[4]]==='1'}); if(i<0) return null;
                var v=document.getElementById('ck-view'), r=(%s)(), b=v.viewBox.baseVal;
                return [r[0]+(L.f[i][1]/10-b.x)/b.width*r[2], r[1]+(L.f[i][2]/10-b.y)/b.height*r[3]];
            })()""" % FRAME)
            if point is None:
                report.append("post 1 is not in the page's map data (layer 'recommendations')")
            else:
                mouse("mouseMoved", point[0], point[1])
                mouse("mousePressed", point[0], point[1])
                mouse("mouseReleased", point[0], point[1])
                settle()
                shown = evaluate(browser, session, INFO)
                if not shown or shown["layer"] != "recommendations" or reason not in shown["text"] or gain not in shown["text"]:
                    report.append(f"clicking post 1 did not show its reason and gain {gain!r}: {shown}")
            toggled = evaluate(browser, session, """(function(){
                var box=document.querySelector('[data-toggle="recommendations"]'), g=document.querySelector('#ck-view [data-layer="recommendations"]');
                if(!box||!g) return 'absent'; box.click(); var off=getComputedStyle(g).display; box.click();
                return off + '/' + getComputedStyle(g).display })()""")
            if toggled != "none/inline":
                report.append(f"the recommendations layer toggle did not hide and show the posts: {toggled}")
            evaluate(browser, session, "document.getElementById('ck-reset').click()")

        # (f) The search finds a kecamatan by name and zooms to it.
        evaluate(browser, session, "(function(){var s=document.getElementById('ck-search');s.value='';s.focus()})()")
        browser.send("Input.insertText", {"text": area_name}, session=session)
        key("Enter", 13)
        settle()
        shown = evaluate(browser, session, INFO)
        if not shown or shown["layer"] != "areas" or area_name not in shown["text"]:
            report.append(f"searching {area_name!r} did not show the kecamatan: {shown}")
        if evaluate(browser, session, VIEW_BOX) == home:
            report.append(f"searching {area_name!r} did not zoom to it")
        # (g) A two-finger pinch (touch events, as a tablet sends them) zooms in.
        evaluate(browser, session, "document.getElementById('ck-reset').click()")
        settle()
        browser.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 2}, session=session)
        def touch(kind, points):
            browser.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [
                {"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]}, session=session)
        touch("touchStart", [(cx - 20, cy), (cx + 20, cy)])
        for spread in range(30, 130, 10):
            touch("touchMove", [(cx - spread, cy), (cx + spread, cy)])
        touch("touchEnd", [])
        settle()
        pinched = evaluate(browser, session, VIEW_BOX)
        if pinched == home or float(pinched.split()[2]) > float(home.split()[2]) / 3:
            report.append(f"a pinch did not zoom in about 6x: viewBox {home!r} -> {pinched!r}")
        browser.send("Emulation.setTouchEmulationEnabled", {"enabled": False}, session=session)
        if zoomed_png:
            # The picture: the kecamatan found above, with its panel.
            evaluate(browser, session, "(function(){var s=document.getElementById('ck-search');s.value='';s.focus()})()")
            browser.send("Input.insertText", {"text": area_name}, session=session)
            key("Enter", 13)
            settle()
            time.sleep(0.2)
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
            pathlib.Path(zoomed_png).write_bytes(base64.b64decode(shot["result"]["data"]))
        report.checked = [f"wheel/+ zoom and reset", "layer toggle", "pinch", f"click on site {name!r} shows {distance!r}", f"search finds {area_name!r}"]
        if post is not None:
            report.checked.append(f"search 'P1' and click on post 1 show its reason and gain {weight_text(post['properties']['gain'], language)!r}; posts toggle")

    return actions


class Report(list):
    """Failures of the interactive checks, with what was measured and checked."""
    timings = None
    checked = ()


# ---------------------------------------------------------------- self-test

GOOD_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="cakupan-palette" content="coverage=#b1d0ef; hotspot=#6a1b9a"><link rel="icon" href="data:,"></head>
<body style="margin:0"><svg width="800" height="400"><rect width="400" height="400" fill="#1f78d1" fill-opacity=".35"/>
<circle cx="600" cy="200" r="60" fill="#6a1b9a"/></svg></body></html>
"""
# Loopback only: the discard port on this machine, never another host.
BAD_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<img src="http://127.0.0.1:9/tile.png"><script>console.error("boom")</script></body></html>
"""
CSP_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
</head><body><img src="http://127.0.0.1:9/blocked.png"></body></html>
"""


def self_test():
    with tempfile.TemporaryDirectory(prefix="cakupan-check-self-") as work:
        work = pathlib.Path(work)
        results = {}
        for name, text in (("good", GOOD_PAGE), ("bad", BAD_PAGE), ("csp", CSP_PAGE)):
            path = work / f"{name}.html"
            path.write_text(text)
            results[name] = check(path, min_coverage=1000, min_hotspot=1000, quiet=True)
    problems = []
    if results["good"]:
        problems.append(f"a good page failed: {results['good']}")
    bad = " | ".join(results["bad"])
    for expected in ("console error", "boom", "127.0.0.1:9/tile.png", "coverage colour"):
        if expected not in bad:
            problems.append(f"a bad page's failures lack '{expected}': {bad}")
    csp = " | ".join(results["csp"])
    if "127.0.0.1:9/blocked.png" not in csp:
        problems.append(f"a request blocked by CSP went unnoticed: {csp}")
    for name, failures in results.items():
        print(f"self-test {name}: " + ("; ".join(failures) if failures else "passes"))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", nargs="?", help="the page to check")
    parser.add_argument("--png", help="also save the screenshot here")
    parser.add_argument("--min-coverage-pixels", type=int, default=1000)
    parser.add_argument("--min-hotspot-pixels", type=int, default=400)
    parser.add_argument("--tolerance", type=int, default=24, help="RGB distance counted as near a colour")
    parser.add_argument("--self-test", action="store_true", help="check that the checker catches bad pages")
    parser.add_argument("--interact", action="store_true",
                        help="also check the explorable map: wheel and key zoom, reset, a click on a site, the search")
    parser.add_argument("--max-load-ms", type=int, help="with --interact: fail when the page loads later than this")
    parser.add_argument("--zoomed-png", help="with --interact: save a screenshot of the map zoomed to the kecamatan found")
    args = parser.parse_args()
    try:
        if args.self_test:
            problems = self_test()
            if problems:
                print("check.py self-test FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
                return 1
            print("check.py self-test passed")
            return 0
        if not args.html:
            parser.error("HTML_FILE is required")
        failures = check(args.html, args.png, args.min_coverage_pixels, args.min_hotspot_pixels, args.tolerance,
                         interact=args.interact, max_load_ms=args.max_load_ms, zoomed_png=args.zoomed_png)
    except CheckFailed as error:
        print(f"check.py: {error}", file=sys.stderr)
        return 2
    if failures:
        print(f"check.py: {args.html} FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"check.py: {args.html} passed: no console errors, no requests, map colours present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
