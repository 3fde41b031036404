#!/usr/bin/env python3
"""Builds the case planner if needed and serves it on localhost.

    python3 serve.py                 build (installing what is missing), then serve on 127.0.0.1:8000
    python3 serve.py --port 8080     another port
    python3 serve.py --no-build      serve what is already built

The site is static files only: the server never receives pupil data. The headers below are the
ones any production host should send too (see README, "Deploying").
"""
import argparse
import errno
import http.server
import os
import socketserver
import subprocess
import sys

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
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=SITE, **kwargs)

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

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
