// Keyboard only, one whole case (issue 15, "a keyboard-only walkthrough of one full case"): the
// Hammersmith & Fulham walkthrough of walk.mjs, from setting up the workspace to the return and the
// reloaded history, with every press made by the keyboard (harness.mjs, useKeyboardOnly: Tab to the
// item, Enter or Space). The page counts every mouse, pointer, wheel and touch event it receives,
// and there must be none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKeyboardOnly } from './harness.mjs';
import { agreement, boardDecides, detail, hostAccepts, notice, start, views, walk } from './walk.mjs';

useKeyboardOnly();

// Counted in this process, so a reload of the page (the walkthrough reopens it as the days pass)
// loses none.
const seen = [];
const pointerEvents = {
  before: async (context) => {
    await context.exposeBinding('cpPointerEvent', (_source, type) => { seen.push(type); });
    await context.addInitScript(() => {
      for (const type of ['mousedown', 'mouseup', 'mousemove', 'click', 'pointerdown', 'pointermove', 'wheel', 'touchstart'])
        window.addEventListener(type, (e) => { if (e.isTrusted) window.cpPointerEvent(type); }, true);
    });
  },
  after: async () => { assert.deepEqual(seen, [], 'no mouse, pointer or touch event reached the page'); },
};

test('keyboard only: a whole Hammersmith & Fulham case, from the first run to the return, without a mouse', async () => {
  await walk('London Borough of Hammersmith & Fulham', 'off-site direction converting to managed move', 'Kit Keyboard',
    { tick: ['The parents agree to the move', 'Their agreement is in writing'] },
    [views, (p) => detail(p, 'Meeting held', { '#kind': ['Initial meeting'] }), hostAccepts, (p) => agreement(p, 6), boardDecides, notice, start],
    ['Meeting held', 'Consent recorded'], pointerEvents);
});
