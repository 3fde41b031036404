// web_bench.mjs: the browser half of scripts/bench.py (run it through that script, which builds,
// seeds the workspaces, serves the pages and prints the table). Headless Chromium, driven by
// playwright-core with the browser tests' flags (tests/browser/harness.mjs). A benchmark, not a
// test: it asserts only that it measured what it says.
//
//   node bench/web_bench.mjs CONFIG.json OUT.json
//   CONFIG: { url, passphrase, seeds: { "<cases>": "<path on the server>" }, workdir,
//             runs, runsLarge, saves, scrollSteps, cryptoBench, only?: [...parts] }
//
// What is measured, per run, in a fresh browser and a fresh copy of a seeded profile:
//   hello        navigation -> first frame of the bare Dear ImGui page (bench/hello)
//   app, N cases navigation -> the unlock screen drawn (every sealed record loaded from IndexedDB);
//                Enter pressed on the passphrase -> the first frame drawn after the workspace
//                opened (Argon2id in the worker, records read again, decrypted, verified, and
//                the dashboard with every case planned). "Interactive" is the sum of the two:
//                the time a person waits, leaving out the time they take to type.
//                Then the same again in the same browser (nextVisit), as a school's next visit:
//                the HTTP cache and the wasm code the browser compiled and kept are warm.
//   save         one note recorded on one case -> the store's write transaction completes
//                (durability 'strict'), at several workspace sizes
//   scroll       per-frame CPU while the dashboard of the largest workspace scrolls
//   idle         main-thread CPU of the open dashboard over 10 s without input
//   crypto       Argon2id in the app's KDF worker; XChaCha20-Poly1305 in the app's wasm
// The page is instrumented from outside (an init script wraps window.cpStore, window.cpKdf and
// window.cpStats before the page's scripts create them); the app's only hooks are the ?bench=1
// calls of src/platform/web/bench_web.cpp.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/browser/harness.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const outFile = process.argv[3];
const { url, passphrase, workdir } = config;
const sizes = Object.keys(config.seeds).map(Number).sort((a, b) => a - b);
const largest = sizes[sizes.length - 1];
const wants = (part) => !config.only || config.only.includes(part);
const log = (...a) => console.error('[web_bench]', ...a);

