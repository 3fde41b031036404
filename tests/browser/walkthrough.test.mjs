// One case per protocol walked through the real UI, from the new-case wizard to the outcome,
// with each protocol's own milestones; then the page is reloaded, unlocked, and the case's
// state, timeline and history are read back. Plus: an action the protocol forbids is not
// offered, and EHCP / CLA gates block as the packs say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp, click, findItem, hasItem, nextFrames, waitForFirstFrame } from './harness.mjs';
import { state, waitState } from './flows.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

const PASS = 'orchard kettle lantern ribbon';
const TODAY = '2026-09-07';                       // a Monday in the autumn term
const QUERY = `?test&today=${TODAY}`;
const VIEWPORT = { width: 1280, height: 1100 };   // the agreement's fields fit in its dialog

async function typeInto(page, label, text) {
  await click(page, label);
  await nextFrames(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 8 });
  await nextFrames(page);
}

async function choose(page, combo, option) {
  await click(page, combo);
  await nextFrames(page, 3);   // the list opens on the frame after the press
  await click(page, option);
  await nextFrames(page, 2);
}

async function createWorkspace(page, la) {
  await typeInto(page, '#school', 'Larkspur Test School');
  await typeInto(page, '#urn', '912345');
  await typeInto(page, '#staff', 'Ms Test Lead');
  await choose(page, '#la', la);
  await typeInto(page, '#passphrase', PASS);
  await typeInto(page, '#confirm', PASS);
  await click(page, 'I understand a forgotten passphrase cannot be recovered');
  await click(page, 'Create workspace');
  await waitState(page, (s) => s.phase === 'open');
}

// The wizard: kind, screening answers (labels of the boxes to tick), then the pupil.
async function wizard(page, { kind, tick = [], pupil, parentView = null }) {
  await click(page, 'New case');
  await choose(page, '#kind', kind);
  await click(page, 'Next');
  await findItem(page, 'The pupil has an EHCP');
  for (const box of tick) { await click(page, box); await nextFrames(page, 2); }
  if (parentView) await typeInto(page, '#parent_view', parentView);
  const s = await state(page);
  await click(page, 'Next');
  await typeInto(page, '#pupil_name', pupil);
  await click(page, 'Create case');
  await waitState(page, (st, p) => st.view === 'case' && st.cases.some((c) => c.pupil === p), pupil);
  return s.wizard;
}

// One entry through "Record what happened": the action's button, the way (if not the first),
// then fields: '#name' -> text (or [combo option]), 'Label' -> a checkbox click.
async function record(page, action, way, fields = {}, { optional = false, confirm = false } = {}) {
  const before = (await state(page)).cases[0].events;
  await click(page, action);
  await findItem(page, 'Cancel', { window: 'Record what happened' });
  if (way) await choose(page, '#way', way);
  if (optional) { await click(page, 'More details (optional)'); await nextFrames(page, 2); }
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) await choose(page, name, value[0]);
    else if (value === true) { await click(page, name); await nextFrames(page, 2); }
    else await typeInto(page, name, value);
  }
  if (confirm) { await click(page, 'Record…'); await nextFrames(page, 2); }
  await click(page, 'Record');
  const added = (s, n) => s.cases[0].events > n;
  await waitState(page, added, before, 20000).catch(async (e) => {
    const dialog = (await state(page)).caseView?.dialog;
    throw new Error(`recording "${action}" / ${way} did not add an event; the dialog: ${JSON.stringify(dialog)}; ${e.message}`);
  });
}

const views = (page) => record(page, 'Record details, views, consents and notes', 'Views recorded', { '#who': ['Pupil'], '#text': 'I want a fresh start' });
const detail = (page, way, fields, opts) => record(page, 'Record details, views, consents and notes', way, fields, opts);
// A decision comes from a school that was approached: the approach first, then its answer.
const hostAccepts = async (page) => {
  await record(page, 'Approach a host school / record its decision', 'Host school approached', { '#urn': '100002' });
  await record(page, 'Approach a host school / record its decision', 'Host school decision', { '#urn': '100002', 'Accepted *': true });
};
const agreement = (page, weeks, extra = {}) => record(page, 'Record the signed placement agreement', null,
  { '#start': '14/09/2026', '#duration_weeks': String(weeks), ...extra }, { optional: Object.keys(extra).length > 0 });
