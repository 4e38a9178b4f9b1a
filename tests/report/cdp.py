"""cdp.py: a minimal client of the Chrome DevTools protocol over
--remote-debugging-pipe (file descriptors 3 and 4 of the browser, one JSON
message per NUL-terminated chunk), with only Python's standard library.

    with Browser(chromium_path, tmpdir) as b:
        page = b.new_page(1280, 900)
        page.goto("file:///.../index.html")
        n = page.eval("document.querySelectorAll('tr').length")
        page.screenshot("index.png")
"""
import base64
import fcntl
import json
import os
import select
import subprocess
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--no-default-browser-check",
         "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-pipe"]


class CdpError(Exception):
    pass


class Browser:
    def __init__(self, exe, profile_dir, timeout=60):
        self.timeout = timeout
        self.next_id = 0
        self.events = []
        self.buf = b""
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():  # the browser reads commands on fd 3 and answers on fd 4
            # the pipes may already sit on 3 or 4: move them above first,
            # so that each dup2 makes a distinct, inheritable descriptor
            r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.log = open(os.path.join(profile_dir, "chromium.log"), "wb")
        self.proc = subprocess.Popen(
            [exe, *FLAGS, "--user-data-dir=" + os.path.join(profile_dir, "profile"),
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            preexec_fn=wire, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.proc.poll() is None:
            try:
                self.send("Browser.close", timeout=10)
            except (CdpError, OSError):
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CdpError("no answer from chromium in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise CdpError("chromium closed the DevTools pipe (exit status %s)"
                                   % self.proc.poll())
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None, timeout=None):
        """Sends a command and returns its result; events seen meanwhile are kept."""
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise CdpError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def wait_event(self, method, session, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == method and e.get("sessionId") == session:
                    return self.events.pop(i)
            m = self._read_message(deadline)
            if "method" in m:
                self.events.append(m)

    def new_page(self, width=1280, height=900):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.session = session
        self.console_errors = []

    def send(self, method, params=None):
        return self.b.send(method, params, self.session)

    def goto(self, url):
        # a URL differing only in its fragment would not load the page again
        if self.eval("location.href.split('#')[0]") == url.split("#")[0]:
            self.goto("about:blank")
        self.b.events = [e for e in self.b.events if e.get("sessionId") != self.session]
        res = self.send("Page.navigate", {"url": url})
        if res.get("errorText"):
            raise CdpError("%s: %s" % (url, res["errorText"]))
        self.b.wait_event("Page.loadEventFired", self.session)
        self._collect_errors()

    def _collect_errors(self):
        for e in self.b.events:
            if e.get("sessionId") == self.session and e["method"] == "Runtime.exceptionThrown":
                self.console_errors.append(e["params"]["exceptionDetails"])

    def eval(self, expression):
        """The value of a JavaScript expression (JSON-serializable)."""
        res = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": True})
        if "exceptionDetails" in res:
            raise CdpError("%s: %s" % (expression, res["exceptionDetails"]))
        return res["result"].get("value")

    def disable_scripts(self, disabled=True):
        self.send("Emulation.setScriptExecutionDisabled", {"value": disabled})

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.eval("[document.documentElement.scrollWidth,"
                             " document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
