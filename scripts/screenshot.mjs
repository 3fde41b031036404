// Takes screenshots of the running app for docs/screenshots/ (used by scripts and by hand).
//   node scripts/screenshot.mjs OUT.png [dpr] [query]
import { startServer, launch, openApp, click } from '../tests/browser/harness.mjs';
const [out, dpr = '1', query = '?test', clickLabel] = process.argv.slice(2);
const server = await startServer();
const b = await launch({ deviceScaleFactor: Number(dpr) });
try {
  const { page } = await openApp(b.context, server, { query });
  if (clickLabel) { await click(page, clickLabel); await page.waitForTimeout(300); }
  await page.screenshot({ path: out });
} finally { await b.close(); server.stop(); }
