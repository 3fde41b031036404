// documents.mjs: steps shared by documents.test.mjs and scripts/screenshot_documents.mjs: open the
// training demo, open a case, pick a form on its Documents tab and press Print… with the browser's
// print dialog stubbed out, so the document is left in #print-root for the caller to inspect.
import { click, findItem, nextFrames, limit } from './harness.mjs';
import { state, waitState } from './flows.mjs';

// The picker's short names (documents_view.cpp) for each engine document id.
export const DOC_NAMES = {
  worcs_notification: 'Form 1: Notification',
  worcs_passport: 'Form 2: Pupil Passport',
  worcs_initial_meeting: 'Form 3: Initial Meeting',
  worcs_review: 'Form 4: Review',
  direction_letter: 'Direction letter to parents',
  thurrock_contract: 'Contract for trial admission',
  la_start: 'LA notification: start',
  la_outcome: 'LA notification: outcome',
};

// Reading the app's state: the same helpers as flows.mjs.
export { state, waitState };

// A real print dialog would block the page: count the calls instead.
export async function stubPrint(page) {
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
}

export async function openDemo(page) {
  await waitState(page, (s) => s.phase === 'first_run');
  await click(page, 'Open the training demo');
  return waitState(page, (s) => s.phase === 'open' && s.demo);
}

// ImGui's tabs only take a click the mouse has hovered for a frame already (they allow overlap),
// so hover, let frames pass, then press; harness.click's instant move-and-click misses them.
export async function clickTab(page, label) {
  const it = await findItem(page, label);
  await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
  await nextFrames(page);
  await page.mouse.down();
  await nextFrames(page);
  await page.mouse.up();
  await nextFrames(page);
}

// From anywhere in the open demo: back to the list, then into the case and its Documents tab.
export async function openDocuments(page, caseId) {
  let s = await state(page);
  if (s.view === 'case') {
    await click(page, '< All cases');
    s = await waitState(page, (st) => st.view === 'dashboard');
  }
  const c = s.cases.find((x) => x.id === caseId);
  if (!c) throw new Error(`no demo case ${caseId} in ${JSON.stringify(s.cases.map((x) => x.id))}`);
  await click(page, c.pupil);
  await waitState(page, (st, id) => st.view === 'case' && st.caseId === id, caseId);
  await clickTab(page, 'Documents');
  await findItem(page, 'Print…');
  return c;
}

// Picks the document and prints it; resolves once print.js has filled #print-root and "printed".
export async function printDocument(page, id) {
  await click(page, DOC_NAMES[id]);
  await nextFrames(page);
  const before = await page.evaluate(() => window.__printed || 0);
  await click(page, 'Print…');
  await page.waitForFunction((n) => (window.__printed || 0) > n, before, { timeout: limit(5000), polling: 50 });
}
