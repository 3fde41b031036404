// kdf_metrics.mjs: how long Argon2id takes in the page's Web Worker (kdf_worker.wasm, libsodium
// compiled to wasm) against native libsodium (python3-nacl) on the same machine, in the same run.
// A benchmark, not a test: prints a table and one JSON line.
//   node bench/kdf_metrics.mjs [runs] [opslimit] [memlimit MiB]      (defaults: 5, 3, 64)
import { execFileSync } from 'node:child_process';
import { startServer, launch } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const ops = Number(process.argv[3] || 3);
const mem = Number(process.argv[4] || 64) * 1024 * 1024;
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }; };

// Native: python3-nacl calls the system's libsodium 1.0.18, the same upstream code as the wasm.
// One untimed call first, as the browser's first call is reported apart.
function nativeTimes() {
  const script = [
    'import json, sys, time, nacl.pwhash',
    'runs, ops, mem = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])',
    'kdf = lambda: nacl.pwhash.argon2id.kdf(32, b"benchmark passphrase", bytes(16), opslimit=ops, memlimit=mem)',
    'kdf()',
    'out = []',
    'for _ in range(runs):',
    '    t = time.perf_counter(); kdf(); out.append((time.perf_counter() - t) * 1000)',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, String(runs), String(ops), String(mem)], { encoding: 'utf8' }));
}

// In the page: when the worker is ready (kdf.js starts it once the page is idle), the first
// derivation (which also grows the worker's memory), then `runs` timed calls. `ms` is the
// derivation inside the worker; `roundTripMs` what the page waits, messages included.
async function browserTimes() {
  const server = await startServer();
  const b = await launch({ own: true });
  try {
    const page = b.context.pages()[0] || await b.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.cpKdf, null, { timeout: 30000 });
    return await page.evaluate(async ({ runs, ops, mem }) => {
      const salt = new Uint8Array(16);
      const once = async () => {
        const t0 = performance.now();
        const r = await window.cpKdf.derive('benchmark passphrase', salt, ops, mem);
        r.key.fill(0);
        return { ms: r.ms, roundTripMs: performance.now() - t0 };
      };
      await window.cpKdf.prepare();
      const readyMs = performance.now();   // since navigation start
      const first = await once();
      const timed = [];
      for (let i = 0; i < runs; i++) timed.push(await once());
      return { readyMs, first, timed };
    }, { runs, ops, mem });
  } finally {
    await b.close();
    server.stop();
  }
}

const browser = await browserTimes();
const native = nativeTimes();
const wasm = stats(browser.timed.map((r) => r.ms));
const trip = stats(browser.timed.map((r) => r.roundTripMs));
const nat = stats(native);
const f = (x) => x.toFixed(0).padStart(6);
console.log(`Argon2id13, opslimit ${ops}, memlimit ${mem / 1048576} MiB, ${runs} runs each (ms)`);
console.log('                                   median    min    max');
console.log(`Chromium worker, derivation      ${f(wasm.median)} ${f(wasm.min)} ${f(wasm.max)}`);
console.log(`Chromium worker, page round trip ${f(trip.median)} ${f(trip.min)} ${f(trip.max)}`);
console.log(`native libsodium (python3-nacl)  ${f(nat.median)} ${f(nat.min)} ${f(nat.max)}`);
console.log(`worker ready ${browser.readyMs.toFixed(0)} ms after navigation; first derivation ` +
  `${browser.first.ms.toFixed(0)} ms (its memory grows from 16 MiB), not counted above`);
console.log(`wasm / native, medians: ${(wasm.median / nat.median).toFixed(2)}x`);
console.log(JSON.stringify({ opslimit: ops, memlimitBytes: mem, runs, wasmMs: wasm, roundTripMs: trip, nativeMs: nat,
  workerReadyMs: browser.readyMs, firstDerivationMs: browser.first.ms, ratio: wasm.median / nat.median }));
