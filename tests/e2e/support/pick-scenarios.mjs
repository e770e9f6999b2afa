// Pick mode, per-site parts and selections in the reader, written once and run against each
// browser's driver (support/chromium.mjs, support/firefox.mjs). `env.menuClick(page, id)` clicks a
// context-menu entry the way that browser does (granting activeTab), `env.shadowOf(page, tag, fn, arg)`
// evaluates `fn(shadowRoot, arg)` with the closed shadow root of the element named `tag`, and
// `env.command(page, name)` runs an extension command as its key would.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { PICK_TEXT } from './pick-pages.mjs';
import { ARTIFACTS, waitFor, waitForStoredOptions, withPage } from './scenarios.mjs';

const PAGE = '/pick/sidebar-wins.html';
const TITLE = 'Harbour council approves new ferry timetable';

/** What the tests compare before and after: the page's whole DOM, what the user typed, where the page is scrolled. */
const pageState = (page) => page.evaluate(() => ({ html: document.documentElement.outerHTML, typed: document.getElementById('q').value, scrollY: window.scrollY }));

/** The page's own listeners' counts start again from zero (page-side JS state, not the DOM). */
const resetListenerCounts = (page) => page.evaluate(() => { window.seen = { bubble: {}, story: {}, capture: {}, captureTargets: [] }; });
const listenerCounts = (page) => page.evaluate(() => window.seen);

/** A page element's box, read from the page. */
const boxOf = (page, selector) => page.evaluate((css) => {
  const box = document.querySelector(css).getBoundingClientRect();
  return { left: box.left, top: box.top, width: box.width, height: box.height, x: box.left + box.width / 2, y: box.top + box.height / 2 };
}, selector);

/** Pick mode's layer as the user sees it: the outline's box and label, and the hint; null without the layer. */
function pickLayerState(root) {
  if (!root) return null;
  const layer = root.querySelector('.layer');
  const outline = root.querySelector('.outline').getBoundingClientRect();
  return {
    shown: layer.matches(':popover-open'),
    label: root.querySelector('.label').textContent,
    status: root.querySelector('.status').textContent,
    hint: root.querySelector('.hint').textContent,
    outline: { left: outline.left, top: outline.top, width: outline.width, height: outline.height },
  };
}

/** The reader's part note (the remember checkbox or the selection note), and the pick button's centre. */
function readerPartState(root) {
  if (!root) return null;
  const centre = (element) => {
    if (!element) return null;
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };
  const checkbox = root.querySelector('input.remember-choice');
  return {
    pickButton: centre(root.querySelector('button.pick')),
    pickLabel: root.querySelector('button.pick')?.textContent ?? null,
    note: root.querySelector('.part-note')?.textContent ?? null,
    remember: checkbox ? { ...centre(checkbox), checked: checkbox.checked, status: root.querySelector('.part-note .status')?.textContent ?? '' } : null,
  };
}

const sameBox = (a, b) => ['left', 'top', 'width', 'height'].every((key) => Math.abs(a[key] - b[key]) < 1.5);

async function waitForOutline(env, page, selector, label) {
  const target = await boxOf(page, selector);
  let last;
  try {
    return await waitFor(async () => {
      last = await env.shadowOf(page, 'readmark-pick', pickLayerState);
      return last?.shown && last.label === label && sameBox(last.outline, target) && last;
    }, 3000, `the outline on ${selector}`);
  } catch (error) {
    throw new Error(`${error.message}; last seen ${JSON.stringify(last)}, target ${JSON.stringify(target)}`);
  }
}

const pickLayerGone = async (env, page) => waitFor(async () => (await env.shadowOf(page, 'readmark-pick', (root) => root === null)) && (await page.evaluate(() => !document.querySelector('readmark-pick'))), 3000, 'pick mode to end');

/**
 * A screenshot for the artifacts. Playwright hides the text caret by styling the focused element,
 * which leaves an empty `style` attribute on the page's input: Chromium keeps the caret instead.
 */
