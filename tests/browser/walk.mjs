// walk.mjs: walking one case through the real UI, from the new-case wizard to the outcome, as a
// deputy head does: the steps shared by the walkthrough files (one file per group of protocols, so
// two can run at once).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp, click, findItem, hasItem, items, nextFrames, waitForFirstFrame } from './harness.mjs';
import { state, waitState, typeInto as typeIntoField } from './flows.mjs';

export let server;   // one static server per test file (each file is its own process)
before(async () => { server = await startServer(); });
after(() => server && server.stop());

export const PASS = 'orchard kettle lantern ribbon';
export const TODAY = '2026-09-07';                       // a Monday in the autumn term
export const QUERY = `?test&today=${TODAY}`;
export const VIEWPORT = { width: 1366, height: 768 };   // the laptop a deputy head uses: long dialogs scroll

// A walkthrough's typing replaces what a field holds (a corrected date, a suggested title).
export const typeInto = (page, label, text) => typeIntoField(page, label, text, { replace: true });

// What a person reads (issue 13): no internal identifier (snake_case), no JSON and no file name in
// any label or option on screen. Field ids ("#urn") and window ids are the locator's, not shown.
const INTERNAL = /\b[a-z]+_[a-z0-9_]+\b|\.(json|txt|cpp)\b|JSON/;
export async function assertPlainWords(page, where) {
  const shown = (await items(page)).filter((it) => it.w > 0 && !it.label.startsWith('#') && !it.label.includes('/'));
  const bad = shown.map((it) => it.label).filter((l) => INTERNAL.test(l));
  assert.deepEqual(bad, [], `internal words on screen ${where}`);
}
export function assertPlainText(texts, where) {
  const bad = texts.filter((t) => INTERNAL.test(t));
  assert.deepEqual(bad, [], `internal words in ${where}`);
}

export async function choose(page, combo, option) {
  await click(page, combo);
  await nextFrames(page, 3);   // the list opens on the frame after the press
  await assertPlainWords(page, `among the options of ${combo}`);
  await click(page, option);
  await nextFrames(page, 2);
}

export async function createWorkspace(page, la) {
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
export async function wizard(page, { kind, tick = [], pupil, parentView = null }) {
  await click(page, 'New case');
  await choose(page, '#kind', kind);
  await click(page, 'Next');
  await findItem(page, 'The pupil has an EHCP');
  for (const box of tick) { await click(page, box); await nextFrames(page, 2); }
  if (parentView) await typeInto(page, '#parent_view', parentView);
  const s = await state(page);
  await assertPlainWords(page, 'in the screening questions');
  await click(page, 'Next');
  await typeInto(page, '#pupil_name', pupil);
  await assertPlainWords(page, "on the pupil's step");
  await click(page, 'Create case');
  await waitState(page, (st, p) => st.view === 'case' && st.cases.some((c) => c.pupil === p), pupil);
  return s.wizard;
}

// One entry through "Record what happened": the action's button, the way (if not the first),
// then fields: '#name' -> text (or [combo option], or a function such as school()), 'Label' -> a checkbox click.
export async function record(page, action, way, fields = {}, { optional = false, confirm = false } = {}) {
  const before = (await state(page)).cases[0].events;
  await click(page, action);
  await findItem(page, 'Cancel', { window: 'Record what happened' });
  if (way) await choose(page, '#way', way);
  if (optional) { await click(page, 'More details (optional)'); await nextFrames(page, 2); }
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'function') await value(page, name);
    else if (Array.isArray(value)) await choose(page, name, value[0]);
    else if (value === true) { await click(page, name); await nextFrames(page, 2); }
    else await typeInto(page, name, value);
  }
  if (confirm) {
    await click(page, 'Record…');
    // The first press asks for confirmation (or names what is wrong): wait for that, and say which.
    await waitState(page, (s) => s.caseView.dialog && (s.caseView.dialog.confirmNeeded || s.caseView.dialog.problems.length > 0))
      .catch((e) => { throw new Error(`the first press of Record… for "${action}" asked nothing: ${e.message}`); });
    const d = (await state(page)).caseView.dialog;
    assert.deepEqual(d.problems, [], `Record… for "${action}" found problems in the form ${JSON.stringify(d.values)}`);
  }
  await assertPlainWords(page, `in the form for ${action} / ${way}`);
  await click(page, 'Record');
  const added = (s, n) => s.cases[0].events > n;
  await waitState(page, added, before, 20000).catch(async (e) => {
    const dialog = (await state(page)).caseView?.dialog;
    throw new Error(`recording "${action}" / ${way} did not add an event; the dialog: ${JSON.stringify(dialog)}; ${e.message}`);
  });
}

// A school chosen as a person does: by typing part of its name into the picker and taking it from
// the list; when the school list does not have it yet, it is added there with its URN.
export const school = (name, urn) => async (page, combo) => {
  await click(page, combo);
  await nextFrames(page, 3);
  await typeInto(page, '#find', name);
  const option = `${name} (URN ${urn})`;
  if (await hasItem(page, option)) await click(page, option);
  else {
    await typeInto(page, '#school_urn', urn);
    await click(page, 'Add and choose');
  }
  await nextFrames(page, 2);
};