// ---- instrumentation, installed before any page script runs ----------------------------------
function instrument() {
  const B = (window.__bench = { frames: [], loads: [], writes: [], kdf: [], enter: [], long: [] });
  // Tasks over 50 ms (the browser's long tasks), as Lighthouse's total blocking time counts them.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const stats = { frames: 0, cpuMs: 0 };
  // main_web.cpp's cp_js_frame_stats sets .last at the end of every frame with its CPU time.
  Object.defineProperty(stats, 'last', {
    get() { return last; },
    // [when, CPU ms, the session's phase after the frame (4 = open; -1 on the bare page),
    //  ms of it spent on the accessibility mirror's description]
    set(v) {
      last = v;
      const M = window.Module, phase = M && M._cp_bench_phase ? M._cp_bench_phase() : -1;
      B.frames.push([performance.now(), v, phase, stats.lastAccess || 0]);
    },
  });
  window.cpStats = stats;
  const timed = (list, fn, extra) => function () {
    const e = { start: performance.now() };
    if (extra) Object.assign(e, extra(arguments));
    list.push(e);
    return fn.apply(this, arguments).then((r) => { e.end = performance.now(); e.result = r && (r.count ?? r.ms); return r; },
      (err) => { e.end = performance.now(); e.error = String((err && err.message) || err); throw err; });
  };
  let store;
  Object.defineProperty(window, 'cpStore', {
    configurable: true,
    get() { return store; },
    set(s) {
      s.loadAll = timed(B.loads, s.loadAll);
      s.write = timed(B.writes, s.write, (a) => ({ puts: a[0].length, bytes: a[0].reduce((n, p) => n + p.value.length, 0) }));
      store = s;
    },
  });
  let kdf;
  Object.defineProperty(window, 'cpKdf', {
    configurable: true,
    get() { return kdf; },
    set(k) { k.derive = timed(B.kdf, k.derive); kdf = k; },
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') B.enter.push(performance.now()); }, true);
}

async function withBrowser(profileSeed, fn) {
  let profileDir = null;
  if (profileSeed) {
    profileDir = path.join(workdir, `run-${process.pid}`);
    rmSync(profileDir, { recursive: true, force: true });
    cpSync(profileSeed, profileDir, { recursive: true });
  }
  const b = await launch(profileDir ? { profileDir } : { own: true });   // a cold start: a browser of its own
  try {
    await b.context.addInitScript(instrument);
    const page = b.context.pages()[0] || await b.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return await fn(page, b.context, errors);
  } finally {
    await b.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

// ---- seeding: sealed records (bench/seed) into a profile's IndexedDB, once per size -----------
async function seed(n) {
  const dir = path.join(workdir, `profile-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const b = await launch({ profileDir: dir });
  try {
    const page = b.context.pages()[0] || await b.context.newPage();
    await page.goto(url + '__bench/blank.html');
    const r = await page.evaluate(async (src) => {
      const buf = new Uint8Array(await (await fetch(src)).arrayBuffer());
      if (new TextDecoder().decode(buf.subarray(0, 8)) !== 'CPSEED1\n') throw new Error('not a seed file');
      const dv = new DataView(buf.buffer);
      let at = 8;
      const count = dv.getUint32(at, true); at += 4;
      const records = [];
      for (let i = 0; i < count; i++) {
        const kl = dv.getUint32(at, true); at += 4;
        const key = new TextDecoder().decode(buf.subarray(at, at + kl)); at += kl;
        const vl = dv.getUint32(at, true); at += 4;
        records.push({ key, value: buf.slice(at, at + vl) }); at += vl;
      }
      // The schema of web/store.js, version 1: one object store 'records', { v: Uint8Array }.
      const db = await new Promise((res, rej) => {
        const req = indexedDB.open('caseplan', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('records');
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      for (let i = 0; i < records.length; i += 500) {
        await new Promise((res, rej) => {
          const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
          const st = tx.objectStore('records');
          for (const rec of records.slice(i, i + 500)) st.put({ v: rec.value }, rec.key);
          tx.oncomplete = res;
          tx.onabort = () => rej(tx.error);
        });
      }
      db.close();
      return { records: records.length, bytes: buf.length };
    }, config.seeds[n]);
    log(`seeded ${n} cases: ${r.records} records, ${(r.bytes / 1e6).toFixed(1)} MB`);
  } finally { await b.close(); }
  return dir;
}

// ---- one app run: navigation -> unlock screen -> Enter -> dashboard ---------------------------
// Waits for a condition in the page; on a timeout, says what the page had done so far.
async function waitFor(page, fn, arg, timeout = 180000) {
  try {
    return await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (e) {
    const seen = await page.evaluate(() => {
      const B = window.__bench || {};
      return JSON.stringify({ shell: window.cpShell, frames: (B.frames || []).length, loads: B.loads, kdf: B.kdf,
                              writes: (B.writes || []).length, enter: B.enter });
    }).catch(() => '(page gone)');
    throw new Error(`${e.message}\n  the page so far: ${seen}`);
  }
}

async function openWorkspace(page, n) {
  await page.goto(url + '?bench=1');
  await waitFor(page, () => {
    const B = window.__bench, l = B.loads[0];
    if (window.cpShell && window.cpShell.error) throw new Error('app error: ' + window.cpShell.error);
    return l && l.end && B.frames.some((f) => f[0] > l.end);
  });
  await page.waitForTimeout(150);   // the passphrase field takes the keyboard on its first frame
  await page.keyboard.type(passphrase);
  // Enter once the field shows the whole passphrase, as a person presses it: keys typed by the
  // benchmark arrive faster than any person types, and Dear ImGui takes a burst of typing a few
  // keys a frame, so the page draws until it has taken them all (then it draws no frame for a
  // while). Timing from an Enter pressed behind the typing would count the typing.
  await waitFor(page, () => {
    const f = window.__bench.frames;
    return f.length && performance.now() - f[f.length - 1][0] > 150;
  });
  await page.keyboard.press('Enter');
  await waitFor(page, () => {
    const B = window.__bench, k = B.kdf[0];
    if (k && k.error) throw new Error('derivation failed: ' + k.error);
    return k && k.end && B.frames.some((f) => f[0] > k.end && f[2] === 4 /* Phase::open */);
  });
  // After the key: the meta records, then the case records (decrypted while they arrive).
  const t = await page.evaluate(() => {
    const B = window.__bench, l0 = B.loads[0], l1 = B.loads[B.loads.length - 1], k = B.kdf[0];
    const locked = B.frames.find((f) => f[0] > l0.end);
    const open = B.frames.find((f) => f[0] > k.end && f[2] === 4 /* Phase::open */);   // the first frame of the dashboard
    const enter = B.enter[B.enter.length - 1];
    return {
      firstFrameMs: window.cpShell.firstFrameMs, storeLoadedMs: l0.end, lockedMs: locked[0],
      enterMs: enter, kdfStartMs: k.start, kdfWorkerMs: k.result, kdfEndMs: k.end,
      reloadEndMs: l1.end, openFrameMs: open[0], openFrameCpuMs: open[1],
      blockingMs: B.long.filter(([at]) => at < locked[0]).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
    };
  });
  const m = await (await cpuMetrics(page.context(), page))();
  t.processCpuMs = 1000 * m.ProcessTime;   // the renderer's CPU since it started: all the page's threads
  const count = await page.evaluate(() => window.Module.ccall('cp_bench_case_count', 'number', [], []));
  if (count !== n) throw new Error(`the dashboard lists ${count} cases, expected ${n}`);
  t.unlockMs = t.openFrameMs - t.enterMs;
  t.interactiveMs = t.lockedMs + t.unlockMs;
  return t;
}

async function saves(page, reps) {
  await settle(page);   // let the frames after opening (or scrolling) be drawn
  return page.evaluate(async ({ reps }) => {
    const B = window.__bench;
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const one = async (redraw) => {
      const w0 = B.writes.length;
      const t0 = performance.now();
      const ok = window.Module.ccall('cp_bench_record_note', 'number', ['string', 'number'], ['B-0', redraw]);
      if (ok !== 1) throw new Error('the note was refused: ' + ok);
      while (!(B.writes[w0] && B.writes[w0].end)) await sleep(2);
      const w = B.writes[w0];
      if (w.error) throw new Error('the write failed: ' + w.error);
      // wait until the frames the command set off are drawn (none for 800 ms), up to 2 minutes
      const until = performance.now() + 120000;
      while (performance.now() < until) {
        const last = B.frames.length ? B.frames[B.frames.length - 1][0] : 0;
        if (performance.now() - last > 800) break;
        await sleep(100);
      }
      return { ms: w.end - t0, puts: w.puts, bytes: w.bytes };
    };
    await one(1);   // warm-up
    const withFrames = [], storeOnly = [];
    for (let i = 0; i < reps; i++) { withFrames.push(await one(1)); storeOnly.push(await one(0)); }
    return { withFrames, storeOnly };
  }, { reps });
}

async function cpuMetrics(context, page) {
  const cdp = await context.newCDPSession(page);
  // threadTicks: task durations in CPU time of the thread, not wall time, so a busy machine does
  // not inflate them. ThreadTime is the page's main thread, ProcessTime its whole renderer.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

// Waits until the page has drawn no frame for 1.5 s (at most 2 minutes); returns how long that took.
async function settle(page) {
  return page.evaluate(async () => {
    const B = window.__bench, t0 = performance.now();
    while (performance.now() - t0 < 120000) {
      const last = B.frames.length ? B.frames[B.frames.length - 1][0] : 0;
      if (performance.now() - last > 1500) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return performance.now() - t0;
  });
}

async function scrollAndIdle(page, context) {
  const metrics = await cpuMetrics(context, page);
  await page.mouse.move(640, 600);
  await settle(page);
  const f0 = await page.evaluate(() => window.__bench.frames.length);
  const m0 = await metrics();
  const steps = config.scrollSteps;
  for (let i = 0; i < steps; i++) {
    const before = await page.evaluate(() => window.__bench.frames.length);
    await page.mouse.wheel(0, 120);
    await waitFor(page, (b) => window.__bench.frames.length > b, before, 60000);
  }
  // the frames that follow the last notch (three after input, one late wake) belong to it
  await page.waitForTimeout(900);
  const m1 = await metrics();
  const frames = await page.evaluate((f0) => window.__bench.frames.slice(f0).map((f) => f[1]), f0);
  const access = await page.evaluate((f0) => window.__bench.frames.slice(f0).map((f) => f[3]), f0);
  const scroll = {
    steps, frames: frames.length, frameWallMs: frames, accessMs: access,
    mainThreadCpuMsPerFrame: (1000 * (m1.ThreadTime - m0.ThreadTime)) / frames.length,
    processCpuMsPerFrame: (1000 * (m1.ProcessTime - m0.ProcessTime)) / frames.length,
  };
  await page.mouse.move(1270, 790);   // off the table, then leave it alone
  const settleMs = await settle(page);
  const i0 = await metrics();
  const fi0 = await page.evaluate(() => window.__bench.frames.length);
  await page.waitForTimeout(10000);
  const i1 = await metrics();
  const idleFrames = await page.evaluate((fi0) => window.__bench.frames.slice(fi0).map((f) => Math.round(f[0])), fi0);
  const wall = i1.Timestamp - i0.Timestamp;
  const idle = {
    seconds: wall, settleMs, frames: idleFrames.length, frameTimes: idleFrames,
    cpuPercent: (100 * (i1.ThreadTime - i0.ThreadTime)) / wall,
    processCpuPercent: (100 * (i1.ProcessTime - i0.ProcessTime)) / wall,
  };
  return { scroll, idle };
}

async function helloRun() {
  return withBrowser(null, async (page) => {
    await page.goto(url + 'hello/');
    await waitFor(page, () => window.cpShell && window.cpShell.firstFrameMs !== null, null, 60000);
    const m = await (await cpuMetrics(page.context(), page))();
    const t = await page.evaluate(() => ({ firstFrameMs: window.cpShell.firstFrameMs }));
    return { ...t, processCpuMs: 1000 * m.ProcessTime };
  });
}

// The unlock screen again in the same browser, as on a school's next visit: its HTTP cache and the
// wasm code the browser kept (streaming compilation) are warm.
async function revisit(page) {
  await page.goto(url + '?bench=1');
  await waitFor(page, () => {
    const B = window.__bench, l = B.loads[0];
    return l && l.end && B.frames.some((f) => f[0] > l.end);
  });
  return page.evaluate(() => {
    const B = window.__bench, locked = B.frames.find((f) => f[0] > B.loads[0].end)[0];
    const blockingMs = B.long.filter(([at]) => at < locked).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    return { lockedMs: locked, blockingMs };
  });
}

// Each browser run is followed at once by a native run (build/native/crypto_bench), so a change
// in the machine's load touches both sides alike.
function nativeCrypto() {
  return JSON.parse(execFileSync(config.cryptoBench, ['1', '20'], { encoding: 'utf8' }).trim().split('\n').pop());
}

async function cryptoRun(runs) {
  return withBrowser(null, async (page) => {
    await page.goto(url + '?bench=1');
    await waitFor(page, () => window.cpShell && window.cpShell.firstFrameMs !== null && window.cpKdf, null, 60000);
    const firstDerivationMs = await page.evaluate(async () => {
      await window.cpKdf.prepare();
      const r = await window.cpKdf.derive('benchmark passphrase', new Uint8Array(16), 3, 64 * 1024 * 1024);
      r.key.fill(0);
      return r.ms;   // the worker's memory grows to 64 MiB on the first call
    });
    const out = { firstDerivationMs, argon: [], seal1MiBMs: [], open1MiBMs: [], native: { argon2id_ms: [], seal_1mib_ms: [], open_1mib_ms: [] } };
    for (let i = 0; i < runs; i++) {
      const w = await page.evaluate(async () => {
        const t0 = performance.now();
        const r = await window.cpKdf.derive('benchmark passphrase', new Uint8Array(16), 3, 64 * 1024 * 1024);
        r.key.fill(0);
        const argon = { ms: r.ms, roundTripMs: performance.now() - t0 };
        const aead = (open, reps) => window.Module.ccall('cp_bench_aead', 'number', ['number', 'number', 'number'], [1 << 20, reps, open]);
        aead(0, 2); aead(1, 2);
        return { argon, seal: aead(0, 20) / 20, open: aead(1, 20) / 20 };
      });
      if (!(w.seal > 0 && w.open > 0)) throw new Error('cp_bench_aead refused: is ?bench=1 on?');
      out.argon.push(w.argon); out.seal1MiBMs.push(w.seal); out.open1MiBMs.push(w.open);
      const n = nativeCrypto();
      for (const k of Object.keys(out.native)) out.native[k].push(...n[k]);
    }
    return out;
  });
}

// ---- the plan of the run ----------------------------------------------------------------------
const result = { sizes, runs: config.runs, runsLarge: config.runsLarge, hello: [], app: {}, save: {}, scroll: [], idle: [], crypto: null };
const profiles = {};
const started = Date.now();
for (const n of sizes) profiles[n] = await seed(n);
for (const n of sizes) { result.app[n] = []; result.save[n] = []; }

const rounds = Math.max(config.runs, config.runsLarge);
for (let r = 0; r < rounds; r++) {
  // Interleaved, so that a change in the machine's load touches every figure alike.
  if (r < config.runs && wants('start')) {
    result.hello.push(await helloRun());
    log(`run ${r + 1}, bare page: first frame ${result.hello[result.hello.length - 1].firstFrameMs.toFixed(0)} ms`);
  }
  for (const n of sizes) {
    if (r >= (n === largest ? config.runsLarge : config.runs)) continue;
    await withBrowser(profiles[n], async (page, context, errors) => {
      const t = await openWorkspace(page, n);
      result.app[n].push(t);
      log(`run ${r + 1}, ${n} cases: interactive ${t.interactiveMs.toFixed(0)} ms (locked ${t.lockedMs.toFixed(0)}, unlock ${t.unlockMs.toFixed(0)})`);
      if (n === 0) {
        t.revisit = await revisit(page);
        log(`  revisit: unlock screen ${t.revisit.lockedMs.toFixed(0)} ms, blocked ${t.revisit.blockingMs.toFixed(0)} ms`);
      }
      if (n === largest && wants('scroll')) {
        const si = await scrollAndIdle(page, context);
        result.scroll.push(si.scroll);
        result.idle.push(si.idle);
        log(`  scroll: ${si.scroll.frames} frames; idle ${si.idle.cpuPercent.toFixed(2)}% CPU`);
      }
      if (n > 0 && wants('save')) {
        const s = await saves(page, config.saves);
        result.save[n].push(s);
        log(`  saves: ${s.withFrames.map((x) => x.ms.toFixed(0)).join(' ')} ms`);
      }
      if (n > 0) {
        t.nextVisit = await openWorkspace(page, n);
        log(`  next visit: unlock ${t.nextVisit.unlockMs.toFixed(0)} ms`);
      }
      if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    });
  }
}
if (wants('crypto')) result.crypto = await cryptoRun(config.runs);
result.seconds = (Date.now() - started) / 1000;
writeFileSync(outFile, JSON.stringify(result));
log(`done in ${result.seconds.toFixed(0)} s`);
