// Through the accessibility mirror only (issue 15, "one through the mirror only"): the Hammersmith &
// Fulham walkthrough of walk.mjs, from setting up the workspace to the return and the reloaded
// history, with every press made as a screen reader makes it (harness.mjs, useMirrorOnly: the page's
// focus moved to the item's element in the mirror, then a click on that element) and every field
// typed into from the keyboard once it takes typing. The page receives no mouse, pointer or touch
// event and no Tab: a screen reader user who never sees the canvas can take a case through.
import { test } from 'node:test';
import { useMirrorOnly } from './harness.mjs';
import { agreement, boardDecides, detail, hostAccepts, noPointer, notice, start, views, walk } from './walk.mjs';

useMirrorOnly();

test('through the accessibility mirror only: a whole Hammersmith & Fulham case, as a screen reader user', async () => {
  await walk('London Borough of Hammersmith & Fulham', 'off-site direction converting to managed move', 'Mira Mirror',
    { tick: ['The parents agree to the move', 'Their agreement is in writing'] },
    [views, (p) => detail(p, 'Meeting held', { '#kind': ['Initial meeting'] }), hostAccepts, (p) => agreement(p, 6), boardDecides, notice, start],
    ['Meeting held', 'Consent recorded'], noPointer({ tab: true }));
});