const notice = (page) => record(page, 'Record the written notice to parents', null, {});
// What happened is recorded once it has happened: the day moves on (the page reopens on a later
// date, as the deputy head comes back to the case), then the first day, the review and the return.
async function dayComes(page, today) {
  const pupil = (await state(page)).cases[0].pupil;
  await waitState(page, (s) => s.save.dirty === 0 && s.save.inFlight === 0);
  await page.goto(`${server.url}?test&today=${today}`);
  await waitForFirstFrame(page);
  await waitState(page, (s) => s.phase === 'locked');
  await typeInto(page, '#unlockpass', PASS);
  await click(page, 'Unlock');
  await waitState(page, (s) => s.phase === 'open');
  await click(page, pupil);
  await waitState(page, (s) => s.view === 'case' && s.caseView);
}
const start = async (page) => {
  await dayComes(page, '2026-09-14');
  await record(page, 'Record the first day of the placement', null, { '#date': '14/09/2026' });
};
const review = async (page) => {
  await dayComes(page, '2026-10-05');
  await record(page, 'Record a review meeting', null, { '#date': '05/10/2026', '#pupil_views': 'Settling in well' }, { optional: true });
};
const returned = async (page) => {
  await dayComes(page, '2026-10-26');
  await record(page, 'Record the return to the home school', 'Outcome: Returned to the home school', { '#date': '26/10/2026' }, { confirm: true });
};

// Reload, unlock, open the case, and read back its state, timeline and history.
async function reloadAndCheck(page, pupil, milestones) {
  await page.reload();
  await waitForFirstFrame(page);
  await waitState(page, (s) => s.phase === 'locked');
  await typeInto(page, '#unlockpass', PASS);
  await click(page, 'Unlock');
  await waitState(page, (s) => s.phase === 'open');
  await click(page, pupil);
  const s = await waitState(page, (st) => st.view === 'case' && st.caseView);
  const cv = s.caseView;
  assert.equal(cv.stage, 'returned');
  const kinds = new Set(cv.timeline.map((m) => m.kind));
  for (const k of ['opened', 'placement', 'started', 'review', 'outcome', 'deadline']) assert.ok(kinds.has(k), `timeline has a ${k} mark`);
  assert.ok(cv.timeline.some((m) => m.kind === 'started' && m.date === '2026-09-14'));
  assert.ok(cv.timeline.some((m) => m.kind === 'outcome' && m.date === '2026-10-26'));
  assert.equal(cv.reviews.length, 1);
  assert.equal(cv.reviews[0].pupilVoice, 'Settling in well');
  for (const m of ['Case opened', 'Outcome', 'Review meeting held', 'Placement started', ...milestones])
    assert.ok(cv.history.includes(m), `history has "${m}": ${JSON.stringify(cv.history)}`);
  await click(page, 'Timeline');
  await findItem(page, 'Zoom in');
  return s;
}

async function walk(la, kind, pupil, wizardOpts, steps, milestones) {
  const b = await launch({ viewport: VIEWPORT });
  try {
    const { page, record: rec } = await openApp(b.context, server, { query: QUERY });
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page, la);
    await wizard(page, { kind, pupil, ...wizardOpts });
    for (const step of steps) await step(page);
    await review(page);
    await returned(page);
    await waitState(page, (s) => s.cases[0].stage === 'returned' && s.save.dirty === 0 && s.save.inFlight === 0);
    await reloadAndCheck(page, pupil, milestones);
    assert.deepEqual(rec.errors, []);
  } finally { await b.close(); }
}

test('Oxfordshire: consent, visit, full information and a written contract before a direction, then review and return', async () => {
  await walk('Oxfordshire County Council', 'off-site direction converting to managed move', 'Olive Oxtest',
    { tick: ['The parents agree to the move'] },
    [views,
     (p) => detail(p, 'Consent recorded', { '#who': ['Pupil'], 'Consent given *': true }),
     (p) => detail(p, 'Visit to the receiving school', {}),
     (p) => record(p, "Share the pupil's information", null, { '#items': 'academic\nbehaviour\nattendance\nsend_safeguarding' }),
     hostAccepts,
     (p) => agreement(p, 6, { '#success_criteria': 'Attend every day', '#host_support': 'Mentor', '#home_support': 'Weekly call' }),
     notice, start],
    ['Visit to the receiving school', 'Information shared with host', 'Consent recorded']);
});

test('Hammersmith & Fulham: written consent, a meeting the pupil engages in, then review and return', async () => {
  await walk('London Borough of Hammersmith & Fulham', 'off-site direction converting to managed move', 'Hamish Hftest',
    { tick: ['The parents agree to the move', 'Their agreement is in writing'] },
    [views, (p) => detail(p, 'Meeting held', { '#kind': ['Initial meeting'] }), hostAccepts, (p) => agreement(p, 6), notice, start],
    ['Meeting held', 'Consent recorded']);
});

