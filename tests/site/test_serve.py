"""serve.py sends the site's precompressed copies: brotli when the client takes it, else gzip, else the
file as it is, always with the original's type, the right length and the security headers.

    /usr/bin/python3 tests/site/test_serve.py [build/wasm]

The first part starts serve.py --no-build on a free port against the built site (skipped when there
is none) and checks every copy the build wrote. The second serves a small site of its own made in a
temporary folder, with serve.py's handler in this process, for the cases the real site never has:
a stale copy, a missing one, refusals with q=0.
"""
import gzip
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
import serve  # noqa: E402  (its handler, served in this process for the second part)

SITE = serve.SITE
COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".svg")
# The security headers every response carries (README, "Deploying"), written out rather than read
# from serve.py; the CSP is checked by tests/browser/security.test.mjs, here only for presence.
SECURITY = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin",
            "Cache-Control": "no-cache"}


def unbrotli(data):
    return subprocess.run(["brotli", "-d", "-c"], input=data, capture_output=True, check=True).stdout


def decode(coding, data):
    return {"br": unbrotli, "gzip": gzip.decompress, None: lambda d: d}[coding](data)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.port = port

    def request(self, path, method="GET", **headers):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            # http.client adds no Accept-Encoding of its own: the test says exactly what it accepts.
            conn.request(method, path, headers=headers)
            res = conn.getresponse()
            return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
        finally:
            conn.close()


class RealServer(unittest.TestCase):
    """The real serve.py, started as the browser tests start it."""

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(os.path.join(SITE, "caseplan.wasm.br")):
            raise unittest.SkipTest(f"no compressed site in {SITE} (scripts/build.sh site makes it)")
        port = free_port()
        cls.proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "serve.py"), "--no-build", "--port", str(port)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    env={**os.environ, "CP_SERVE_QUIET": "1"})
        cls.client = Client(port)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if cls.proc.poll() is not None or time.monotonic() > deadline:
                    cls.proc.kill()
                    raise RuntimeError("serve.py did not start: " + cls.proc.stdout.read().decode(errors="replace"))
                time.sleep(0.05)

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=10)
        cls.proc.stdout.close()

    def original(self, name):
        with open(os.path.join(SITE, name), "rb") as f:
            return f.read()

    def check(self, path, accept, coding, type_=None):
        name = path.lstrip("/") or "index.html"
        headers = {"Accept-Encoding": accept} if accept is not None else {}
        status, h, body = self.client.request(path, **headers)
        self.assertEqual(status, 200, path)
        self.assertEqual(h.get("content-encoding"), coding, f"{path} with Accept-Encoding {accept!r}")
        self.assertEqual(int(h["content-length"]), len(body), f"{path}: Content-Length is what was sent")
        self.assertEqual(decode(coding, body), self.original(name), f"{path} decodes to the file")
        self.assertEqual(h.get("vary"), "Accept-Encoding", path)
        if type_:
            self.assertEqual(h["content-type"], type_, path)
        for k, v in SECURITY.items():
            self.assertEqual(h.get(k.lower()), v, f"{path}: {k}")
        self.assertIn("default-src 'self'", h.get("content-security-policy", ""), path)
        if coding:
            self.assertEqual(int(h["x-uncompressed-length"]), len(self.original(name)), path)
            if len(self.original(name)) > 1024:   # below that, a coding's own header may outweigh the gain
                self.assertLess(len(body), len(self.original(name)), f"{path}: the {coding} copy is smaller")
        return h

    def test_brotli_when_asked(self):
        self.check("/caseplan.wasm", "gzip, deflate, br", "br", "application/wasm")
        self.check("/", "br, gzip", "br", "text/html; charset=utf-8")
        self.check("/caseplan.js", "br", "br", "text/javascript")

    def test_gzip_when_only_gzip(self):
        self.check("/caseplan.wasm", "gzip", "gzip", "application/wasm")
        self.check("/style.css", "gzip, deflate", "gzip", "text/css")
        self.check("/caseplan.wasm", "br;q=0, gzip;q=0.5", "gzip", "application/wasm")

    def test_identity_otherwise(self):
        self.check("/caseplan.wasm", None, None, "application/wasm")
        self.check("/caseplan.wasm", "identity", None, "application/wasm")
        self.check("/caseplan.wasm", "deflate", None, "application/wasm")
        self.check("/index.html", "", None, "text/html; charset=utf-8")

    def test_every_compressible_file_has_both_copies(self):
        names = sorted(n for n in os.listdir(SITE) if n.endswith(COMPRESSIBLE))
        self.assertIn("caseplan.wasm", names)
        for name in names:
            for suffix, coding in ((".br", "br"), (".gz", "gzip")):
                with self.subTest(name=name, coding=coding):
                    with open(os.path.join(SITE, name + suffix), "rb") as f:
                        self.assertEqual(decode(coding, f.read()), self.original(name))
                    self.check("/" + name, coding, coding)

    def test_head_sends_the_get_headers_without_a_body(self):
        for accept in ("br", "gzip", None):
            headers = {"Accept-Encoding": accept} if accept else {}
            _, got, body = self.client.request("/caseplan.wasm", **headers)
            status, head, nothing = self.client.request("/caseplan.wasm", method="HEAD", **headers)
            self.assertEqual((status, nothing), (200, b""), accept)
            for k in ("content-type", "content-length", "content-encoding", "vary", "last-modified"):
                self.assertEqual(head.get(k), got.get(k), f"HEAD {k}, Accept-Encoding {accept}")

    def test_a_range_request_gets_the_file_as_stored(self):
        status, h, body = self.client.request("/caseplan.wasm", **{"Accept-Encoding": "br, gzip", "Range": "bytes=0-7"})
        self.assertIsNone(h.get("content-encoding"), "a range of a compressed copy would not be a range of the file")
        self.assertIn(status, (200, 206))
        self.assertEqual(int(h["content-length"]), len(body))
        whole = self.original("caseplan.wasm")
        self.assertEqual(body, whole[:8] if status == 206 else whole)

    def test_revalidation_of_a_compressed_copy(self):
        h = self.check("/caseplan.wasm", "br", "br")
        status, again, body = self.client.request("/caseplan.wasm", **{"Accept-Encoding": "br",
                                                                       "If-Modified-Since": h["last-modified"]})
        self.assertEqual((status, body), (304, b""))
        self.assertEqual(again.get("vary"), "Accept-Encoding")


