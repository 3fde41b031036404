// Printable documents in real Chromium: the Documents tab of the training demo's Worcestershire
// and Thurrock cases, Print… rendering real HTML into #print-root (the dialog stubbed), the
// statutory contents present, signature boxes, the DEMO marker, print media hiding the app, and
// an A4 PDF of sane length.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp, click, nextFrames, findItem, items, limit } from './harness.mjs';
import { clickTab, openDemo, openDocuments, printDocument, state, stubPrint, waitState } from './documents.mjs';
import { typeInto } from './flows.mjs';

let server;
let outDir;
before(async () => { server = await startServer(); outDir = mkdtempSync(path.join(os.tmpdir(), 'cp-docs-')); });
after(() => { if (server) server.stop(); if (outDir) rmSync(outDir, { recursive: true, force: true }); });

// What #print-root holds, read as a person reading the printed page would.
async function printed(page) {
  return page.evaluate(() => {
    const root = document.getElementById('print-root');
    const text = (e) => (e ? e.textContent.trim() : '');
    const values = {};
    for (const tr of root.querySelectorAll('tr.field')) values[text(tr.querySelector('th'))] = text(tr.querySelector('td'));
    return {
      title: text(root.querySelector('h1')),
      source: text(root.querySelector('.doc-source')),
      headings: [...root.querySelectorAll('h2')].map(text),
      values,
      missing: [...root.querySelectorAll('tr.field.missing th')].map(text),
      missingBoxes: root.querySelectorAll('td .missing-box').length,
      missingLabels: [...root.querySelectorAll('.missing-label')].map(text),
      count: text(root.querySelector('.missing-count')),
      warnings: [...root.querySelectorAll('.missing-warning li')].map(text),
      signatures: [...root.querySelectorAll('.signature-box .signature-label')].map(text),
      signatureLines: root.querySelectorAll('.signature-box .signature-line').length,
      paragraphs: [...root.querySelectorAll('p.paragraph')].map(text),
      demo: text(root.querySelector('.demo-mark')),
      docTitle: document.title,
    };
  });
}

function assertLabels(doc, labels) {
  for (const l of labels) assert.ok(l in doc.values, `"${l}" is on the printed ${doc.title}; labels: ${Object.keys(doc.values).join(' | ')}`);
}

// Every blank is a box, listed in the warning, and counted right.
function assertMissingConsistent(doc) {
  assert.equal(doc.missingBoxes, doc.missing.length);
  assert.equal(doc.warnings.length, doc.missing.length);
  assert.ok(doc.missingLabels.every((t) => t === 'Missing'));
  const n = doc.missing.length;
  assert.equal(doc.count, n === 0 ? 'Nothing missing' : `${n} ${n === 1 ? 'item' : 'items'} missing`);
}

// PDF page objects, not the /Pages tree nodes.
function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function demoPage(b) {
  const { page, record } = await openApp(b.context, server);
  await stubPrint(page);
  await openDemo(page);
  return { page, record };
}

