// web_metrics.mjs: download size, navigation-to-first-frame and idle CPU of the page in headless
// Chromium. A benchmark, not a test: prints a table and one JSON line.
//   node bench/web_metrics.mjs [runs]
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { startServer, launch, openApp } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const site = path.resolve('build/wasm/site');
const sizes = {};
for (const f of readdirSync(site)) {
  const bytes = readFileSync(path.join(site, f));
  sizes[f] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }; };

const server = await startServer();
const firstFrame = [], idleCpu = [];
for (let i = 0; i < runs; i++) {
  const b = await launch({ own: true });
  try {
    const { page } = await openApp(b.context, server, { query: '' });
    firstFrame.push(await page.evaluate(() => window.cpShell.firstFrameMs));
    if (i < 2) {
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.waitForTimeout(1500);
      const m0 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      await page.waitForTimeout(10000);
      const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      idleCpu.push(100 * (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp));
    }
  } finally { await b.close(); }
}
server.stop();
const total = Object.values(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
console.log('file                 raw bytes    gzip bytes');
for (const [f, s] of Object.entries(sizes)) console.log(f.padEnd(20), String(s.raw).padStart(10), String(s.gzip).padStart(12));
console.log('total'.padEnd(20), String(total.raw).padStart(10), String(total.gzip).padStart(12));
const ff = stats(firstFrame), cpu = stats(idleCpu);
console.log(`navigation to first frame: median ${ff.median.toFixed(0)} ms (min ${ff.min.toFixed(0)}, max ${ff.max.toFixed(0)}, ${runs} runs)`);
console.log(`idle main-thread CPU over 10 s: median ${cpu.median.toFixed(2)}% (min ${cpu.min.toFixed(2)}, max ${cpu.max.toFixed(2)})`);
console.log(JSON.stringify({ sizes, total, firstFrameMs: ff, idleCpuPercent: cpu }));
