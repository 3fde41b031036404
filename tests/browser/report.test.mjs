// The panel report in real Chromium, on the training demo: reached from the Reports menu, the CSV
// it saves is byte for byte what the native CLI (`caseplan report`) computes for the same dates,
// for the default term and for the academic year; Print… lays out the table and the chart as
// real HTML; the chart saves as a PNG of the expected size that is not blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, click, findItem, nextFrames, limit } from './harness.mjs';
import { openDemo, state, waitState, stubPrint } from './documents.mjs';
import { chooseLa, typeInto, PASS } from './flows.mjs';
import { cli, demoWorkspace, download, describePng } from './charts.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

const rep = (s) => (s.views && s.views.report) || {};

async function openReport(page) {
  await click(page, 'Reports');
  await nextFrames(page, 2);
  await click(page, 'Panel report…');
  return waitState(page, (s) => rep(s).from !== undefined);
}

test('panel report: CSV matches the engine (native CLI) for a term and for the academic year', async () => {
  const b = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await openDemo(page);
    let s = await openReport(page);

    // The default period is the term holding the demo's "today" (20/11/2026).
    assert.match(rep(s).period, /^Autumn 2026 \(\d\d\/09\/2026 – \d\d\/12\/2026\)$/);
    assert.ok(rep(s).from <= '2026-11-20' && rep(s).to >= '2026-11-20', JSON.stringify(rep(s)));
    const expected = cli('report', '--from', rep(s).from, '--to', rep(s).to, demoWorkspace());
    let { name, bytes } = await download(page, () => click(page, 'Save CSV'));
    assert.equal(name, `panel-report-${rep(s).from}-${rep(s).to}.csv`);
    assert.equal(bytes.toString('utf8'), expected, 'the saved CSV is the engine\'s, as the CLI prints it');
    const lines = expected.trim().split('\n');
    // The columns the screen shows, in its order, in words (issue 13 item 9), and a total row last.
    assert.equal(lines[0], 'Term,School,URN,Proposed,Started,Received,Successful,Unsuccessful,Ended early,Transferred,Returned,Alternative provision,Permanent exclusion,Withdrawn');
    assert.ok(lines[lines.length - 1].startsWith('Total,,,'));
    assert.equal(rep(s).rows, lines.length - 2);
    assert.deepEqual(rep(s).columns, lines[0].split(','));
    assert.ok(rep(s).rows >= 3, 'the demo has several schools in the term');
    // The chart has one group per school and room for the largest count.
    const max = Math.max(...lines.slice(1, -1).map((l) => Math.max(...l.split(',').slice(-11).map(Number))));
    assert.ok(rep(s).chart.yMax >= max);

    // Another period: the academic year.
    await click(page, '#period');
    await click(page, 'Academic year 2026/27');
    // The autumn term may also start on 1 September: wait for the year's end too.
    s = await waitState(page, (st) => rep(st).from === '2026-09-01' && rep(st).to === '2027-08-31');
    assert.match(rep(s).period, /2026\/27/);
    ({ bytes } = await download(page, () => click(page, 'Save CSV')));
    assert.equal(bytes.toString('utf8'), cli('report', '--from', '2026-09-01', '--to', '2027-08-31', demoWorkspace()));

    // A range with nothing in it: an empty report, not an error.
    await click(page, '#period');
    await click(page, 'Other dates…');
    await nextFrames(page, 2);
    s = await state(page);
    await click(page, '#from');
    await nextFrames(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('01/01/2020', { delay: 10 });
    await click(page, '#to');
    await nextFrames(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/12/2020', { delay: 10 });
    s = await waitState(page, (st) => rep(st).from === '2020-01-01' && rep(st).to === '2020-12-31');
    assert.equal(rep(s).rows, 0);
    assert.equal(rep(s).csv, cli('report', '--from', '2020-01-01', '--to', '2020-12-31', demoWorkspace()));
    await click(page, '#to');
    await nextFrames(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/12', { delay: 10 });
    s = await waitState(page, (st) => !!rep(st).error);
    assert.equal(rep(s).error, 'Enter both dates as DD/MM/YYYY.');
    await page.keyboard.type('/2019', { delay: 10 });
    s = await waitState(page, (st) => /before the start/.test(rep(st).error || ''));
    assert.equal(rep(s).error, 'The end date is before the start date.');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.foreign, []);
  } finally { await b.close(); }
});

test('panel report: Print… lays out the table and chart as HTML; the chart saves as PNG', async () => {
  const b = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await stubPrint(page);
    await openDemo(page);
    const s = await openReport(page);
    const csvRows = rep(s).csv.trim().split('\n').slice(1).map((l) => l.split(','));

    await click(page, 'Print…');
    await page.waitForFunction(() => (window.__printed || 0) > 0, null, { timeout: limit(5000), polling: 50 });
    const doc = await page.evaluate(() => {
      const root = document.getElementById('print-root');
      const t = (e) => e.textContent.trim();
      return {
        title: t(root.querySelector('h1')),
        head: [...root.querySelectorAll('table.data thead th')].map(t),
        rows: [...root.querySelectorAll('table.data tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(t)),
        img: root.querySelector('figure.chart img') ? root.querySelector('figure.chart img').getAttribute('src').slice(0, 22) : '',
        imgWidth: root.querySelector('figure.chart img') ? root.querySelector('figure.chart img').naturalWidth : 0,
        demo: root.querySelector('.demo-mark') ? t(root.querySelector('.demo-mark')) : '',
      };
    });
    assert.match(doc.title, /^Panel report: Autumn 2026/);
    // The printout has the CSV's columns and rows, the total last (each pupil once).
    assert.deepEqual(doc.head, rep(s).columns);
    assert.equal(doc.rows.length, csvRows.length, 'one row per CSV row, the total included');
    for (let i = 0; i < csvRows.length - 1; i++) {
      const c = csvRows[i], r = doc.rows[i];
      assert.equal(r[0], c[0]);
      assert.equal(r[2], c[2]);
      assert.deepEqual(r.slice(3), c.slice(3));
    }
    const total = doc.rows[doc.rows.length - 1];
    assert.match(total[0], /^Total/);
    assert.deepEqual(total.slice(3), csvRows[csvRows.length - 1].slice(3));
    assert.equal(doc.img, 'data:image/png;base64,');
    assert.equal(doc.imgWidth, 900);
    assert.match(doc.demo, /^DEMO/);

    const { name, bytes } = await download(page, () => click(page, 'Save chart as PNG'));
    assert.match(name, /^panel-report-2026-\d\d-\d\d-2026-\d\d-\d\d\.png$/);
    const png = await describePng(page, bytes, [70, 130, 200]);
    assert.equal(png.width, 900);
    assert.equal(png.height, 420);
    assert.ok(png.inked > 0.03, `the chart is drawn: ${png.inked}`);
    assert.ok(png.probeHits > 100, 'the "Proposed" bars are drawn');
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});

// Issue 13 item 9: a local authority officer sets the planner up with the authority's name and its
// three-digit code (no school URN is asked for), and the panel report opens on the new workspace.
test('a local authority officer sets up with the LA code, not a school URN', async () => {
  const b = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, record } = await openApp(b.context, server);
    await waitState(page, (s) => s.phase === 'first_run');
    await click(page, '#role');
    await nextFrames(page, 3);
    await click(page, 'Local authority officer');
    await waitState(page, (st) => st.firstRun.role === 'la_officer');
    await typeInto(page, '#school', 'Norfolk County Council Inclusion Team');
    await typeInto(page, '#urn', '123456');
    let s = await waitState(page, (st) => /local authority's code/.test(st.firstRun.missing));
    assert.equal(s.firstRun.missing, "Enter your local authority's code (3 digits).");
    await click(page, '#urn');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('926', { delay: 12 });
    await chooseLa(page, 'Norfolk County Council');
    await typeInto(page, '#staff', 'Mr Test Officer');
    await typeInto(page, '#passphrase', PASS);
    await typeInto(page, '#confirm', PASS);
    await click(page, 'I understand a forgotten passphrase cannot be recovered');
    s = await waitState(page, (st) => st.firstRun.missing === '');
    await click(page, 'Create workspace');
    await waitState(page, (st) => st.phase === 'open');
    s = await openReport(page);
    assert.equal(rep(s).rows, 0);
    assert.deepEqual(record.errors, []);
  } finally { await b.close(); }
});
