#!/usr/bin/env python3
"""The performance benchmark: one command, separate from the tests.

    python3 scripts/bench.py                 build release binaries, measure everything (~10-15 min)
    python3 scripts/bench.py --runs 3        fewer runs (the largest workspace gets --runs-large)
    python3 scripts/bench.py --no-build      measure what is built
    python3 scripts/bench.py --download      only the download sizes of what is built (seconds)

It builds the release binaries (native and wasm, and the bare Dear ImGui page bench/hello), writes
sealed workspaces of 0, 1, 1,000 and 10,000 generated cases (build/native/seed_workspace), serves
the site with serve.py's handler and headers, and measures

  download   the site's files, raw, gzip -9 and brotli, beside the bare Dear ImGui page
  start      navigation -> first interactive frame in headless Chromium, per workspace size, beside
             the bare page's first frame in the same run (bench/web_bench.mjs says exactly what)
  dashboard  per-frame CPU while scrolling 10,000 cases; main-thread CPU of the idle page over 10 s
  save       one note on one case until the store's transaction completes, at 1 / 1,000 / 10,000
  crypto     Argon2id (64 MiB, 3 passes) and XChaCha20-Poly1305 on 1 MiB in the app's wasm in
             Chromium, beside native libsodium (build/native/crypto_bench)
  engine     load, plan and report of 10,000 cases natively and as wasm under Node (engine_bench)
  lighthouse Lighthouse's desktop and mobile settings over the app's first screen and the bare page:
             scores, total blocking time, byte weight, first contentful paint and failed audits
             (bench/lighthouse, installed from npm on first use; never part of the tests)

Every figure is the median of several runs with their min and max; every comparison is a ratio of
two medians measured in the same run. Prints one table and writes it as JSON to
bench/results/<YYYY-MM-DD>.json and bench/results/latest.json.
"""
import argparse
import datetime
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
import serve  # noqa: E402  (the real server's handler and headers)

NATIVE = os.path.join(ROOT, "build", "native")
WASM = os.path.join(ROOT, "build", "wasm")
SITE = os.path.join(WASM, "site")
HELLO = os.path.join(WASM, "hello")
WORK = os.path.join(ROOT, "build", "bench")
RESULTS = os.path.join(ROOT, "bench", "results")
SIZES = [0, 1, 1000, 10000]
PASSPHRASE = "benchmark passphrase for seeded workspaces"
ENV = {**os.environ, "NODE_PATH": "/usr/share/nodejs"}

# The project's goals (README, "Performance").
GOALS = {
    "start": "page interactive within 1.5x of the bare Dear ImGui hello page",
    "download": "download under 1.0 MB gzip, fonts included",
    "idle": "idle CPU under 1%",
    "save": "save latency flat with workspace size (10,000 cases within 1.5x of 1 case)",
    "dashboard": "dashboard under 4 ms CPU per frame (10,000 cases, scrolling)",
    "interactive": "interactive within 1 s of navigation",
    "open": "after the passphrase, the dashboard within 1.5 s at 1,000 cases and 4 s at 10,000",
    "engine": "engine: 10,000 cases loaded, verified and planned within 400 ms natively; wasm within 2x",
    "lighthouse": "Lighthouse: total blocking time under 200 ms on its mobile setting, performance 0.95 or more "
                  "on desktop where it scores",
}
LIGHTHOUSE = os.path.join(ROOT, "bench", "lighthouse")


def log(*a):
    print("[bench]", *a, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$", " ".join(cmd))
    return subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, **kw)


def stats(xs):
    xs = sorted(xs)
    return {"median": statistics.median(xs), "min": xs[0], "max": xs[-1], "n": len(xs)}


# ---- build ---------------------------------------------------------------------------------------

def build():
    run(["bash", "scripts/build.sh", "native"])
    run(["bash", "scripts/build.sh", "site"])
    run(["flock", os.path.join(ROOT, "build", ".wasm.lock"), "ninja", "-C", WASM, "engine_bench", "bench_hello_page"])


