// run.mjs: Lighthouse (npm, pinned in package.json; version 12 is the last that runs on Debian's
// Node 20) over the app and the bare Dear ImGui page, on its desktop and its mobile settings, with
// Debian's Chromium. For scripts/bench.py only: it installs this folder on first use; the tests
// never run it.
//
//   node bench/lighthouse/run.mjs out.json name=url [name=url …]
//
// Writes, per page and setting: the three category scores (a null performance score is Lighthouse
// saying it could not score, e.g. NO_LCP: a canvas is no paint candidate), total blocking time, byte
// weight, first contentful paint, and the titles of the accessibility and best-practices audits
// that failed.
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const [outFile, ...pages] = process.argv.slice(2);
const settings = { desktop: desktopConfig, mobile: undefined };  // undefined: Lighthouse's default, mobile
const categories = ['performance', 'accessibility', 'best-practices'];

function failed(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable' &&
                   a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => a.title);
}

function figures(lhr) {
  const audit = (id) => lhr.audits[id] && lhr.audits[id].numericValue;
  return {
    scores: Object.fromEntries(categories.map((c) => [c, lhr.categories[c].score])),
    totalBlockingTimeMs: audit('total-blocking-time') ?? null,
    byteWeight: audit('total-byte-weight') ?? null,
    firstContentfulPaintMs: audit('first-contentful-paint') ?? null,
    runtimeError: lhr.runtimeError ? lhr.runtimeError.code : null,
    warnings: lhr.runWarnings || [],
    failedAccessibility: failed(lhr, 'accessibility'),
    failedBestPractices: failed(lhr, 'best-practices'),
  };
}

// A fresh browser (and so a fresh profile) for every audit: nothing stored by one page is seen by the next.
async function audit(url, config) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: categories, logLevel: 'error' }, config);
    return figures(result.lhr);
  } finally {
    await chrome.kill();
  }
}

const out = {};
for (const page of pages) {
  const at = page.indexOf('=');
  const name = page.slice(0, at), url = page.slice(at + 1);
  for (const [setting, config] of Object.entries(settings)) {
    out[`${name} ${setting}`] = await audit(url, config);
    console.error(`[lighthouse] ${name} ${setting}:`, JSON.stringify(out[`${name} ${setting}`].scores));
  }
}
writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