class OwnSite(unittest.TestCase):
    """serve.py's handler over a temporary site, in this process."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="cp-serve-")
        self.text = b"body { color: black; }\n" * 200
        self.write("a.css", self.text)
        self.write("a.css.gz", gzip.compress(self.text, 9, mtime=0))
        brotli = subprocess.run(["brotli", "-c"], input=self.text, capture_output=True, check=True)
        self.write("a.css.br", brotli.stdout)
        self.write("plain.js", b"'use strict';\n" * 50)   # no copies at all
        self.saved_site = serve.SITE
        serve.SITE = self.dir
        self.httpd = serve.Server(("127.0.0.1", 0), QuietHandler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.client = Client(self.httpd.server_address[1])

    def tearDown(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        serve.SITE = self.saved_site
        shutil.rmtree(self.dir)

    def write(self, name, data, age=0):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        t = time.time() - age
        os.utime(path, (t, t))

    def coding(self, path, accept):
        status, h, body = self.client.request(path, **{"Accept-Encoding": accept})
        self.assertEqual(status, 200)
        with open(os.path.join(self.dir, path[1:]), "rb") as f:
            self.assertEqual(decode(h.get("content-encoding"), body), f.read())
        return h.get("content-encoding")

    def test_preference_and_refusal(self):
        self.assertEqual(self.coding("/a.css", "gzip, br"), "br")
        self.assertEqual(self.coding("/a.css", "*"), "br")
        self.assertEqual(self.coding("/a.css", "*, br;q=0"), "gzip")
        self.assertEqual(self.coding("/a.css", "BR;q=0.1"), "br")
        self.assertEqual(self.coding("/a.css", "br;q=0, gzip;q=0"), None)
        self.assertEqual(self.coding("/a.css", "x-gzip"), None)

    def test_a_file_without_copies_is_sent_as_it_is(self):
        self.assertEqual(self.coding("/plain.js", "br, gzip"), None)

    def test_a_stale_copy_is_never_sent(self):
        self.write("a.css", self.text + b"/* rebuilt */\n")   # newer than both copies
        os.utime(os.path.join(self.dir, "a.css.br"), (time.time() - 60, time.time() - 60))
        os.utime(os.path.join(self.dir, "a.css.gz"), (time.time() - 60, time.time() - 60))
        self.assertEqual(self.coding("/a.css", "br, gzip"), None)

    def test_not_found_and_folders_as_before(self):
        status, h, _ = self.client.request("/missing.js", **{"Accept-Encoding": "br"})
        self.assertEqual(status, 404)
        os.mkdir(os.path.join(self.dir, "sub"))
        status, h, _ = self.client.request("/sub", **{"Accept-Encoding": "br"})
        self.assertEqual((status, h.get("location")), (301, "/sub/"))


class QuietHandler(serve.Handler):
    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        sys.argv.pop(1)   # scripts/test.py names the build folder; serve.py serves its own site
    unittest.main(verbosity=2)
