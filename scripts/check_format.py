#!/usr/bin/env python3
"""Checks the layout of our own C++ (not third-party code, which is never in the repository):
every file is as clang-format leaves it (.clang-format), and no line is longer than 120 columns.

    python3 scripts/check_format.py          check; prints each problem and "N passed, M failed"
    python3 scripts/check_format.py --fix    rewrite the files in place with clang-format
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_COLUMNS = 120
CLANG_FORMAT = "clang-format-14"   # Debian 12's; another version lays some lines out differently


def sources():
    out = subprocess.check_output(["git", "ls-files", "*.cpp", "*.h", "*.c"], cwd=ROOT, text=True)
    return [f for f in out.split() if os.path.exists(os.path.join(ROOT, f))]


def long_lines(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return [(n, len(line)) for n, line in enumerate(f.read().split("\n"), 1) if len(line) > MAX_COLUMNS]


def main():
    files = sources()
    if "--fix" in sys.argv:
        subprocess.run([CLANG_FORMAT, "-i"] + files, cwd=ROOT, check=True)
        return
    passed = failed = 0
    for path in files:
        proc = subprocess.run([CLANG_FORMAT, "--dry-run", "-Werror", path], cwd=ROOT, capture_output=True, text=True)
        problems = [f"{path}:{n}: {cols} columns (at most {MAX_COLUMNS})" for n, cols in long_lines(path)]
        if proc.returncode != 0:
            problems.insert(0, f"{path}: not as clang-format lays it out; run python3 scripts/check_format.py --fix\n"
                               + "\n".join(proc.stderr.splitlines()[:6]))
        if problems:
            failed += 1
            print("\n".join(problems))
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
