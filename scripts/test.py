#!/usr/bin/env python3
"""Runs every test: builds first (installing what is missing), then

  1. the engine, crypto and storage suites natively (doctest) and the caseplan CLI's tests, all
     under AddressSanitizer and UndefinedBehaviorSanitizer with libstdc++ assertions (build/asan;
     any report fails the suite), and the packs' citations against their source documents,
  2. the same suites compiled to WebAssembly, under Node,
  3. the export-format interoperability tests against python3-nacl,
  4. the site: every character of our text kept by the subset fonts, and serve.py's precompressed
     files (tests/site),
  5. the browser tests: the real page in Debian's Chromium through Playwright,
  6. the layout check: clang-format and the 120-column limit on our C++ (scripts/check_format.py),
  7. a fixed-time fuzz run: every libFuzzer target in fuzz/ for 40 s (scripts/fuzz.sh,
     docs/fuzzing.md); one pass per target that ran without a crash, one failure per crash.

Prints one summary line, "N passed, M failed", and exits non-zero on any failure.
A suite that crashes or prints no result counts as one failure.

    python3 scripts/test.py            everything
    python3 scripts/test.py --no-build run what is built
    python3 scripts/test.py --only browser   one layer: native, wasm, interop, site, browser, format, fuzz
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE = os.path.join(ROOT, "build", "native")
WASM = os.path.join(ROOT, "build", "wasm")
ASAN = os.path.join(ROOT, "build", "asan")
# Leaks, use after return and string overreads are reported too; the first report ends the run.
SANITIZER_ENV = {
    "ASAN_OPTIONS": "detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:abort_on_error=0",
    "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
}
DEBIAN_PYTHON = "/usr/bin/python3"   # python3-nacl is installed for Debian's interpreter
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def doctest_counts(out):
    m = re.search(r"test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed", out)
    return (int(m.group(2)), int(m.group(3))) if m else None


def unittest_counts(out):
    ran = re.search(r"^Ran (\d+) tests?", out, re.M)
    if not ran:
        return None
    bad = re.search(r"FAILED \(([^)]*)\)", out)
    failed = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", bad.group(1))) if bad else 0
    skipped = sum(int(n) for n in re.findall(r"skipped=(\d+)", out))   # a skipped test did not pass
    return int(ran.group(1)) - failed - skipped, failed


def node_test_counts(out):
    p = re.search(r"^# pass (\d+)", out, re.M)
    f = re.search(r"^# fail (\d+)", out, re.M)
    c = re.search(r"^# cancelled (\d+)", out, re.M)
    if not p or not f:
        return None
    return int(p.group(1)), int(f.group(1)) + (int(c.group(1)) if c else 0)


# Rough minutes per browser file on this machine, to start the longest first (unknown files: 1).
BROWSER_MINUTES = {"walkthrough.test.mjs": 4, "deputy.test.mjs": 3, "walkthrough_norfolk_worcs.test.mjs": 3,
                   "keyboard_walk.test.mjs": 2, "app.test.mjs": 2, "faults.test.mjs": 1.5, "reflow.test.mjs": 1,
                   "keyboard.test.mjs": 1, "smoke.test.mjs": 1, "mirror_walk.test.mjs": 1}

LAYERS = ["native", "wasm", "interop", "site", "browser", "format", "fuzz"]
FUZZ_SECONDS = 40   # per target; five targets keep the layer under four minutes


def fuzz_counts(out):
    """scripts/fuzz.sh prints "FUZZ-RESULT <target> ok|crash ..." once per target it ran."""
    results = re.findall(r"^FUZZ-RESULT (\S+) (ok|crash)\b", out, re.M)
    if not results:
        return None
    crashes = sum(1 for _, status in results if status == "crash")
    return len(results) - crashes, crashes


def failure_details(out, limit=14):
    """The lines that say why a test failed, kept for the summary at the end (CI shows the tail)."""
    lines = out.splitlines()
    picked = []
    for i, line in enumerate(lines):
        if line.startswith("not ok"):
            block = [line]
            for more in lines[i + 1:i + 60]:
                if more.strip() == "..." or more.startswith("ok ") or more.startswith("not ok"):
                    break
                if re.match(r"\s+(location|error|failureType):", more) or (block[-1].strip().startswith("error:")
                                                                         and more.startswith("    ")):
                    block.append(more)
            picked.extend(block[:limit])
        elif re.search(r"\bERROR:|FUZZ-RESULT \S+ crash|^FAIL:|^ERROR: |AddressSanitizer|runtime error:", line):
            picked.extend(lines[max(0, i - 1):i + 3])
    return [p[:400] for p in picked[:80]]


def plain_counts(out):
    m = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
    return (int(m.group(1)), int(m.group(2))) if m else None


def suites(layers):
    node = ["node", "--no-experimental-fetch"]
    out = []
    if "native" in layers:
        # The native suites run once, under the sanitizers: the same tests as an optimised build, and
        # a memory or undefined-behaviour error fails them.
        # app_tests: the themes' contrast (WCAG 2.2) from the real palette and Dear ImGui (native only).
        for name in ("engine_tests", "crypto_tests", "storage_tests", "app_tests"):
            exe = os.path.join(ASAN, name)
            if os.path.exists(exe):
                out.append((f"native {name} (ASan, UBSan)", [exe], doctest_counts, SANITIZER_ENV))
        cli_tests = os.path.join(ROOT, "tests", "cli", "test_cli.py")
        if os.path.exists(os.path.join(ASAN, "caseplan")):
            out.append(("native caseplan CLI (ASan, UBSan)", [DEBIAN_PYTHON, cli_tests, os.path.join(ASAN, "caseplan")],
                        unittest_counts, SANITIZER_ENV))
        # Every citation's paragraph exists in its source document (the seeds beside the clone).
        citations = os.path.join(ROOT, "tests", "packs", "test_citations.py")
        if os.path.exists(citations):
            out.append(("packs: citations against the sources", [DEBIAN_PYTHON, citations], unittest_counts))
    if "wasm" in layers:
        for name in ("engine_tests", "crypto_tests", "storage_tests"):
            js = os.path.join(WASM, name + ".js")
            if os.path.exists(js):
                out.append((f"wasm {name} (Node)", node + [js], doctest_counts))
    if "interop" in layers:
        tool = os.path.join(NATIVE, "cpcrypt")
        for script in sorted(glob.glob(os.path.join(ROOT, "tests", "interop", "test_*.py"))):
            out.append((f"interop {os.path.basename(script)}", [DEBIAN_PYTHON, script, tool], unittest_counts))
    if "site" in layers:
        # The deployable site: its fonts keep every character our text uses; serve.py's encodings.
        for script in sorted(glob.glob(os.path.join(ROOT, "tests", "site", "test_*.py"))):
            out.append((f"site {os.path.basename(script)}", [DEBIAN_PYTHON, script, WASM], unittest_counts))
    if "browser" in layers:
        # One Node process per file, so two files can run at once; the longest first.
        files = sorted(glob.glob(os.path.join(ROOT, "tests", "browser", "*.test.mjs")),
                       key=lambda f: (-BROWSER_MINUTES.get(os.path.basename(f), 1), f))
        for f in files:
            out.append((f"browser {os.path.basename(f)}", ["node", "--test", "--test-reporter=tap", f],
                        node_test_counts))
    if "format" in layers:
        out.append(("format (clang-format, 120 columns)",
                    [sys.executable, os.path.join(ROOT, "scripts", "check_format.py")], plain_counts))
    if "fuzz" in layers:
        out.append((f"fuzz (libFuzzer, {FUZZ_SECONDS} s per target)",
                    ["bash", os.path.join(ROOT, "scripts", "fuzz.sh"), str(FUZZ_SECONDS)], fuzz_counts))
    return out


def run(name, cmd, parse, env=None):
    """Runs one suite, its output kept and printed as one block when it ends (two run at once)."""
    start = time.monotonic()
    shown = " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd)
    with PRINT_LOCK:
        print(f"=== {name}: started ({shown})", flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          errors="replace", env={**os.environ, "NODE_PATH": "/usr/share/nodejs", **(env or {})})
    out = ANSI.sub("", proc.stdout)
    counts = parse(out)
    seconds = time.monotonic() - start
    with PRINT_LOCK:
        print(f"\n=== {name}: {shown}", flush=True)
        sys.stdout.write(proc.stdout)
        if counts is None:
            print(f"--- {name}: no result found (exit {proc.returncode}); counted as 1 failure", flush=True)
            return 0, 1, seconds, out.splitlines()[-10:]
        passed, failed = counts
        if proc.returncode != 0 and failed == 0:
            failed = 1   # crashed after reporting, or failed outside a test case
        print(f"--- {name}: {passed} passed, {failed} failed in {seconds:.1f} s", flush=True)
    return passed, failed, seconds, (failure_details(out) or out.splitlines()[-10:]) if failed else []


PRINT_LOCK = threading.Lock()


def worker(first, second, results):
    """Takes suites from its own queue first, then helps with the other one."""
    for queue in (first, second):
        while True:
            with QUEUE_LOCK:
                if not queue:
                    break
                entry = queue.pop(0)
            name, cmd, parse = entry[:3]
            env = entry[3] if len(entry) > 3 else None
            results.append((name,) + run(name, cmd, parse, env))


QUEUE_LOCK = threading.Lock()


def build():
    # build.sh test: the wasm suites and site, the sanitizer folder (suites, CLI and fuzz targets)
    # and the native export tool.
    start = time.monotonic()
    if subprocess.run(["bash", os.path.join(ROOT, "scripts", "build.sh"), "test"]).returncode != 0:
        print("\nThe build failed (see above), so no test ran.\n0 passed, 1 failed")
        sys.exit(1)
    print(f"=== build: {time.monotonic() - start:.1f} s", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--only", choices=LAYERS, action="append")
    ap.add_argument("--serial", action="store_true", help="one suite at a time")
    args = ap.parse_args()
    layers = args.only or LAYERS
    began = time.monotonic()
    if not args.no_build:
        build()
    tested = time.monotonic()
    # Two workers, one per core: one starts on the browser files (Chromium draws with the CPU), the
    # other on everything else (the fuzz run last), and each helps the other when its queue is empty.
    entries = suites(layers)
    browser = [e for e in entries if e[0].startswith("browser")]
    other = [e for e in entries if not e[0].startswith("browser")]
    results_b, results_o = [], []
    if args.serial:
        worker(other, browser, results_o)
    else:
        lane = threading.Thread(target=worker, args=(browser, other, results_b))
        lane.start()
        worker(other, browser, results_o)
        lane.join()
    results = results_o + results_b
    total_pass = sum(r[1] for r in results)
    total_fail = sum(r[2] for r in results)
    print("\n=== Summary")
    for name, p, f, s, _ in results:
        print(f"  {name:<44} {p:>5} passed {f:>3} failed  {s:6.1f} s")
    failures = [(name, why) for name, _, f, _, why in results if f]
    if failures:
        print("\n=== Why they failed")
        for name, why in failures:
            print(f"  {name}:")
            for line in why:
                print(f"    {line}")
    print(f"  build {tested - began:.0f} s, tests {time.monotonic() - tested:.0f} s (two workers), "
          f"total {time.monotonic() - began:.0f} s")
    print(f"{total_pass} passed, {total_fail} failed")
    sys.exit(1 if total_fail or not results else 0)


if __name__ == "__main__":
    main()