test('Worcestershire: the notification, passport, initial meeting, direction letter and LA notice print with their contents', async () => {
  const b = await launch();
  try {
    const { page, record } = await demoPage(b);
    const c = await openDocuments(page, 'DEMO-WO-1');

    await printDocument(page, 'worcs_notification');
    let doc = await printed(page);
    assert.equal(doc.title, 'Off-site Direction Notification Form');
    assert.match(doc.source, /Worcestershire.*Form Templates, form 1$/);
    assertLabels(doc, ["Child's Name and DOB", 'Home School', 'Address', 'Parent/Carer Name', 'Relationship to child',
      'Does the parent understand the reasons for the Off-site Direction?', 'Parental comments']);
    assert.equal(doc.values["Child's Name and DOB"], `${c.pupil}, 14/02/2012`);
    assert.equal(doc.values['Home School'], 'Larkspur High School (fictional), 1 Larkspur Lane, Demotown');  // from the school list
    assert.deepEqual(doc.signatures, ['Name', 'Signed', 'Date']);
    assert.equal(doc.signatureLines, 3);
    assert.match(doc.demo, /^DEMO/);
    assert.match(doc.docTitle, /^Off-site Direction Notification Form - Ellis Ward/);
    assertMissingConsistent(doc);

    await printDocument(page, 'worcs_passport');
    doc = await printed(page);
    assert.equal(doc.title, 'Off-site Direction Pupil Passport');
    assertLabels(doc, ['Full name', 'UPN', 'Date of Birth', 'Current Year Group', 'Current Home Address', 'Does this child have an EHCP?']);
    assert.equal(doc.values.UPN, 'X900000000001');
    assert.equal(doc.values['Date of Birth'], '14/02/2012');
    assert.ok(doc.headings.includes('Section 1a: Child Details') && doc.headings.includes('Section 1e: Formulation'));
    assert.ok(doc.missing.length > 0, 'the demo passport has blanks the case cannot fill');
    assert.ok(doc.missing.includes('Gender'));
    assertMissingConsistent(doc);
    assert.match(doc.demo, /^DEMO/);

    await printDocument(page, 'worcs_initial_meeting');
    doc = await printed(page);
    assert.equal(doc.title, 'Off-site Direction Initial Meeting Form');
    assertLabels(doc, ['Date of Meeting', "Child's Name & DOB", 'Reasons for the Off-site Direction', 'Off-site Direction start date',
      'Date of first review meeting and agreed frequency of subsequent reviews']);
    assert.equal(doc.values['Off-site Direction start date'], '21/09/2026');
    assert.deepEqual(doc.signatures, ['Parent/Carer', 'Child', 'Home School', 'Host School', 'Other']);

    // The statutory contents of a direction notice (reg 3): reasons, dates, address, who to report to, times.
    await printDocument(page, 'direction_letter');
    doc = await printed(page);
    assert.equal(doc.title, 'Direction for off-site education (letter to parents)');
    assertLabels(doc, ['Reasons for the direction', 'First day', 'Number of days', 'Address of the provision',
      'Who the pupil reports to on the first day', 'Session times', 'Name of provision', 'Objectives',
      'First review meeting (no more than 6 school weeks after the start)', 'Contact for requests for a review']);
    assert.equal(doc.values['Address of the provision'], 'Brookfield Academy (fictional), 5 Mill Lane, Demotown');
    // The school from the school list, by its name and address (issue 13 item 3), never "URN 900011".
    assert.equal(doc.values['Name of provision'], 'Brookfield Academy (fictional), 5 Mill Lane, Demotown');
    assert.equal(doc.values['Session times'], '08:40-15:10');
    assert.equal(doc.values['First day'], '21/09/2026');
    assert.match(doc.values['Who the pupil reports to on the first day'], /Mr Ash Patel/);
    assert.ok(doc.paragraphs.some((p) => p.includes('is directed to attend') && p.includes('dual registered')));
    assertMissingConsistent(doc);

    await printDocument(page, 'la_start');
    doc = await printed(page);
    assert.equal(doc.title, 'Notification to the LA: start of placement');
    assertLabels(doc, ['Name', 'Date of birth', 'UPN', 'Home school', 'Host school', 'Start date']);
    assert.equal(doc.values['Start date'], '21/09/2026');

    assert.equal(await page.evaluate(() => window.__printed), 5, 'one print per Print… press');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.foreign, [], 'printing fetches nothing from anywhere');
  } finally { await b.close(); }
});

