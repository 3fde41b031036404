// Screenshots of the printable documents for docs/documents.md: the app's Documents tab, and each
// training-demo form as it prints (print media, A4 width, 15 mm margins as @page gives on paper).
//   node scripts/screenshot_documents.mjs [out-dir]      (default docs/screenshots; needs a built site)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openApp } from '../tests/browser/harness.mjs';
import { openDemo, openDocuments, printDocument, stubPrint } from '../tests/browser/documents.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'screenshots'));
const APP = { width: 1280, height: 800 };
const A4 = { width: 794, height: 1123 };   // 210 x 297 mm at 96 px per inch

const SHOTS = [
  ['DEMO-WO-1', ['worcs_notification', 'worcs_passport', 'worcs_initial_meeting', 'direction_letter', 'la_start']],
  ['DEMO-WO-2', ['worcs_review', 'la_outcome']],
  ['DEMO-TH-1', ['thurrock_contract']],
];

// The page as the printer lays it out; a screenshot has no @page margins, so padding stands in.
async function printShot(page, file) {
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => { document.body.style.padding = '15mm'; });
  await page.screenshot({ path: file, fullPage: true });
  await page.evaluate(() => { document.body.style.padding = ''; });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(APP);
}

const server = await startServer();
const b = await launch({ viewport: APP });
try {
  const { page } = await openApp(b.context, server);
  await stubPrint(page);
  await openDemo(page);
  for (const [caseId, ids] of SHOTS) {
    await openDocuments(page, caseId);
    for (const id of ids) {
      await printDocument(page, id);
      if (id === 'thurrock_contract') await page.screenshot({ path: path.join(out, 'documents-tab.png') });
      await printShot(page, path.join(out, `doc-${id}.png`));
      console.log(`doc-${id}.png`);
    }
  }
} finally { await b.close(); server.stop(); }