export const views = (page) => record(page, 'Record details, views, consents and notes', 'Views recorded', { '#who': ['Pupil'], '#text': 'I want a fresh start' });
export const detail = (page, way, fields, opts) => record(page, 'Record details, views, consents and notes', way, fields, opts);
// A decision comes from a school that was approached: the approach first, then its answer.
export const hostAccepts = async (page) => {
  await record(page, 'Approach a host school / record its decision', 'Host school approached', { '#urn': school('Marshgate High School', '100002') });
  await record(page, 'Approach a host school / record its decision', 'Host school decision', { '#urn': school('Marshgate High School', '100002'), 'Accepted *': true });
};
export const agreement = (page, weeks, extra = {}) => record(page, 'Record the signed placement agreement', null,
  { '#start': '14/09/2026', '#duration_weeks': String(weeks), ...extra }, { optional: Object.keys(extra).length > 0 });
// The governing board's decision to direct (s29A) comes before the notice.
export const boardDecides = (page) => detail(page, 'Agreement obtained', { '#gate': ['Governing board decision'] });
// The notice starts from what the case says (the agreed length as school days); the rest of what
// regulation 3 asks for is typed in, as the deputy head would from the host's details.
export const notice = (page) => record(page, 'Record the written notice to parents', null, {
  '#days': async (p) => {
    const values = (await state(p)).caseView.dialog.values;
    assert.match(values.days || '', /^[1-9][0-9]*$/, `the notice starts with the agreed length in school days: ${JSON.stringify(values)}`);
  },
  '#address': '1 Marsh Road, Broadwater', '#report_to': 'Mr Host at reception', '#reasons': 'Disruption in lessons',
  '#session_times': '08:40 to 15:10',
});
// What happened is recorded once it has happened: the day moves on (the page reopens on a later
// date, as the deputy head comes back to the case), then the first day, the review and the return.
export async function dayComes(page, today) {
  await waitState(page, (s) => s.save.dirty === 0 && s.save.inFlight === 0);
  await reopen(page, (await state(page)).cases[0].pupil, () => page.goto(`${server.url}?test&today=${today}`));
}

// Loads the page again (`load`), unlocks, and opens the pupil's case; returns the state then.
async function reopen(page, pupil, load) {
  await load();
  await waitForFirstFrame(page);
  await waitState(page, (s) => s.phase === 'locked');
  await typeInto(page, '#unlockpass', PASS);
  await click(page, 'Unlock');
  await waitState(page, (s) => s.phase === 'open');
  await click(page, pupil);
  return waitState(page, (s) => s.view === 'case' && s.caseView);
}
export const start = async (page) => {
  await dayComes(page, '2026-09-14');
  await record(page, 'Record the first day of the placement', null, { '#date': '14/09/2026' });
};
export const review = async (page) => {
  await dayComes(page, '2026-10-05');
  // After the review the board decides for how long the direction continues (reg 4).
  await record(page, 'Record a review meeting', null,
    { '#date': '05/10/2026', '#continue_until': '23/10/2026', '#pupil_views': 'Settling in well' }, { optional: true });
};
export const returned = async (page) => {
  await dayComes(page, '2026-10-26');
  await record(page, 'Record the return to the home school', 'Outcome: Returned to the home school', { '#date': '26/10/2026' }, { confirm: true });
};

// Reload, unlock, open the case, and read back its state, timeline and history.
export async function reloadAndCheck(page, pupil, milestones) {
  const s = await reopen(page, pupil, () => page.reload());
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
  assertPlainText([...cv.history, ...cv.historyDetails], 'the history');
  assertPlainText(cv.timeline.map((m) => m.label), 'the timeline');
  await click(page, 'Timeline');
  await findItem(page, 'Zoom in');
  return s;
}

// A watch for walk() that counts every mouse, pointer, wheel and touch event the page receives (and,
// with `tab`, every Tab key), and fails at the end if there was one. Counted in this process, so a
// reload of the page (the walkthrough reopens it as the days pass) loses none.
export function noPointer({ tab = false } = {}) {
  const seen = [];
  return {
    before: async (context) => {
      await context.exposeBinding('cpPointerEvent', (_source, type) => { seen.push(type); });
      await context.addInitScript((tab) => {
        for (const type of ['mousedown', 'mouseup', 'mousemove', 'click', 'pointerdown', 'pointermove', 'wheel', 'touchstart'])
          window.addEventListener(type, (e) => { if (e.isTrusted) window.cpPointerEvent(type); }, true);
        if (tab) window.addEventListener('keydown', (e) => { if (e.key === 'Tab') window.cpPointerEvent('Tab'); }, true);
      }, tab);
    },
    after: async () => { assert.deepEqual(seen, [], `no mouse, pointer or touch event${tab ? ' and no Tab' : ''} reached the page`); },
  };
}

// `watch`, when given, is called with the browser before the page opens and with the page at the end.
export async function walk(la, kind, pupil, wizardOpts, steps, milestones, watch = null) {
  const b = await launch({ viewport: VIEWPORT });
  try {
    if (watch) await watch.before(b.context);
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
    if (watch) await watch.after(page);
  } finally { await b.close(); }
}
