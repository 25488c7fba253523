#!/usr/bin/env python3
"""Opens a supervision dashboard page in headless Chromium, through the
DevTools protocol, and checks the page as it is rendered.  Prints TAP.

    dashboard-check.py PAGE.html OUTPUT_DIR

Checks: every chart present and drawn (at least one mark, a box of some
size); no console error or uncaught exception; no request but the page's
own file; a screenshot written to OUTPUT_DIR/dashboard.png.
"""
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import websocket

CHARTS = ["inspections_per_month", "planned_vs_exempt", "most_visited",
          "timeliness", "overdue", "reverse_investigations"]
TIMEOUT = 60

page, outdir = os.path.abspath(sys.argv[1]), sys.argv[2]
url = "file://" + page
n = 0
failed = 0


def result(ok, name, diag=None):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    if not ok and diag:
        for line in str(diag).splitlines()[:20]:
            print("# " + line)


def bail(why):
    result(False, why)
    print("1..%d" % n)
    sys.exit(1)


browser = shutil.which("chromium") or shutil.which("chromium-browser")
if browser is None:
    bail("chromium is not installed")

profile = tempfile.mkdtemp(prefix="enforcement-chromium.")
proc = subprocess.Popen(
    [browser, "--headless", "--no-sandbox", "--disable-gpu",
     "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
     "--disable-background-networking", "--disable-component-update",
     "--disable-sync", "--remote-debugging-port=0",
     "--user-data-dir=" + profile, "--window-size=1440,2000", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    start_new_session=True)


def stop():
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    proc.wait()
    shutil.rmtree(profile, ignore_errors=True)


signal.signal(signal.SIGALRM, lambda *_: (stop(), bail("timed out after %d s" % TIMEOUT)))
signal.alarm(TIMEOUT)

try:
    port_file = os.path.join(profile, "DevToolsActivePort")
    while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
        if proc.poll() is not None:
            bail("chromium exited before it listened")
        time.sleep(0.1)
    port = open(port_file).read().split()[0]

    # a target of our own: a new page
    import urllib.request
    target = json.loads(urllib.request.urlopen(
        urllib.request.Request("http://127.0.0.1:%s/json/new?about:blank" % port,
                               method="PUT")).read())
    ws = websocket.create_connection(target["webSocketDebuggerUrl"])
    next_id = [0]
    events = []

    def call(method, **params):
        next_id[0] += 1
        ws.send(json.dumps({"id": next_id[0], "method": method, "params": params}))
        while True:
            msg = json.loads(ws.recv())
            if msg.get("id") == next_id[0]:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            events.append(msg)

    for domain in ("Page", "Runtime", "Log", "Network"):
        call(domain + ".enable")
    call("Page.navigate", url=url)
    # until the page has loaded (and a moment for late console messages)
    loaded = False
    while not loaded:
        msg = json.loads(ws.recv())
        events.append(msg)
        loaded = msg.get("method") == "Page.loadEventFired"
    time.sleep(0.5)
    call("Runtime.evaluate", expression="1")

    charts = call("Runtime.evaluate", returnByValue=True, expression="""
        Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
            var r = s.getBoundingClientRect();
            return {name: s.getAttribute('data-chart'),
                    marks: s.querySelectorAll('rect, circle, path, line, polyline, text').length,
                    bars: s.querySelectorAll('rect').length,
                    width: r.width, height: r.height};
        })""")["result"]["value"]
    by_name = {c["name"]: c for c in charts}
    for name in CHARTS:
        c = by_name.get(name)
        result(c is not None, "the chart %s is on the page" % name)
        result(c is not None and c["marks"] > 0 and c["width"] > 0 and c["height"] > 0,
               "the chart %s is drawn and not empty" % name, c)
    result(sum(c["bars"] for c in charts) > len(CHARTS),
           "the charts draw bars of the demo's data")
    scripts = call("Runtime.evaluate", returnByValue=True,
                   expression="document.scripts.length")["result"]["value"]
    result(scripts == 0, "the page has no script")

    shot = call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    os.makedirs(outdir, exist_ok=True)
    png = os.path.join(outdir, "dashboard.png")
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    result(os.path.getsize(png) > 10000, "a screenshot is saved: %s" % png)

    errors = []
    requests = []
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.exceptionThrown":
            errors.append(p["exceptionDetails"].get("text"))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append(json.dumps(p.get("args")))
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            errors.append(p["entry"].get("text"))
        elif m == "Network.requestWillBeSent":
            requests.append(p["request"]["url"])
    result(not errors, "no console error on the page", "\n".join(map(str, errors)))
    outside = [u for u in requests if u != url and not u.startswith("data:")]
    result(not outside, "no request leaves the page", "\n".join(outside))
    ws.close()
finally:
    signal.alarm(0)
    stop()

print("1..%d" % n)
sys.exit(1 if failed else 0)
