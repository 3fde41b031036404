// One case per protocol walked through the real UI (tests/browser/walk.mjs), Norfolk and
// Worcestershire, from the new-case wizard to the outcome with each protocol's own milestones, then
// reloaded and read back; and the child-looked-after gates of Worcestershire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, findItem } from './harness.mjs';
import { state, waitState } from './flows.mjs';
import { QUERY, VIEWPORT, agreement, boardDecides, createWorkspace, detail, hostAccepts, notice, record, review, school, server, start, views, walk, wizard } from './walk.mjs';

test('Norfolk: the four nearest schools, Fair Access and a joint meeting before the trial, then review and return', async () => {
  await walk('Norfolk County Council', 'off-site direction converting to managed move', 'Nora Nftest',
    { tick: ['The parents agree to the move'] },
    [views,
     (p) => detail(p, 'Nearest schools named by LA Admissions',
       { '#urn_1': school('Marshgate High School', '100002'), '#moves_in_1': '1', '#moves_out_1': '0', '#urn_2': school('Reedham Park Academy', '100003') }),
     hostAccepts,
     (p) => detail(p, 'Agreement obtained', { '#gate': ['Fair Access team'] }),
     (p) => detail(p, 'Meeting held', { '#kind': ['Meeting of both schools'] }),
     (p) => agreement(p, 8), boardDecides, notice, start],
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
