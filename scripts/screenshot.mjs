// Takes screenshots of the running app for docs/screenshots/ (used by scripts and by hand).
//   node scripts/screenshot.mjs OUT.png [dpr] [query] [label to click]   one screenshot
//   node scripts/screenshot.mjs --docs [out-dir]                          dashboard.png, case-plan.png,
//        passport.png, timeline.png, nearest-schools.png and school-picker.png of the training demo
//        (fictional pupils; needs a built site)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openApp, click, findItem, nextFrames } from '../tests/browser/harness.mjs';
import { openDemo, clickTab } from '../tests/browser/documents.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function settle(page) { await nextFrames(page, 3).catch(() => {}); await page.waitForTimeout(300); }

async function pick(page, combo, option) {
  await click(page, combo);
  await nextFrames(page, 3);
  await click(page, option);
  await nextFrames(page, 2);
}

// Norfolk's nearest schools as a table, and a school picked by typing part of its name.
async function schools(page, outDir) {
  await click(page, '< All cases');
  await click(page, 'Jamie Lewis (fictional)');
  await clickTab(page, 'Plan');
  await click(page, 'Record details, views, consents and notes');
  await pick(page, '#way', 'Nearest schools named by LA Admissions');
  await findItem(page, '#moves_in_4');
  await page.mouse.move(5, 790);
  await settle(page);
  await page.screenshot({ path: path.join(outDir, 'nearest-schools.png') });
  await click(page, 'Cancel');
  await click(page, 'Discard');  // another way was picked: Cancel asks first
  await click(page, 'Approach a host school / record its decision');
  await pick(page, '#way', 'Host school decision');
  await click(page, '#urn');
  await nextFrames(page, 3);
  await click(page, '#find');
  await page.keyboard.type('reed', { delay: 20 });
  await settle(page);
  await page.screenshot({ path: path.join(outDir, 'school-picker.png') });
}

async function docs(outDir) {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await openApp(b.context, server, { query: '?test' });
    const s = await openDemo(page);
    await page.mouse.move(5, 790);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'dashboard.png') });
    // A Worcestershire direction in placement shows the passport form and a timeline with reviews.
    const c = s.cases.find((x) => x.id.includes('WO') && (x.stage === 'placement' || x.stage === 'decision_due')) ||
              s.cases.find((x) => x.stage === 'placement') || s.cases[0];
    await click(page, c.pupil);
    await findItem(page, 'Plan');
    await page.mouse.move(5, 790);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'case-plan.png') });
    await clickTab(page, 'Pupil passport');
    await findItem(page, 'Edit section 1a');
    await page.mouse.move(5, 790);
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'passport.png') });
    await clickTab(page, 'Timeline');
    await click(page, 'Fit');
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'timeline.png') });
    await schools(page, outDir);
  } finally { await b.close(); server.stop(); }
}

if (process.argv[2] === '--docs') {
  await docs(path.resolve(process.argv[3] || path.join(ROOT, 'docs', 'screenshots')));
} else {
  const [out, dpr = '1', query = '?test', clickLabel] = process.argv.slice(2);
  const server = await startServer();
  const b = await launch({ deviceScaleFactor: Number(dpr) });
  try {
    const { page } = await openApp(b.context, server, { query });
    if (clickLabel) { await click(page, clickLabel); await page.waitForTimeout(300); }
    await page.screenshot({ path: out });
  } finally { await b.close(); server.stop(); }
}