test('Worcestershire review form: one per review, the latest by default, another chosen by the user', async () => {
  const b = await launch();
  try {
    const { page, record } = await demoPage(b);
    await openDocuments(page, 'DEMO-WO-2');
    await printDocument(page, 'worcs_review');
    let doc = await printed(page);
    assert.equal(doc.title, 'Off-site Direction Review Form (or Emergency Review) Meeting');
    assertLabels(doc, ['Date of Meeting', "Child's Name & DOB", 'Progress towards integration and success to date', 'Outcome']);
    assert.equal(doc.values['Date of Meeting'], '09/11/2026');
    assert.equal(doc.values.Outcome, 'Convert to Managed Move');
    assert.deepEqual(doc.signatures, ['Parent/Carer', 'Child', 'Home School', 'Host School', 'Other']);

    await click(page, '#review');
    await click(page, 'Review 1, 05/10/2026 (Continue the placement)');  // the outcome in words, never its stored name
    await nextFrames(page);
    await printDocument(page, 'worcs_review');
    doc = await printed(page);
    assert.equal(doc.values['Date of Meeting'], '05/10/2026');
    assert.equal(doc.values.Outcome, 'Continue with Direction');
    assert.equal(doc.values['Date of next meeting (if applicable)'], '09/11/2026');

    await printDocument(page, 'la_outcome');
    doc = await printed(page);
    assert.equal(doc.values.Outcome, "Transferred to the host school's roll (managed move)");
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('Thurrock: the contract for trial admission prints with its parties, terms, signature boxes and review boxes', async () => {
  const b = await launch();
  try {
    const { page, record } = await demoPage(b);
    const c = await openDocuments(page, 'DEMO-TH-1');
    await printDocument(page, 'thurrock_contract');
    const doc = await printed(page);
    assert.equal(doc.title, 'Managed Move/Reintegration Contract for trial admission');
    assert.match(doc.source, /Thurrock.*Appendix A/);
    assertLabels(doc, ['Student', 'LA Representative', 'Existing school', 'Receiving school', 'Trial period start', 'Trial period end',
      '1', '2', '3', '4', 'Review Date 4 wks', 'Review Date 16 wks']);
    assert.equal(doc.values.Student, c.pupil);
    assert.equal(doc.values['Trial period start'], '05/10/2026');
    assert.equal(doc.values['1'], 'Attendance to school must exceed 95% during the trial period');
    for (const w of [4, 8, 12, 16]) assert.ok(doc.headings.includes(`${w} Week Review`));
    // Issue 12 §3: the 2019 trial wording is printed with the statutory position beside it (reg 4A).
    assert.ok(doc.headings.some((h) => h.startsWith('The law since 26 July 2026')), JSON.stringify(doc.headings));
    assert.ok(doc.paragraphs.some((p) => p.includes('ask in writing for a review') && p.includes('(reg 4A)')));
    for (const who of ['Student', 'Parent/Carer', 'Receiving School Representative', 'Date']) assert.ok(doc.signatures.includes(who), who);
    assert.ok(doc.missing.includes('LA Representative'), 'the demo has no LA officer recorded: a box to fill');
    assertMissingConsistent(doc);
    assert.match(doc.demo, /^DEMO/);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('print media shows only the document, on A4, with DEMO on every page; the app is hidden', async () => {
  const b = await launch();
  try {
    const { page, record } = await demoPage(b);
    await openDocuments(page, 'DEMO-WO-1');
    await printDocument(page, 'worcs_passport');
    const style = () => page.evaluate(() => {
      const d = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e).display : 'absent'; };
      const mark = document.querySelector('#print-root .demo-mark');
      return {
        canvas: d('#canvas'), loading: d('#loading'), root: d('#print-root'), warning: d('#print-root .missing-warning'),
        label: d('#print-root .missing-label'), box: d('#print-root .missing-box'), mark: d('#print-root .demo-mark'),
        markPosition: mark ? getComputedStyle(mark).position : '', bodyOverflow: getComputedStyle(document.body).overflow,
      };
    });
    let s = await style();
    assert.equal(s.root, 'none', 'on screen the printable copy stays hidden behind the app');
    assert.equal(s.canvas, 'block');

    await page.emulateMedia({ media: 'print' });
    s = await style();
    assert.equal(s.canvas, 'none', 'the app canvas does not print');
    assert.equal(s.loading, 'none');
    assert.equal(s.root, 'block');
    assert.equal(s.warning, 'none', 'the "items missing" warning is for the screen only');
    assert.equal(s.label, 'none', 'on paper a missing value is a plain box to fill in');
    assert.equal(s.box, 'block');
    assert.notEqual(s.mark, 'none');
    assert.equal(s.markPosition, 'fixed', 'a fixed header repeats on every printed page');
    assert.equal(s.bodyOverflow, 'visible', 'the pages flow instead of being cut at one screen');
    const shot = path.join(outDir, 'passport-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10000);

    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pdfPages(pdf);
    assert.ok(pages >= 2 && pages <= 8, `the passport runs to a few A4 pages, not ${pages}`);
    // Printing is over (Chromium fires afterprint): the pupil's details leave the page again.
    assert.equal(await page.evaluate(() => document.getElementById('print-root').childElementCount), 0);
    assert.equal(await page.title(), 'Case planner – Managed Moves and Off-site Directions');

    await page.emulateMedia({ media: 'screen' });
    await printDocument(page, 'worcs_notification');
    assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, 'the notification form fits on one page');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

test('print.js: no DEMO marker for a real workspace, and text from the case is never read as HTML', async () => {
  const b = await launch();
  try {
    const { page, record } = await openApp(b.context, server);
    await stubPrint(page);
    await page.evaluate(() => window.cpPrint.show(JSON.stringify({
      id: 'la_start', title: 'Notification to the LA: start of placement', demo: false,
      source: { source: 'guidance', paragraph: 'section 13 (Notifying the LA)', text: 'London Borough of Hammersmith & Fulham, Managed Moves – good practice guidance, section 13 (Notifying the LA)' },
      missing: ['Pupil: UPN'],
      sections: [{ heading: 'Pupil', paragraphs: [], fields: [
        { label: 'Name', value: '<img src=x onerror="window.__xss=1">', missing: false, signature: false },
        { label: 'UPN', value: '', missing: true, signature: false },
        { label: 'Signed', value: '', missing: false, signature: true }] }],
    }), 'A title'));
    const doc = await printed(page);
    assert.equal(doc.demo, '', 'no DEMO marker outside the training demo');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#print-root .demo-watermark, #print-root img').length), 0);
    assert.equal(doc.values.Name, '<img src=x onerror="window.__xss=1">');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(doc.missing, ['UPN']);
    assert.equal(doc.count, '1 item missing');
    assert.deepEqual(doc.signatures, ['Signed']);
    assert.equal(doc.docTitle, 'A title');
    assert.equal(doc.source, 'Source: London Borough of Hammersmith & Fulham, Managed Moves – good practice guidance, section 13 (Notifying the LA)');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// The passport is the pack's form written as data: each question of a part is asked by its printed
// label (never by the name it is kept under), and an answer saved is on the tab and the printout.
test('the Pupil passport tab asks each question in words and keeps the answer', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await demoPage(b);
    const s0 = await state(page);
    await click(page, s0.cases.find((c) => c.id === 'DEMO-NO-1').pupil);
    let s = await waitState(page, (st) => st.view === 'case' && st.caseId === 'DEMO-NO-1' && st.caseView);
    const before = s.caseView.passport['1c'];
    assert.ok(before && before.total >= 3, 'Norfolk, with no passport of its own, uses the baseline\'s: ' + JSON.stringify(s.caseView.passport));
    await clickTab(page, 'Pupil passport');
    // Folding the long sections above brings part 1c's button on screen without scrolling.
    for (const part of ['1a', '1b']) {
      const header = (await state(page)).caseView && (await items(page)).find((i) => i.label.startsWith(`Section ${part}:`));
      assert.ok(header, `the header of section ${part} is on screen`);
      await click(page, header.label);
      await findItem(page, `Edit section ${part}`);
    }
    await click(page, 'Edit section 1c');
    await findItem(page, 'Edit the pupil passport');
    for (const id of ['#english', '#maths', '#science']) await findItem(page, id);
    // A screen reader hears each field by the question the form prints (the mirror names it).
    const names = await page.evaluate(() => [...document.querySelectorAll('#cp-access [data-id]')]
      .map((e) => (e.getAttribute('aria-label') || e.textContent).trim()));
    for (const label of ['English', 'Maths', 'Science']) assert.ok(names.includes(label), `${label} in ${JSON.stringify(names)}`);
    assert.ok(!names.some((n) => /english:|ks4_options|maths:/.test(n)), 'no internal name is read out');
    await page.screenshot({ path: path.join(process.env.SHOT_DIR || outDir, 'passport-edit.png') });
    await typeInto(page, '#english', 'Working at grade 4');
    await click(page, 'Save');
    s = await waitState(page, (st) => st.caseView && st.caseView.passport['1c'].filled === before.filled + 1);
    // The history says what was recorded in the form's words, not as data.
    assert.ok(s.caseView.historyDetails.some((d) => d.includes('English: Working at grade 4')), JSON.stringify(s.caseView.historyDetails));
    await page.waitForFunction(() => document.getElementById('cp-access').textContent.includes('Working at grade 4'));
    // The dialog closes on saving (within the frames the save takes, not in the same one).
    await page.waitForFunction(() => !((self.cpTest && self.cpTest.items) || []).some((i) => i.label === 'Edit the pupil passport' && i.w > 0),
                               null, { timeout: limit(10000), polling: 50 })
      .catch(() => assert.fail('the dialog closed on saving'));
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