async function screenshot(env, page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${env.driver.name}-${name}.png`, ...(env.driver.name === 'chromium' ? { caret: 'initial' } : {}) });
}

/** Types into the page's search box (real key presses) and scrolls it a little: what must survive. */
async function userState(page) {
  await page.click('#q');
  await page.keyboard.type('ferry times');
  await page.evaluate(() => window.scrollTo(0, 40));
  await waitFor(() => page.evaluate(() => window.scrollY === 40), 2000, 'the page scrolled');
}

async function closeReader(env, page) {
  await page.keyboard.press('Escape');
  await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
}

/** The reader's "Not the right part?" button, clicked with the mouse; pick mode's layer shows. */
async function pickFromReader(env, page) {
  const part = await env.driver.evaluateInOverlay(page, readerPartState);
  await page.mouse.click(part.pickButton.x, part.pickButton.y);
  return waitFor(async () => {
    const layer = await env.shadowOf(page, 'readmark-pick', pickLayerState);
    return layer?.shown && layer;
  }, 3000, 'pick mode');
}

async function assertStoryShown(env, page) {
  const state = await env.driver.waitForOverlay(page, (snapshot) => snapshot.open && snapshot.articleText.includes(PICK_TEXT.story[0]), 5000);
  assert.equal(state.title, TITLE);
  for (const sentence of PICK_TEXT.story) assert.ok(state.articleText.includes(sentence), `the story: ${sentence}`);
  assert.ok(!state.articleText.includes(PICK_TEXT.essay), 'not the rail');
  assert.match(state.meta, /Harbour Gazette/, "the page's site name");
  return state;
}

export function definePickScenarios(test, env) {
  test('the pick fixture: the automatic choice shows the rail essay, not the story', async () => {
    await withPage(env, PAGE, async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.ok(state.articleText.includes(PICK_TEXT.essay), 'the rail essay');
      assert.ok(!state.articleText.includes(PICK_TEXT.story[0]), 'not the story');
    });
  });

  test('pick mode from the reader: pointing, arrow keys and the wheel widen and narrow, Enter takes the story; the page saw nothing and is unchanged', async () => {
    await withPage(env, PAGE, async (page) => {
      await userState(page);
      const before = await pageState(page);
      await env.driver.openWithAction(page);
      const layer = await pickFromReader(env, page);
      assert.match(layer.hint, /Enter/);
      await resetListenerCounts(page);

      const paragraph = await boxOf(page, 'article.story p:nth-of-type(3)');
      await page.mouse.move(paragraph.x - 40, paragraph.y, { steps: 1 });
      await page.mouse.move(paragraph.x, paragraph.y, { steps: 4 });
      const onParagraph = await waitForOutline(env, page, 'article.story p:nth-of-type(3)', 'p');
      assert.equal(onParagraph.status, 'Chosen: p', 'announced to assistive technology');
      await page.keyboard.press('ArrowUp');
      await waitForOutline(env, page, 'article.story', 'article.story');
      // Wider: the wrapper that shares the story's box is skipped; the column's box holds the heading's margin.
      await env.driver.wheel(page, -100);
      await waitForOutline(env, page, 'div.main', 'div.main.css-1x2y3z');
      await page.keyboard.press('ArrowUp');
      await waitForOutline(env, page, 'div.page', 'div.page');
      await env.driver.wheel(page, 100);
      await waitForOutline(env, page, 'div.main', 'div.main.css-1x2y3z');
      await page.keyboard.press('ArrowDown');
      await waitForOutline(env, page, 'article.story', 'article.story');
      await page.keyboard.press('ArrowDown');
      await waitForOutline(env, page, 'article.story p:nth-of-type(3)', 'p');
      await page.keyboard.press('ArrowUp');
      await waitForOutline(env, page, 'article.story', 'article.story');
      await screenshot(env, page, 'pick-mode');
      await page.keyboard.press('Enter');

      await assertStoryShown(env, page);
      await pickLayerGone(env, page);
      const seen = await listenerCounts(page);
      assert.deepEqual(seen.bubble, {}, "the page's document listeners saw no event of pick mode");
      assert.deepEqual(seen.story, {}, "the story's own listeners saw no event of pick mode");
      // A page's capture listener on the window runs before any extension's: it may see an event,
      // but only as one at the extension's hosts or the body (keys, with the reader stepped aside), never at its content.
      for (const target of seen.captureTargets) assert.ok(['readmark-pick', 'readmark-reader', 'body'].includes(target), `capture-phase target ${target}`);
      console.log(`${env.driver.name}: the page's window capture listeners saw ${JSON.stringify(seen.capture)} at ${seen.captureTargets.join(', ')}`);
      const part = await env.driver.evaluateInOverlay(page, readerPartState);
      assert.equal(part.remember?.checked, false, 'the offer to remember, not taken yet');
      assert.match(part.note, /Use this part on 127\.0\.0\.1:\d+ next time/);
      await screenshot(env, page, 'picked');

      await closeReader(env, page);
      assert.deepEqual(await pageState(page), before, 'DOM, typed text and scroll as they were');
    });
  });

  test('Escape in pick mode goes back to the reader as it was; pick mode from the context menu, cancelled, leaves the page as it was', async () => {
    await withPage(env, PAGE, async (page) => {
      await userState(page);
      const before = await pageState(page);
      const opened = await env.driver.openWithAction(page);
      const readerScroll = () => env.driver.evaluateInOverlay(page, (root) => root.querySelector('.scroller').scrollTop);
      await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 200; });
      assert.equal(await readerScroll(), 200);
      await pickFromReader(env, page);
      await page.keyboard.press('Escape');
      await pickLayerGone(env, page);
      const back = await env.driver.waitForOverlay(page, (snapshot) => snapshot.open);
      assert.equal(back.articleText, opened.articleText, 'the same article');
      assert.equal(await readerScroll(), 200, 'where the reader was scrolled to');
      assert.equal(back.activeElement, 'div.scroller', 'focus back in the reader');
      await closeReader(env, page);

      await env.menuClick(page, 'readmark-pick-part');
      await waitFor(async () => (await env.shadowOf(page, 'readmark-pick', pickLayerState))?.shown, 3000, 'pick mode from the menu');
      await resetListenerCounts(page);
      const story = await boxOf(page, 'article.story h1');
      await page.mouse.move(story.x, story.y, { steps: 3 });
      await waitForOutline(env, page, 'article.story h1', 'h1');
      await page.keyboard.press('Escape');
      await pickLayerGone(env, page);
      assert.equal((await env.driver.overlay(page)).present, false, 'no reader after leaving pick mode started from the page');
      const seen = await listenerCounts(page);
      assert.deepEqual(seen.bubble, {});
      assert.deepEqual(seen.story, {});
      assert.deepEqual(await pageState(page), before);
    });
  });

  test('keyboard: Tab reaches "Not the right part?" and Enter starts pick mode; ← → move between blocks; Shift+wheel scrolls the page, which sees no wheel event', async () => {
    await withPage(env, PAGE, async (page) => {
      await env.driver.openWithAction(page);
      for (let press = 0; press < 20 && (await env.driver.overlay(page)).activeElement !== 'button.pick'; press++) await page.keyboard.press('Tab');
      assert.equal((await env.driver.overlay(page)).activeElement, 'button.pick', 'Tab reaches the pick button');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await env.shadowOf(page, 'readmark-pick', pickLayerState))?.shown, 3000, 'pick mode from the keyboard');
      await resetListenerCounts(page);
      const heading = await boxOf(page, 'article.story h1');
      await page.mouse.move(heading.x, heading.y, { steps: 3 });
      await waitForOutline(env, page, 'article.story h1', 'h1');
      await page.keyboard.press('ArrowRight');
      await waitForOutline(env, page, 'article.story p.byline', 'p.byline');
      await page.keyboard.press('ArrowRight');
      await waitForOutline(env, page, 'article.story p:nth-of-type(2)', 'p');
      await page.keyboard.press('ArrowLeft');
      await waitForOutline(env, page, 'article.story p.byline', 'p.byline');

      const scrolledBefore = await page.evaluate(() => window.scrollY);
      await page.keyboard.down('Shift');
      await env.driver.wheel(page, 100);
      await page.keyboard.up('Shift');
      await waitFor(() => page.evaluate((from) => window.scrollY > from, scrolledBefore), 3000, 'Shift+wheel to scroll the page');
      await page.keyboard.press('PageDown');
      const afterPageDown = await waitFor(() => page.evaluate((from) => window.scrollY > from + 300 && window.scrollY, scrolledBefore), 3000, 'Page Down to scroll the page');
      const seen = await listenerCounts(page);
      assert.deepEqual(seen.bubble, {}, 'no event reached the document');
      assert.deepEqual(seen.story, {});
      await page.keyboard.press('Escape');
      await pickLayerGone(env, page);
      const back = await env.driver.waitForOverlay(page, (snapshot) => snapshot.open);
      assert.equal(back.activeElement, 'div.scroller');
      assert.ok(afterPageDown > scrolledBefore);
    });
  });

  test('the pick-part command starts pick mode; Enter takes the block outlined', async () => {
    await withPage(env, PAGE, async (page) => {
      // The command needs activeTab, which only a real gesture grants: one toolbar click first.
      await env.driver.openWithAction(page);
      await closeReader(env, page);
      await env.command(page, 'pick-part');
      await waitFor(async () => (await env.shadowOf(page, 'readmark-pick', pickLayerState))?.shown, 3000, 'pick mode from the command');
      const heading = await boxOf(page, 'article.story h1');
      await page.mouse.move(heading.x, heading.y, { steps: 3 });
      await waitForOutline(env, page, 'article.story h1', 'h1');
      await page.keyboard.press('ArrowUp');
      await waitForOutline(env, page, 'article.story', 'article.story');
      await page.keyboard.press('Enter');
      await assertStoryShown(env, page);
    });
  });

  test('the per-site choice: a click takes the story, "Use this part" remembers it, the reload shows it, the options page removes it', async () => {
    await withPage(env, PAGE, async (page) => {
      const host = new URL(page.url()).host;
      const key = `siteChoice:${host}`;
      await env.driver.openWithAction(page);
      await pickFromReader(env, page);
      const paragraph = await boxOf(page, 'article.story p:nth-of-type(2)');
      await page.mouse.move(paragraph.x, paragraph.y, { steps: 3 });
      await waitForOutline(env, page, 'article.story p:nth-of-type(2)', 'p');
      await page.keyboard.press('ArrowUp');
      await waitForOutline(env, page, 'article.story', 'article.story');
      // The click lands on the paragraph: inside the widened block, which stays the one taken.
      await page.mouse.click(paragraph.x, paragraph.y);
      await assertStoryShown(env, page);
      const offer = await env.driver.evaluateInOverlay(page, readerPartState);
      await page.mouse.click(offer.remember.x, offer.remember.y);
      const saved = await waitFor(async () => {
        const part = await env.driver.evaluateInOverlay(page, readerPartState);
        return part.remember.status !== '' && part;
      }, 3000, 'the choice saved');
      assert.equal(saved.remember.checked, true);
      assert.equal(saved.remember.status, `Remembered for ${host}`);
      const stored = await waitForStoredOptions(env, page, (items) => items[key], 'the site choice');
      assert.deepEqual(stored[key], { selector: 'article.story' });
      await closeReader(env, page);

      await page.reload({ waitUntil: 'load' });
      const reloaded = await env.driver.openWithAction(page);
      assert.ok(reloaded.articleText.includes(PICK_TEXT.story[0]), 'the remembered part, first');
      assert.ok(!reloaded.articleText.includes(PICK_TEXT.essay));
      assert.equal((await env.driver.evaluateInOverlay(page, readerPartState)).remember?.checked, true, 'shown as remembered');
      await closeReader(env, page);

      const options = await env.driver.newPage(env.driver.extensionUrl('options.html'));
      try {
        const listed = await waitFor(() => options.evaluate(() => {
          const items = Array.from(document.querySelectorAll('#site-choices li'));
          return items.length > 0 && items.map((item) => ({ host: item.querySelector('.host').textContent, selector: item.querySelector('.selector').textContent, label: item.querySelector('button.remove').getAttribute('aria-label') }));
        }), 3000, 'the remembered sites listed');
        assert.deepEqual(listed, [{ host, selector: 'article.story', label: `Remove the part chosen for ${host}` }]);
        assert.equal(await options.evaluate(() => document.getElementById('site-choices-none').hidden), true);
        await options.click('#site-choices button.remove');
        await waitFor(() => options.evaluate(() => document.querySelectorAll('#site-choices li').length === 0 && !document.getElementById('site-choices-none').hidden), 3000, 'the list emptied');
        const left = await options.evaluate(() => chrome.storage.sync.get(null));
        assert.equal(left[key], undefined, 'removed from storage');
      } finally {
        await options.close();
        await page.bringToFront();
      }

      const automatic = await env.driver.openWithAction(page);
      assert.ok(automatic.articleText.includes(PICK_TEXT.essay), 'the automatic choice again');
    });
  });

  test('a selection opens in the reader (button and context menu); a few words selected do not', async () => {
    await withPage(env, PAGE, async (page) => {
      await userState(page);
      const select = (from, to) => page.evaluate(([start, end]) => {
        const paragraphs = document.querySelectorAll('article.story p');
        const range = document.createRange();
        range.setStart(paragraphs[start].firstChild, 0);
        range.setEnd(paragraphs[end].firstChild, end === start ? 30 : paragraphs[end].firstChild.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return getSelection().toString();
      }, [from, to]);
      const selected = await select(1, 2);
      const before = await pageState(page);

      const state = await env.driver.openWithAction(page);
      assert.ok(state.articleText.includes(PICK_TEXT.story[0]) && state.articleText.includes(PICK_TEXT.story[1]), 'the selected paragraphs');
      assert.ok(!state.articleText.includes(PICK_TEXT.story[2]), 'not the paragraph after the selection');
      assert.ok(!state.articleText.includes(PICK_TEXT.essay));
      assert.equal(state.title, TITLE);
      assert.match((await env.driver.evaluateInOverlay(page, readerPartState)).note, /The text you selected/);
      await closeReader(env, page);
      // Firefox drops the page's selection when the reader hands focus back to the search box (the
      // reader's way with focus since before pick mode); Chromium keeps it.
      if (env.driver.name === 'chromium') assert.equal(await page.evaluate(() => getSelection().toString()), selected, 'the selection is kept');
      assert.equal(await select(1, 2), selected);

      await env.menuClick(page, 'readmark-open');
      const fromMenu = await env.driver.waitForOverlay(page, (snapshot) => snapshot.open);
      assert.ok(fromMenu.articleText.includes(PICK_TEXT.story[1]) && !fromMenu.articleText.includes(PICK_TEXT.essay), 'the menu opens the selection too');
      await closeReader(env, page);

      const fewWords = await select(1, 1);
      assert.ok(fewWords.split(/\s+/).length < 10, fewWords);
      const whole = await env.driver.openWithAction(page);
      assert.ok(whole.articleText.includes(PICK_TEXT.essay), 'a few words: the page is read as usual');
      assert.equal((await env.driver.evaluateInOverlay(page, readerPartState)).note, null);
      await closeReader(env, page);
      await select(1, 2);
      assert.deepEqual(await pageState(page), before);
    });
  });
}
