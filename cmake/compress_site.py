#!/usr/bin/env python3
"""Writes NAME.gz (gzip -9 -n) and NAME.br (brotli, best) beside each compressible file of the site.

usage: compress_site.py GZIP BROTLI SITE_DIR

Run by the site target after every build: a copy is made again only when it is older than its
file, so an unchanged site costs a few stat calls. Copies whose file is gone are removed. Each copy
is written under a temporary name and renamed, so a server never sends half of one.
"""
import os
import subprocess
import sys

# Text and wasm; the icon is SVG, text too. Images already compressed (png) would not shrink.
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt")


def main():
    gzip, brotli, site = sys.argv[1:4]
    coders = {".gz": [gzip, "-9", "-n", "-c"], ".br": [brotli, "-q", "11", "-c"]}
    names = set(os.listdir(site))
    for name in sorted(names):
        path = os.path.join(site, name)
        suffix = name[-3:]
        if suffix in coders:
            if name[:-3] not in names:
                os.remove(path)
            continue
        if not name.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            continue
        mtime = os.stat(path).st_mtime
        for suffix, command in coders.items():
            out = path + suffix
            if os.path.exists(out) and os.stat(out).st_mtime >= mtime:
                continue
            tmp = out + ".tmp"
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                subprocess.run(command, stdin=src, stdout=dst, check=True)
            os.replace(tmp, out)


if __name__ == "__main__":
    main()
