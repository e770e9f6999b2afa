// The pages of the pick-mode tests (tests/e2e/pick.test.mjs), served by pages.mjs.
import { readFileSync } from 'node:fs';

const PICK_DIR = new URL('../../fixtures/pick/', import.meta.url);

export const PICK_PAGES = {
  // The automatic choice takes a long archive essay in the left rail over the shorter story.
  '/pick/sidebar-wins.html': () => ({ body: readFileSync(new URL('sidebar-wins.html', PICK_DIR)) }),
};

/** Text only the story has, and text only the rail's essay has. */
export const PICK_TEXT = {
  story: ["adds an early crossing at six o'clock", 'one hour later than this year', 'fifty pence a day in January'],
  essay: 'a squat steamer called the Morning Star',
};
