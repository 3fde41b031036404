// Settings > Protocols (issue 14 items 5 and 6): a local authority's protocol written as a file is
// loaded in the browser with no rebuild. A file with mistakes is refused with each mistake named
// by file, place and what was expected, and nothing changes; the sixth authority's file
// (tests/packs/example-county.json) loads, is kept with the encrypted workspace across a reload,
// is offered for a new case, and the case records the authority's own step, answers its own passport
// questions and prints its own referral form with both; a neighbour's protocol adapting it builds on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, click, findItem, nextFrames, limit, pickFile } from './harness.mjs';
import { stubPrint, clickTab } from './documents.mjs';
import { server, createWorkspace, choose, typeInto, record as recordEntry, PASS } from './walk.mjs';
import { state, waitState } from './flows.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = join(HERE, '..', 'packs', 'example-county.json');
const NAME = 'Example County Managed Move and Off-site Direction Protocol';

// What the screen says, as the accessibility mirror gives it to a screen reader.
async function waitForText(page, text) {
  try {
    await page.waitForFunction((t) => (document.getElementById('cp-access')?.textContent || '').includes(t), text,
      { timeout: limit(30000), polling: 100 });
  } catch (e) {
    // Say what the screen said instead, so a failing run explains itself.
    const said = await page.evaluate(() => document.getElementById('cp-access')?.textContent || '').catch(() => '');
    await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/cp-protocols-no-text.png` }).catch(() => {});
    throw new Error(`"${text}" was not on screen within ${limit(30000)} ms; the screen said: ${said.slice(0, 3000)}`);
  }
}

async function loadProtocolFile(page, file) {
  await pickFile(page, file, () => click(page, 'Load a protocol file…'));
}

async function openSettings(page) {
  await click(page, 'File');
  await click(page, 'Settings…');
  await findItem(page, 'Load a protocol file…');
}

test('a protocol file loads in Settings, is kept with the workspace, and a case follows it and prints its own form', async () => {
  // Tall enough for the whole of Settings without scrolling: scrolling a dialog is tested elsewhere
  // (and the look at 1366x768 and 1024x768 was checked by screenshot).
  const b = await launch({ viewport: { width: 1366, height: 1600 } });
  try {
    const { page, record } = await openApp(b.context, server, { query: '?test&today=2026-11-09' });
    await stubPrint(page);
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page, 'Norfolk County Council');
    await openSettings(page);
    await waitForText(page, 'Norfolk Managed Move Scheme (Norfolk County Council), built in');

    // A file with mistakes: each named by the file, the place in it and what was expected.
    const bad = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    bad.rules[0].severity = 'stop';
    const badFile = join(mkdtempSync(join(tmpdir(), 'cp-pack-')), 'example-county.json');
    writeFileSync(badFile, JSON.stringify(bad));
    await loadProtocolFile(page, badFile);
    await waitForText(page, 'example-county.json cannot be loaded: nothing was changed');
    await waitForText(page, 'example-county.json /rules/0/severity: expected one of blocks, warns, informs; found "stop"');
    assert.equal((await state(page)).cases.length, 0);

    // A protocol tried out and removed, then loaded for good.
    await loadProtocolFile(page, EXAMPLE);
    await waitForText(page, `${NAME} (Example County Council), loaded from a file`);
    await click(page, "Remove Example County Council's protocol");
    await waitForText(page, `${NAME} is removed.`);
    // And its row goes (within the frames the removal takes).
    await page.waitForFunction(() => !document.getElementById('cp-access').textContent.includes('loaded from a file'),
                               null, { timeout: limit(10000), polling: 50 })
      .catch(() => assert.fail('the removed protocol is still listed as loaded from a file'));
    await loadProtocolFile(page, EXAMPLE);
    await waitForText(page, `${NAME} is loaded: new cases can follow it`);
    await waitForText(page, `${NAME} (Example County Council), loaded from a file`);

    // A neighbour adapting Example County's protocol builds on it, which then stays while it does.
    const adapted = {
      format: 'caseplan-pack', version: 1, id: 'example-borough', name: 'Example Borough Managed Move Protocol',
      local_authority: 'Example Borough Council', extends: 'example-county',
      sources: [{ id: 'borough', title: 'Managed Move Protocol', publisher: 'Example Borough Council', date: '2026' }],
      rules: [{ id: 'example-borough/call-first', kind: 'info', severity: 'informs', message: 'Call the borough first.',
        citation: { source: 'borough', paragraph: '1' } }],
    };
    const adaptedFile = join(mkdtempSync(join(tmpdir(), 'cp-pack-')), 'example-borough.json');
    writeFileSync(adaptedFile, JSON.stringify(adapted));
    await loadProtocolFile(page, adaptedFile);
    await waitForText(page, `Example Borough Managed Move Protocol (Example Borough Council), loaded from a file, building on ${NAME}`);
    await waitForText(page, 'Example Borough Managed Move Protocol builds on it, so it stays.');
    await click(page, "Remove Example Borough Council's protocol");
    await waitForText(page, 'Example Borough Managed Move Protocol is removed.');
    await waitState(page, (s) => s.save.dirty === 0 && s.save.inFlight === 0);
    await click(page, 'Close');

    // Kept, encrypted, with the workspace: after a reload and the passphrase it is still there.
    await page.reload();
    await stubPrint(page);
    await waitState(page, (s) => s.phase === 'locked');
    await typeInto(page, '#unlockpass', PASS);
    await click(page, 'Unlock');
    await waitState(page, (s) => s.phase === 'open');

    await click(page, 'New case');
    await choose(page, '#protocol', 'Example County Council');
    await choose(page, '#kind', 'managed move');
    await click(page, 'Next');
    await findItem(page, 'The pupil has an EHCP');
    await click(page, 'Next');
    await typeInto(page, '#pupil_name', 'Sam Example');
    await click(page, 'Create case');
    await waitState(page, (s) => s.view === 'case' && s.cases.some((c) => c.pupil === 'Sam Example'));
    await waitForText(page, 'Example County Council');
    // The authority's own step, declared in its file: offered under its own name, its form asking only
    // what the step asks (record() also finds no internal word on screen), printed by its own form.
    await recordEntry(page, 'Record details, views, consents and notes', 'Taster day at the receiving school',
      { '#notes': 'Spent the day in Year 8 lessons' });
    await waitState(page, (s) => s.caseView.historyDetails.some((d) => d.includes('Spent the day in Year 8 lessons')));
    // Its passport: the questions its own form asks, answered on the Pupil passport tab.
    await clickTab(page, 'Pupil passport');
    await click(page, 'Edit: Learning');
    await findItem(page, 'Cancel', { window: 'Edit the pupil passport' });
    await typeInto(page, '#reading_age', '9 years 6 months');
    await click(page, 'Save');
    await waitForText(page, '9 years 6 months');
    await clickTab(page, 'Documents');
    await click(page, 'Referral form');
    await nextFrames(page);
    const before = await page.evaluate(() => window.__printed || 0);
    await click(page, 'Print…');
    await page.waitForFunction((n) => (window.__printed || 0) > n, before, { timeout: limit(5000), polling: 50 });
    const doc = await page.evaluate(() => {
      const root = document.getElementById('print-root');
      const text = (e) => (e ? e.textContent.trim() : '');
      const values = {};
      for (const tr of root.querySelectorAll('tr.field')) values[text(tr.querySelector('th'))] = text(tr.querySelector('td'));
      return { title: text(root.querySelector('h1')), headings: [...root.querySelectorAll('h2')].map(text), values };
    });
    assert.equal(doc.title, 'Example County Managed Move Referral');
    assert.deepEqual(doc.headings.slice(0, 3), ['The pupil', 'Learning', 'Behaviour and support']);
    assert.equal(doc.values['Taster day at the receiving school'], '09/11/2026');
    assert.equal(doc.values['Reading age'], '9 years 6 months');

    // Followed by a case now: it cannot be removed while the case follows it.
    await openSettings(page);
    await waitForText(page, 'Followed by 1 case, so it stays.');
    assert.equal(await page.evaluate(() => document.getElementById('cp-access').textContent.includes("Remove Example County Council's protocol")), false);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
