#!/usr/bin/env python3
"""Builds the case planner if needed and serves it on localhost.

    python3 serve.py                 build (installing what is missing), then serve on 127.0.0.1:8000
    python3 serve.py --port 8080     another port
    python3 serve.py --no-build      serve what is already built

The site is static files only: the server never receives pupil data. The headers below are the
ones any production host should send too (see README, "Deploying").
"""
import argparse
import email.utils
import errno
import http.server
import os
import socketserver
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(ROOT, "build", "wasm", "site")

HEADERS = {
    # No inline script, no eval; WebAssembly needs 'wasm-unsafe-eval' to compile.
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                               "style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
                               "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cache-Control": "no-cache",
}


# The site build writes NAME.br and NAME.gz beside each compressible file (cmake/compress_site.py);
# brotli is smaller, so it wins when the client takes both.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """The content codings an Accept-Encoding header allows (q=0 refuses one; '*' stands for the rest)."""
    allowed, refused, star = set(), set(), False
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if not name:
            continue
        if name == "*":
            star = q > 0
        elif q > 0:
            allowed.add(name)
        else:
            refused.add(name)
    if star:
        allowed |= {e for e, _ in ENCODINGS} - refused
    return allowed


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",   # the accessibility statement
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=SITE, **kwargs)

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        # Each file may be sent compressed or not depending on the request: caches must keep both.
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self):
        """GET and HEAD: the precompressed copy of a file when the client accepts its coding, with the
        original's type and date; everything else (no copy, a Range request, a folder) as before."""
        if "Range" in self.headers:   # a range of the file as stored, not of a compressed copy
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        original = os.stat(path)
        for coding, suffix in ENCODINGS:
            copy = path + suffix
            # A copy older than its file is stale (the file was rebuilt or edited since): never sent.
            if coding not in accepted or not os.path.isfile(copy) or os.stat(copy).st_mtime < original.st_mtime:
                continue
            if self.not_modified_since(original.st_mtime):
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
            f = open(copy, "rb")
            try:
                self.send_response(http.HTTPStatus.OK)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", coding)
                self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                # The loader's progress bar counts decoded bytes, so it needs the decoded size.
                self.send_header("X-Uncompressed-Length", str(original.st_size))
                self.send_header("Last-Modified", self.date_time_string(original.st_mtime))
                self.end_headers()
                return f
            except BaseException:
                f.close()
                raise
        return super().send_head()

    def not_modified_since(self, mtime):
        """If-Modified-Since as SimpleHTTPRequestHandler reads it, for the original's date."""
        if "If-Modified-Since" not in self.headers or "If-None-Match" in self.headers:
            return False
        try:
            since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
        except (TypeError, IndexError, OverflowError, ValueError):
            return False
        return since.tzinfo is not None and int(mtime) <= since.timestamp()

    def log_message(self, fmt, *args):
        if os.environ.get("CP_SERVE_QUIET"):
            return
        super().log_message(fmt, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def build():
    print("Building the case planner (first run installs dependencies; later runs take seconds)…", flush=True)
    result = subprocess.run(["bash", os.path.join(ROOT, "scripts", "build.sh"), "site"])
    if result.returncode != 0:
        sys.exit("Build failed: see the messages above.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--no-build", action="store_true", help="serve what is already built")
    args = parser.parse_args()

    if not args.no_build:
        build()
    if not os.path.exists(os.path.join(SITE, "caseplan.wasm")):
        sys.exit(f"Nothing to serve: {SITE} has no caseplan.wasm. Run without --no-build.")
    try:
        httpd = Server((args.host, args.port), Handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            sys.exit(f"Port {args.port} on {args.host} is already in use (perhaps the planner is already "
                     f"running?). Open that page, stop the other program, or choose another port: "
                     f"python3 serve.py --port {args.port + 1}")
        raise
    host = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    print(f"Serving the case planner at http://{host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