def seeds():
    os.makedirs(WORK, exist_ok=True)
    tool = os.path.join(NATIVE, "seed_workspace")
    out = {}
    for n in SIZES:
        path = os.path.join(WORK, f"seed-{n}.bin")
        stamp = path + ".passphrase"   # made with this passphrase by this build of the tool
        fresh = (os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == PASSPHRASE
                 and os.path.getmtime(path) >= os.path.getmtime(tool))
        if not fresh:
            run([tool, str(n), PASSPHRASE, path], stdout=subprocess.DEVNULL)
            with open(stamp, "w") as f:
                f.write(PASSPHRASE)
        out[n] = path
    return out


# ---- server: serve.py's handler and headers, plus the bench-only pages -----------------------------

class BenchHandler(serve.Handler):
    BLANK = b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>bench</title></head><body></body></html>"

    def translate_path(self, path):
        p = path.split("?", 1)[0].split("#", 1)[0]
        if p.startswith("/hello/"):
            rel = p[len("/hello/"):] or "index.html"
            return os.path.join(HELLO, os.path.normpath("/" + rel).lstrip("/"))
        if p.startswith("/__bench/seed-") and p.endswith(".bin"):
            return os.path.join(WORK, os.path.basename(p))
        return super().translate_path(path)

    def do_GET(self):
        if self.path.startswith("/__bench/blank.html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.BLANK)))
            self.end_headers()
            self.wfile.write(self.BLANK)
            return
        super().do_GET()

    def log_message(self, fmt, *args):
        pass


def start_server():
    httpd = serve.Server(("127.0.0.1", 0), BenchHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


# ---- the measurements ------------------------------------------------------------------------------

DOWNLOAD_BUDGET = 1.0e6   # bytes of gzip -9 for the whole site (issue 17)


def compressed_size(path, data, suffix, compress):
    """The size of the build's own copy (cmake/compress_site.py) when it is fresh, else compressed here."""
    copy = path + suffix
    if os.path.exists(copy) and os.path.getmtime(copy) >= os.path.getmtime(path):
        return os.path.getsize(copy)
    return len(compress(data))


def brotli(data):
    return subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout


def gzip9(data):
    return gzip.compress(data, 9, mtime=0)


def download_sizes():
    def folder(d, names=None):
        files = {}
        for f in sorted(os.listdir(d)):
            # The .gz and .br copies are other forms of the same download, not more of it.
            if (names and f not in names) or f.endswith((".gz", ".br")) or not os.path.isfile(os.path.join(d, f)):
                continue
            path = os.path.join(d, f)
            data = open(path, "rb").read()
            files[f] = {"raw": len(data), "gzip": compressed_size(path, data, ".gz", gzip9),
                        "brotli": compressed_size(path, data, ".br", brotli)}
        return {"files": files, **{k: sum(v[k] for v in files.values()) for k in ("raw", "gzip", "brotli")}}
    hello = {"index.html", "hello.css", "hello_shell.js", "hello.js", "hello.wasm"}
    bare = folder(HELLO, hello) if os.path.isdir(HELLO) else None
    return {"app": folder(SITE), "hello": bare if bare and bare["raw"] else None}   # None: not built


def download_rows(sizes, row):
    app, hello = sizes["app"], sizes["hello"]
    wasm = app["files"].get("caseplan.wasm")
    if wasm:
        row("download", "caseplan.wasm, gzip -9", {"median": wasm["gzip"] / 1e3}, "KB",
            f"raw {wasm['raw'] / 1e3:.0f} KB, brotli {wasm['brotli'] / 1e3:.0f} KB")
    row("download", "app: all files, gzip -9", {"median": app["gzip"] / 1e3}, "KB",
        f"raw {app['raw'] / 1e3:.0f} KB, brotli {app['brotli'] / 1e3:.0f} KB; budget {DOWNLOAD_BUDGET / 1e3:.0f} KB")
    if hello:
        row("download", "bare Dear ImGui page, gzip -9", {"median": hello["gzip"] / 1e3}, "KB",
            f"raw {hello['raw'] / 1e3:.0f} KB, brotli {hello['brotli'] / 1e3:.0f} KB")
        row("download", "app / bare page (gzip)", {"median": app["gzip"] / hello["gzip"]}, "x")


def download_verdict(sizes):
    gz = sizes["app"]["gzip"]
    return ("download", gz <= DOWNLOAD_BUDGET, f"{gz / 1e6:.2f} MB gzip, {sizes['app']['brotli'] / 1e6:.2f} MB brotli")


def web(url, seed_paths, args):
    cfg = {"url": url, "passphrase": PASSPHRASE, "workdir": os.path.join(WORK, "profiles"),
           "seeds": {str(n): f"/__bench/seed-{n}.bin" for n in seed_paths},
           "runs": args.runs, "runsLarge": args.runs_large, "saves": args.saves, "scrollSteps": 10,
           "cryptoBench": os.path.join(NATIVE, "crypto_bench")}
    os.makedirs(cfg["workdir"], exist_ok=True)
    cfg_path, out_path = os.path.join(WORK, "web_config.json"), os.path.join(WORK, "web_result.json")
    with open(cfg_path, "w") as f:
        json.dump(cfg, f)
    run(["node", "bench/web_bench.mjs", cfg_path, out_path])
    shutil.rmtree(cfg["workdir"], ignore_errors=True)
    return json.load(open(out_path))


def lighthouse(url):
    """Lighthouse over the app's first screen and the bare page (bench/lighthouse/run.mjs)."""
    if not os.path.isdir(os.path.join(LIGHTHOUSE, "node_modules", "lighthouse")):
        log("installing Lighthouse (bench/lighthouse, pinned by its package-lock.json)")
        run(["npm", "ci", "--no-audit", "--no-fund", "--silent", "--prefix", LIGHTHOUSE])
    out_path = os.path.join(WORK, "lighthouse.json")
    run(["node", os.path.join(LIGHTHOUSE, "run.mjs"), out_path, f"app={url}", f"bare page={url}hello/"])
    return json.load(open(out_path))


def lighthouse_rows(lh, row):
    for name, r in lh.items():
        s = r["scores"]
        perf = "not scored" + (f" ({r['runtimeError']})" if r["runtimeError"] else "") if s["performance"] is None \
            else f"performance {s['performance']:.2f}"
        failed = r["failedAccessibility"] + r["failedBestPractices"]
        row("lighthouse", f"{name}: total blocking time", {"median": r["totalBlockingTimeMs"]}, "ms",
            f"{perf}, accessibility {s['accessibility']:.2f}, best practices {s['best-practices']:.2f}")
        row("lighthouse", f"{name}: first contentful paint", {"median": r["firstContentfulPaintMs"]}, "ms",
            f"byte weight {r['byteWeight'] / 1e3:.0f} KB" + (f"; failed: {'; '.join(failed)}" if failed else ""))


def last_json_line(text):
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError("no JSON line in:\n" + text)


def engine(args):
    cases, runs = "10000", str(args.engine_runs)
    native = last_json_line(run([os.path.join(NATIVE, "engine_bench"), cases, runs], capture_output=True, text=True).stdout)
    wasm = last_json_line(run(["node", "--no-experimental-fetch", os.path.join(WASM, "engine_bench.js"), cases, runs],
                              capture_output=True, text=True).stdout)
    return {"native": native, "wasm": wasm}


# ---- the table ---------------------------------------------------------------------------------------

def summarise(sizes, w, eng, cn, lh):
    rows = []   # (section, figure, stats | value, unit, note)
    def row(section, figure, s, unit, note=""):
        rows.append({"section": section, "figure": figure, "unit": unit, "note": note, **s})

    download_rows(sizes, row)

    hello_ff = stats([r["firstFrameMs"] for r in w["hello"]])
    hello_cpu = stats([r["processCpuMs"] for r in w["hello"]])
    row("start", "bare page: navigation -> first frame", hello_ff, "ms")
    row("start", "bare page: renderer CPU to first frame", hello_cpu, "ms", "all the page's threads")
    out = {"hello_first_frame": hello_ff}
    for n in w["sizes"]:
        runs = w["app"][str(n)]
        if not runs:
            continue
        s = {k: stats([r[k] for r in runs]) for k in ("firstFrameMs", "lockedMs", "unlockMs", "kdfWorkerMs", "interactiveMs",
                                                       "processCpuMs")}
        out[n] = s
        if n == 0:
            row("start", "app: navigation -> first frame", s["firstFrameMs"], "ms", "loading screen gone")
        row("start", f"{n} cases: navigation -> unlock screen", s["lockedMs"], "ms", "every sealed record read")
        row("start", f"{n} cases: Enter -> dashboard drawn", s["unlockMs"], "ms", f"Argon2id {s['kdfWorkerMs']['median']:.0f} ms of it")
        again = [r["nextVisit"] for r in runs if "nextVisit" in r]
        if again:
            s["nextVisitUnlockMs"] = stats([r["unlockMs"] for r in again])
            row("start", f"{n} cases, next visit: Enter -> dashboard drawn", s["nextVisitUnlockMs"], "ms",
                "same browser again: compiled wasm and HTTP cache warm")
        row("start", f"{n} cases: interactive (sum)", s["interactiveMs"], "ms",
            f"{s['interactiveMs']['median'] / hello_ff['median']:.1f}x the bare page")
        row("start", f"{n} cases: renderer CPU to interactive", s["processCpuMs"], "ms",
            f"{s['processCpuMs']['median'] / hello_cpu['median']:.1f}x the bare page; Argon2id included")
        if n == 0:
            row("start", "0 cases: main thread blocked to unlock screen", stats([r["blockingMs"] for r in runs]), "ms",
                "tasks over 50 ms, each counted beyond 50 ms")
            again = [r["revisit"] for r in runs if "revisit" in r]
            if again:
                row("start", "revisit: navigation -> unlock screen", stats([r["lockedMs"] for r in again]), "ms",
                    "same browser again: its cache and compiled wasm warm")
                row("start", "revisit: main thread blocked to unlock screen", stats([r["blockingMs"] for r in again]),
                    "ms", "tasks over 50 ms, each counted beyond 50 ms")

    if w["scroll"]:
        cpu = stats([r["mainThreadCpuMsPerFrame"] for r in w["scroll"]])
        wall = stats([statistics.median(r["frameWallMs"]) for r in w["scroll"]])
        row("dashboard", f"{w['sizes'][-1]} cases scrolling: main-thread CPU per frame", cpu, "ms",
            f"{statistics.median(r['frames'] for r in w['scroll']):.0f} frames per run")
        row("dashboard", "  renderer process CPU per frame", stats([r["processCpuMsPerFrame"] for r in w["scroll"]]), "ms")
        if all(r.get("accessMs") for r in w["scroll"]):
            row("dashboard", "  of which the accessibility mirror (median frame)",
                stats([statistics.median(r["accessMs"]) for r in w["scroll"]]), "ms")
        row("dashboard", "  app frame, wall clock (median per run)", wall, "ms", "inflated by the machine's load")
        out["scroll"] = cpu
    if w["idle"]:
        out["idle"] = stats([r["cpuPercent"] for r in w["idle"]])
        row("dashboard", f"idle {w['sizes'][-1]}-case dashboard, 10 s: main-thread CPU", out["idle"], "%",
            f"{statistics.median(r['frames'] for r in w['idle']):.0f} frames drawn; renderer "
            f"{statistics.median(r['processCpuPercent'] for r in w['idle']):.2f}%")

    out["save"] = {}
    for n in w["sizes"]:
        runs = w["save"][str(n)]
        if not runs:
            continue
        wf = stats([x["ms"] for r in runs for x in r["withFrames"]])
        so = stats([x["ms"] for r in runs for x in r["storeOnly"]])
        out["save"][n] = wf
        row("save", f"{n} cases: note recorded -> write complete", wf, "ms", f"no redraw: {so['median']:.0f} ms")

    if w.get("crypto"):
        c = w["crypto"]
        aw, an = stats([r["ms"] for r in c["argon"]]), stats(cn["argon2id_ms"])
        row("crypto", "Argon2id 64 MiB x3: app's KDF worker (wasm)", aw, "ms")
        row("crypto", "Argon2id 64 MiB x3: native libsodium", an, "ms", f"wasm/native {aw['median'] / an['median']:.2f}x")
        mbs = lambda ms: 1.048576 / (ms / 1000)   # MB/s for a 1 MiB operation
        for what, wk, nk in (("seal", "seal1MiBMs", "seal_1mib_ms"), ("open", "open1MiBMs", "open_1mib_ms")):
            sw, sn = stats([mbs(x) for x in c[wk]]), stats([mbs(x) for x in cn[nk]])
            row("crypto", f"XChaCha20-Poly1305 {what} 1 MiB: app's wasm", sw, "MB/s")
            row("crypto", f"XChaCha20-Poly1305 {what} 1 MiB: native", sn, "MB/s", f"native/wasm {sn['median'] / sw['median']:.2f}x")
        out["argon_ratio"] = aw["median"] / an["median"]

    if eng:
        out["engine"] = {}
        for step in ("load", "plan", "report"):
            nat, was = eng["native"][f"{step}_ms"], eng["wasm"][f"{step}_ms"]
            row("engine", f"{step} 10,000 cases: native", nat, "ms", "SHA-256 " + eng["native"]["sha256"])
            row("engine", f"{step} 10,000 cases: wasm (Node)", was, "ms", f"wasm/native {was['median'] / nat['median']:.2f}x")
            out["engine"][step] = {"native": nat["median"], "wasm": was["median"]}
    if lh:
        lighthouse_rows(lh, row)
        out["lighthouse"] = lh
    return rows, out


def next_visit(k):
    return f" (next visit {k['nextVisitUnlockMs']['median']:.0f} ms)" if "nextVisitUnlockMs" in k else ""


def verdicts(sizes, key):
    v = [download_verdict(sizes)]
    hello = key["hello_first_frame"]["median"]
    ns = [n for n in SIZES if n in key]
    v.append(("start", all(key[n]["interactiveMs"]["median"] <= 1.5 * hello for n in ns),
              ", ".join(f"{n}: {key[n]['interactiveMs']['median'] / hello:.1f}x" for n in ns)))
    v.append(("interactive", all(key[n]["interactiveMs"]["median"] <= 1000 for n in ns),
              ", ".join(f"{n}: {key[n]['interactiveMs']['median']:.0f} ms" for n in ns)))
    opens = {1000: 1500, 10000: 4000}
    if any(n in key for n in opens):
        v.append(("open", all(key[n]["unlockMs"]["median"] <= ms for n, ms in opens.items() if n in key),
                  ", ".join(f"{n}: {key[n]['unlockMs']['median']:.0f} ms" + next_visit(key[n]) for n in opens if n in key)))
    if "idle" in key:
        v.append(("idle", key["idle"]["median"] < 1.0, f"{key['idle']['median']:.2f}%"))
    if key["save"]:
        lo, hi = key["save"][min(key["save"])]["median"], key["save"][max(key["save"])]["median"]
        v.append(("save", hi <= 1.5 * lo, ", ".join(f"{n}: {s['median']:.0f} ms" for n, s in key["save"].items())))
    if "scroll" in key:
        v.append(("dashboard", key["scroll"]["median"] <= 4.0, f"{key['scroll']['median']:.1f} ms"))
    if "engine" in key:
        e = key["engine"]
        native = e["load"]["native"] + e["plan"]["native"]
        wasm = e["load"]["wasm"] + e["plan"]["wasm"]
        ok = native <= 400 and wasm <= 2 * native
        v.append(("engine", ok, f"load and plan {native:.0f} ms natively, wasm {wasm / native:.1f}x; "
                  + ", ".join(f"{s} {e[s]['native']:.0f} ms ({e[s]['wasm'] / e[s]['native']:.1f}x)" for s in e)))
    if "lighthouse" in key:
        mobile, desktop = key["lighthouse"]["app mobile"], key["lighthouse"]["app desktop"]
        tbt, perf = mobile["totalBlockingTimeMs"], desktop["scores"]["performance"]
        ok = tbt is not None and tbt <= 200 and (perf is None or perf >= 0.95)
        v.append(("lighthouse", ok, "mobile total blocking time " + ("none" if tbt is None else f"{tbt:.0f} ms")
                  + ", desktop performance " + ("not scored" if perf is None else f"{perf:.2f}")))
    return [{"goal": GOALS[g], "met": ok, "measured": m} for g, ok, m in v]


def table(rows, goals):
    lines = [f"{'figure':<58} {'median':>10} {'min':>10} {'max':>10}  unit  note"]
    section = None
    f = lambda x: "" if x is None else (f"{x:.2f}" if abs(x) < 10 else f"{x:.0f}")
    for r in rows:
        if r["section"] != section:
            section = r["section"]
            lines.append(f"-- {section}")
        lines.append(f"{r['figure']:<58} {f(r['median']):>10} {f(r.get('min')):>10} {f(r.get('max')):>10}  {r['unit']:<4}  {r['note']}")
    lines.append("-- goals")
    for g in goals:
        lines.append(f"{'MET    ' if g['met'] else 'NOT MET'} {g['goal']}: {g['measured']}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    ap.add_argument("--runs-large", type=int, default=2, help="runs with the largest workspace (default 3)")
    ap.add_argument("--engine-runs", type=int, default=3, help="engine_bench runs (default 3)")
    ap.add_argument("--saves", type=int, default=3, help="saves per run and workspace (default 5)")
    ap.add_argument("--no-build", action="store_true", help="measure what is built")
    ap.add_argument("--no-engine", action="store_true", help="leave out the engine figures")
    ap.add_argument("--no-lighthouse", action="store_true", help="leave out Lighthouse")
    ap.add_argument("--download", action="store_true",
                    help="only the download sizes of what is built: no build, no browser, nothing written")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="workspace sizes (default 0,1,1000,10000)")
    args = ap.parse_args()
    SIZES[:] = sorted(int(x) for x in args.sizes.split(","))
    if args.download:
        rows, sizes = [], download_sizes()
        download_rows(sizes, lambda section, figure, s, unit, note="": rows.append(
            {"section": section, "figure": figure, "unit": unit, "note": note, **s}))
        ok, measured = download_verdict(sizes)[1:]
        print(table(rows, [{"goal": GOALS["download"], "met": ok, "measured": measured}]))
        sys.exit(0 if ok else 1)
    t0 = time.time()
    load_before = os.getloadavg()
    if not args.no_build:
        build()
    seed_paths = seeds()
    httpd, url = start_server()
    try:
        w = web(url, seed_paths, args)
        lh = None if args.no_lighthouse else lighthouse(url)
    finally:
        httpd.shutdown()
    cn = w["crypto"]["native"] if w.get("crypto") else None
    eng = None if args.no_engine else engine(args)
    sizes = download_sizes()
    rows, key = summarise(sizes, w, eng, cn, lh)
    goals = verdicts(sizes, key)
    now = datetime.datetime.now()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    result = {
        "date": now.strftime("%Y-%m-%d %H:%M"), "commit": commit, "seconds": round(time.time() - t0),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "loadavg_before": [round(x, 1) for x in load_before],
                    "loadavg_after": [round(x, 1) for x in os.getloadavg()]},
        "runs": {"runs": args.runs, "runs_large": args.runs_large, "engine": args.engine_runs, "saves": args.saves},
        "table": rows, "goals": goals,
        "raw": {"sizes": sizes, "web": {k: v for k, v in w.items() if k != "scroll"},
                "scroll": [{k: v for k, v in r.items() if k != "frameWallMs"} for r in w["scroll"]],
                "engine": eng, "lighthouse": lh},
    }
    os.makedirs(RESULTS, exist_ok=True)
    for name in (now.strftime("%Y-%m-%d") + ".json", "latest.json"):
        with open(os.path.join(RESULTS, name), "w") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
    print(table(rows, goals))
    print(f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} CPUs); "
          f"{result['seconds']} s; written to bench/results/{now.strftime('%Y-%m-%d')}.json and latest.json")


if __name__ == "__main__":
    main()