test('Thurrock: GDPR form, student passport and panel before a host, then review and return', async () => {
  await walk('Thurrock Council', 'off-site direction converting to managed move', 'Theo Thtest',
    { tick: ['The parents agree to the move'] },
    [views,
     (p) => detail(p, 'Signed GDPR form held', {}),
     (p) => detail(p, 'Pupil passport section', { '#section': ['Student passport'], '#fields': 'summary: attached' }),
     (p) => detail(p, 'Presented at panel: Agreed', {}),
     hostAccepts, (p) => agreement(p, 12), notice, start],
    ['Signed GDPR form held', 'Pupil passport section', 'Presented at panel']);
});

test('Norfolk: the four nearest schools, Fair Access and a joint meeting before the trial, then review and return', async () => {
  await walk('Norfolk County Council', 'off-site direction converting to managed move', 'Nora Nftest',
    { tick: ['The parents agree to the move'] },
    [views,
     (p) => detail(p, 'Nearest schools named by LA Admissions', { '#schools': '[{"urn": "100002", "moves_in": 1, "moves_out": 0}]' }),
     hostAccepts,
     (p) => detail(p, 'Agreement obtained', { '#gate': ['Fair Access team'] }),
     (p) => detail(p, 'Meeting held', { '#kind': ['Meeting of both schools'] }),
     (p) => agreement(p, 8), notice, start],
    ['Nearest schools named by LA Admissions', 'Agreement obtained', 'Meeting held']);
});

test("Worcestershire: parents' views, the board's decision and agreed reviews before a direction, then review and return", async () => {
  await walk('Worcestershire County Council', 'off-site direction', 'Wren Wotest',
    { tick: ["The parents' views are known"], parentView: 'We want her to do well' },
    [views,
     (p) => detail(p, 'Agreement obtained', { '#gate': ['Governing board decision'] }),
     hostAccepts,
     (p) => agreement(p, 6, { '#review_every_weeks': '3' }),
     notice, start],
    ['Views recorded', 'Agreement obtained', 'Written notice of the direction sent']);
});

test('an EHCP bars a Hammersmith & Fulham managed move at screening, and approaching a host is not offered', async () => {
  const b = await launch({ viewport: VIEWPORT });
  try {
    const { page } = await openApp(b.context, server, { query: QUERY });
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page, 'London Borough of Hammersmith & Fulham');
    const w = await wizard(page, { kind: 'off-site direction converting to managed move', pupil: 'Eli Ehcptest',
                                   tick: ['The pupil has an EHCP', 'The parents agree to the move', 'Their agreement is in writing'] });
    const gate = w.gates.find((g) => g.rule === 'hammersmith-fulham/ehcp-excluded');
    assert.ok(gate, 'the wizard showed the EHCP gate: ' + JSON.stringify(w.gates));
    assert.equal(gate.bars, true);
    assert.equal(gate.paragraph, 'section 3 (Principles), bullet 7');
    const s = await waitState(page, (st) => st.caseView && st.caseView.flags.ehcp);
    assert.ok(!s.cases[0].allowed.includes('propose_host'), 'approaching a host is not allowed');
    assert.ok(s.cases[0].allowed.includes('record_details'));
    assert.equal(await hasItem(page, 'Approach a host school / record its decision'), false, 'no button for it');
    await findItem(page, 'Not possible yet');
  } finally { await b.close(); }
});

test('a child looked after needs the Virtual School and the social worker before a Worcestershire host is approached', async () => {
  const b = await launch({ viewport: VIEWPORT });
  try {
    const { page } = await openApp(b.context, server, { query: QUERY });
    await waitState(page, (s) => s.phase === 'first_run');
    await createWorkspace(page, 'Worcestershire County Council');
    const w = await wizard(page, { kind: 'off-site direction', pupil: 'Cara Clatest', tick: ['The pupil is a child looked after (CLA)'] });
    const rules = w.gates.filter((g) => g.topic === 'cla').map((g) => g.rule).sort();
    assert.deepEqual(rules, ['worcestershire/cla-social-worker', 'worcestershire/cla-virtual-school']);
    let s = await waitState(page, (st) => st.caseView && st.caseView.flags.cla);
    assert.ok(!s.cases[0].allowed.includes('propose_host'));
    await detail(page, 'Agreement obtained', { '#gate': ['Virtual School'] });
    s = await state(page);
    assert.ok(!s.cases[0].allowed.includes('propose_host'), 'the social worker is still needed');
    await detail(page, 'Agreement obtained', { '#gate': ['Social worker'] });
    s = await waitState(page, (st) => st.cases[0].allowed.includes('propose_host'));
    await findItem(page, 'Approach a host school / record its decision');
  } finally { await b.close(); }
});
