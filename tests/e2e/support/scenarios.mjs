// The end-to-end scenarios, written once and run against each browser's driver
// (support/chromium.mjs, support/firefox.mjs). Each scenario uses a fresh tab.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { SEED_EXPECT } from './pages.mjs';
import { waitFor } from './overlay-waits.mjs';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
/** For a check that nothing happens within `ms`: every other wait awaits a condition. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let pageCounter = 0;
/** A unique URL per tab: the drivers find a tab by its URL. */
export const unique = (server, path) => server.url(`${path}${path.includes('?') ? '&' : '?'}tab=${++pageCounter}`);

async function withPage(env, path, run) {
  const page = await env.driver.newPage(unique(env.server, path));
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}

/**
 * Polls the options the extension has stored, read in its own options page (which writes only
 * when its form changes), until `predicate` holds; then brings `page` back to the front.
 */
export async function waitForStoredOptions(env, page, predicate, message) {
  const optionsPage = await env.driver.newPage(env.driver.extensionUrl('options.html'));
  try {
    return await waitFor(async () => {
      const stored = await optionsPage.evaluate(() => chrome.storage.sync.get(null));
      return predicate(stored) && stored;
    }, 3000, `stored options: ${message}`);
  } finally {
    await optionsPage.close();
    await page.bringToFront();
  }
}

const clickIn = async (page, box) => {
  assert.ok(box, 'the control exists');
  await page.mouse.click(box.x, box.y);
};

/** Assertions shared by every path that shows the seed article. */
export function assertSeedArticle(state) {
  assert.equal(state.open, true, 'the dialog is open');
  assert.equal(state.modal, true, 'the dialog is modal');
  assert.equal(state.title, SEED_EXPECT.title);
  assert.equal(state.label, SEED_EXPECT.title, 'the dialog is labelled by the title');
  assert.equal(state.articleLang, SEED_EXPECT.lang);
  for (const sentence of SEED_EXPECT.must_contain) assert.ok(state.articleText.includes(sentence), `article keeps: ${sentence}`);
  for (const fragment of SEED_EXPECT.must_not_contain) assert.ok(!state.articleHtml.includes(fragment), `article drops: ${fragment}`);
  for (const fragment of SEED_EXPECT.should_not_contain) assert.ok(!state.articleHtml.includes(fragment), `site promotion dropped: ${fragment}`);
  assert.ok(!state.images.some((src) => src.includes('gfw-breaker.win')), 'the tracking pixel is gone');
  assert.ok(state.images.some((src) => src.includes('img5.secretchina.com')), 'the article image stays');
  assert.match(state.meta, /min read/);
  assert.ok(state.originalHref?.startsWith('http://127.0.0.1:'), 'links to the original');
}

export function defineScenarios(test, env) {
  test('toolbar button opens the reader with the seed article, without ads, hidden spans or pixel', async () => {
    await withPage(env, '/seed.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assertSeedArticle(state);
      assert.equal(state.activeElement, 'div.scroller', 'focus moved into the dialog');
    });
  });

  test('copy as Markdown from the overlay button: "Copied" only after the clipboard holds the article', async () => {
    await env.driver.grantClipboard?.(env.server.origin);
    await withPage(env, '/seed.html', async (page) => {
      await env.driver.openWithAction(page);
      await env.driver.writeClipboard(page, 'SENTINEL-BEFORE-COPY').catch(() => undefined);
      const before = await env.driver.overlay(page);
      assert.equal(before.status, '');
      await clickIn(page, before.buttons.copy);
      const after = await env.driver.waitForOverlay(page, (state) => state.status !== '');
      assert.equal(after.statusState, 'ok', `status: ${after.status}`);
      assert.equal(after.status, 'Copied');
      const markdown = await env.driver.readClipboard(page);
      assert.notEqual(markdown, 'SENTINEL-BEFORE-COPY');
      // The default template: the title, then the source line linking the page.
      assert.ok(markdown.startsWith(`# ${SEED_EXPECT.title}\n\n[`), `starts with the title and the source line: ${markdown.slice(0, 120)}`);
      assert.match(markdown, new RegExp(`\\]\\(<${env.server.origin.replace(/[.]/g, '\\.')}/seed\\.html[^>]*>\\)`));
      for (const sentence of SEED_EXPECT.must_contain) assert.ok(markdown.includes(sentence), `markdown keeps: ${sentence}`);
      for (const fragment of SEED_EXPECT.must_not_contain) assert.ok(!markdown.includes(fragment), `markdown drops: ${fragment}`);
      assert.match(markdown, /!\[哈萨克斯坦总统[^\]]*\]\(https:\/\/img5\.secretchina\.com\/pic\/2022\/1-6\/p3074791a886718341-ss\.jpg\)/);
    });
  });

  test('keyboard: Tab and Shift+Tab cycle through every control inside the reader and never reach the page; focus the page takes is handed back', async () => {
    await withPage(env, '/selection.html', async (page) => {
      await env.driver.openWithAction(page);
      const focusedInPage = () => page.evaluate(() => document.activeElement?.localName ?? null);
      const visited = [];
      for (let press = 0; press < 20; press++) {
        await page.keyboard.press('Tab');
        visited.push((await env.driver.overlay(page)).activeElement);
        assert.equal(await focusedInPage(), 'readmark-reader', `Tab ${press + 1} stays in the reader`);
      }
      for (const control of ['button.copy', 'button.smaller', 'button.larger', 'select.theme', 'select.width', 'button.close', 'div.scroller', 'a.original', 'a']) {
        assert.ok(visited.includes(control), `Tab reaches ${control} (visited: ${visited.join(', ')})`);
      }
      const firstAgain = visited.indexOf('button.copy', visited.indexOf('button.copy') + 1);
      assert.ok(firstAgain > 0, 'Tab wraps from the last control to the first');
      // The cycle ends at visited[firstAgain - 1]: Shift+Tab from the first control goes back there.
      while ((await env.driver.overlay(page)).activeElement !== 'button.copy') await page.keyboard.press('Tab');
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      assert.equal(await focusedInPage(), 'readmark-reader', 'Shift+Tab stays in the reader');
      assert.equal((await env.driver.overlay(page)).activeElement, visited[firstAgain - 1], 'Shift+Tab from the first control wraps to the last');
      await page.evaluate(() => document.querySelector('a')?.focus());
      assert.equal(await focusedInPage(), 'readmark-reader', "the page's own focus() call is handed back to the reader");
      assert.equal((await env.driver.overlay(page)).activeElement, 'div.scroller');
    });
  });

  test('toggle: the button closes and reopens; Esc and the close button close; focus returns', async () => {
    await withPage(env, '/seed.html', async (page) => {
      await page.evaluate(() => {
        const button = document.createElement('button');
        button.id = 'focus-origin';
        button.textContent = 'origin';
        document.body.prepend(button);
        button.focus();
      });
      await env.driver.openWithAction(page);
      await env.driver.clickAction(page);
      assert.equal((await env.driver.waitForOverlay(page, (state) => !state.present)).present, false, 'second click closes');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'focus-origin', 'focus returned');
      assert.equal(await page.evaluate(() => document.querySelectorAll('readmark-reader').length), 0);

      await env.driver.openWithAction(page);
      assert.equal(await page.evaluate(() => document.querySelectorAll('readmark-reader').length), 1, 'one overlay, never two');
      await page.keyboard.press('Escape');
      assert.equal((await env.driver.waitForOverlay(page, (state) => !state.present)).present, false, 'Esc closes');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'focus-origin');

      const reopened = await env.driver.openWithAction(page);
      await clickIn(page, reopened.buttons.close);
      assert.equal((await env.driver.waitForOverlay(page, (state) => !state.present)).present, false, 'close button closes');
    });
  });

  test('hostile page CSS (!important on every element) and page scripts cannot change the overlay', async () => {
    await withPage(env, '/hostile.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      const runsAtOpen = await page.evaluate(() => window.tamperRuns);
      await waitFor(async () => (await page.evaluate(() => window.tamperRuns)) >= runsAtOpen + 5, 3000, "five more runs of the page's tampering interval");
      const later = await env.driver.overlay(page);
      for (const snapshot of [state, later]) {
        assert.equal(snapshot.open, true);
        assert.equal(snapshot.title, 'Hostile styles story');
        assert.equal(snapshot.styles.dialogDisplay, 'flex');
        assert.equal(snapshot.styles.dialogVisibility, 'visible');
        assert.equal(snapshot.styles.dialogOpacity, '1');
        assert.equal(snapshot.styles.paragraphFontSize, '18px');
        assert.notEqual(snapshot.styles.titleColor, 'rgb(255, 0, 0)');
        assert.equal(snapshot.styles.dialogBackground, 'rgb(251, 251, 248)');
        assert.ok(snapshot.dialogBox.width >= snapshot.viewport.width - 1 && snapshot.dialogBox.height >= snapshot.viewport.height - 1, 'covers the viewport');
      }
      assert.ok(later.articleText.includes('Paragraph 10'), 'content intact');
      assert.equal(await page.evaluate(() => document.querySelector('readmark-reader')?.shadowRoot ?? null), null, 'the page cannot reach the shadow root');
      await page.screenshot({ path: `${ARTIFACTS}${env.driver.name}-hostile.png` });
    });
  });

  test('a page that hides its own root (html { display: none }) still gets a visible overlay, and its root back as it was', async () => {
    await withPage(env, '/hidden-root.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.title, 'Hidden root story');
      assert.ok(state.articleText.includes('Paragraph 10'));
      assert.ok(state.dialogBox.width >= state.viewport.width - 1 && state.dialogBox.height >= state.viewport.height - 1, 'the overlay has boxes and covers the viewport');
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).display), 'none', "the page's own style is back");
    });
  });

  test("a long article's far blocks skip layout until scrolled near, a short one's never do; scrolled to the end, the last paragraph shows", async () => {
    const blocks = (root) => {
      const paragraphs = Array.from(root.querySelectorAll('.content p'));
      const last = paragraphs[paragraphs.length - 1];
      const box = last?.getBoundingClientRect();
      const scroller = root.querySelector('.scroller').getBoundingClientRect();
      return {
        count: paragraphs.length,
        firstSkips: getComputedStyle(paragraphs[0]).contentVisibility,
        lastSkips: getComputedStyle(last).contentVisibility,
        lastText: last?.textContent ?? '',
        lastHeight: box?.height ?? 0,
        // The size a skipped block keeps (contain-intrinsic-size: 1.5em) until it is laid out.
        placeholderHeight: last ? 1.5 * Number.parseFloat(getComputedStyle(last).fontSize) : 0,
        lastOnScreen: Boolean(box && box.top >= scroller.top && box.bottom <= scroller.bottom),
      };
    };
    await withPage(env, '/seed.html', async (page) => {
      await env.driver.openWithAction(page);
      const short = await env.driver.evaluateInOverlay(page, blocks);
      assert.equal(short.firstSkips, 'visible', 'a short article is laid out whole');
    });
    await withPage(env, '/long-article.html', async (page) => {
      await env.driver.openWithAction(page);
      // The blocks past the first screens follow the reader's first frame.
      const long = await waitFor(async () => {
        const state = await env.driver.evaluateInOverlay(page, blocks);
        return state.count === 300 && state;
      }, 5000, 'all 300 paragraphs in the reader');
      assert.equal(long.lastSkips, 'auto', "a long article's blocks may skip layout");
      assert.ok(Math.abs(long.lastHeight - long.placeholderHeight) < 1, `the last paragraph, far off-screen, was not laid out (${long.lastHeight} px, placeholder ${long.placeholderHeight} px)`);
      await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 1e7; });
      const end = await waitFor(async () => {
        await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 1e7; });
        const state = await env.driver.evaluateInOverlay(page, blocks);
        return state.lastOnScreen && state.lastHeight > 2 * state.placeholderHeight && state;
      }, 5000, 'the last paragraph on screen, laid out');
      assert.match(end.lastText, /^Paragraph 300: the river town/);
    });
  });

  test('a page over the size limit says so instead of freezing the tab, and "Show anyway" reads it', async () => {
    await withPage(env, '/huge.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.match(state.title, /^This page is too large to read quickly \(60,0\d\d elements; the limit is 50,000\)$/);
      assert.equal(state.label, state.title, 'the notice labels the dialog');
      await clickIn(page, state.buttons.showAnyway);
      const forced = await env.driver.waitForOverlay(page, (snapshot) => snapshot.title === 'Huge page story', 10000);
      assert.ok(forced.articleText.includes('Paragraph 10'));
    });
  });

  test('strict page CSP (default-src none) does not break the overlay', async () => {
    await withPage(env, '/csp.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.title, 'Strict CSP story');
      assert.equal(state.styles.toolbarDisplay, 'flex', 'the overlay stylesheet applied');
      assert.equal(state.styles.dialogBackground, 'rgb(251, 251, 248)');
      assert.ok(state.articleText.includes('Paragraph 10'));
    });
  });

  test('a one-paragraph brief and a list-shaped roundup open straight into the reader', async () => {
    await withPage(env, '/verdict/brief.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.buttons.showAnyway, null, 'no "not an article" notice');
      assert.match(state.title, /^Large fire at Barking recycling plant/);
      assert.ok(state.articleText.includes('People living nearby have been told to keep their windows and doors closed.'));
    });
    await withPage(env, '/verdict/roundup.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.buttons.showAnyway, null, 'no "not an article" notice');
      assert.ok(state.articleText.includes('Rangers will be at the river from noon to point out spawning fish.'));
    });
  });

  test('a section front of teasers gets the "not an article" notice with "Show anyway"', async () => {
    await withPage(env, '/verdict/section-front.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.match(state.title, /lists other pages/);
      assert.notEqual(state.buttons.showAnyway, null);
    });
  });

  test('a short article under a 200-comment thread shows the article and none of the comments', async () => {
    await withPage(env, '/verdict/thread.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.buttons.showAnyway, null);
      assert.ok(state.articleText.includes('The consultation runs until the end of the month, and a decision is expected in January.'));
      for (const comment of ['I walk past that car park every morning', 'Has anyone asked the traders on Mill Lane', 'Please keep the comments civil']) {
        assert.ok(!state.articleText.includes(comment), `comment left out: ${comment}`);
      }
    });
  });

  test('a page that is not an article says so and offers "Show anyway"', async () => {
    await withPage(env, '/not-article.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      const notice = 'This page has too little text to be an article';
      assert.equal(state.title, notice);
      assert.equal(state.label, notice);
      await clickIn(page, state.buttons.showAnyway);
      const forced = await env.driver.waitForOverlay(page, (snapshot) => snapshot.title !== notice || snapshot.buttons.showAnyway === null, 3000);
      assert.equal(forced.open, true);
      assert.notEqual(forced.title, notice, 'forced extraction shows what it found');
    });
  });

  test('page state: DOM, typed form values, focus and scroll position are unchanged after open and close; scroll is locked while open', async () => {
    await withPage(env, '/state.html', async (page) => {
      await page.evaluate(() => {
        document.getElementById('text').value = 'typed by the user';
        document.getElementById('area').value = 'a draft\nwith two lines';
        document.getElementById('check').checked = true;
        document.getElementById('choice').value = 'two';
        window.scrollTo(0, 1234);
        document.getElementById('trigger').focus({ preventScroll: true });
      });
      const snapshotPage = () => page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        text: document.getElementById('text').value,
        area: document.getElementById('area').value,
        check: document.getElementById('check').checked,
        choice: document.getElementById('choice').value,
        scrollY: window.scrollY,
        focus: document.activeElement?.id,
      }));
      const before = await snapshotPage();
      assert.equal(before.scrollY, 1234);
      const state = await env.driver.openWithAction(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'page scroll locked');
      await page.mouse.move(state.dialogBox.x, state.dialogBox.y);
      await env.driver.wheel(page, 600);
      await waitFor(() => env.driver.evaluateInOverlay(page, (root) => root.querySelector('.scroller').scrollTop > 0), 3000, 'the wheel to scroll the reader');
      assert.equal(await page.evaluate(() => window.scrollY), 1234, 'the page did not scroll under the overlay');
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
      assert.deepEqual(await snapshotPage(), before);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'scroll lock released');
    });
  });

  test('right-to-left article reads right to left', async () => {
    await withPage(env, '/rtl.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.equal(state.title, 'قصة الجسر القديم');
      assert.equal(state.articleDir, 'rtl');
      assert.equal(state.articleLang, 'ar');
      assert.equal(state.direction, 'rtl');
      assert.equal(state.toolbarDirection, 'ltr', 'the English UI stays left to right on a right-to-left page');
      await page.screenshot({ path: `${ARTIFACTS}${env.driver.name}-rtl.png` });
    });
  });

  test('layout signals: stylesheet-hidden text, off-screen boxes and fixed cookie banners are left out', async () => {
    await withPage(env, '/layout.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.ok(state.articleText.includes('Visible sentence about the bridge'));
      for (const hidden of ['STYLESHEET-HIDDEN-TEXT', 'OFFSCREEN-TEXT', 'PULLED-AWAY-TEXT', 'COOKIE-BANNER-TEXT']) assert.ok(!state.articleText.includes(hidden), `${hidden} is left out`);
      assert.ok(await page.evaluate(() => document.body.textContent.includes('STYLESHEET-HIDDEN-TEXT')), 'the live page keeps it');
    });
  });

  test('layout signals: a story its page hides until a script runs still reads, however much inline JSON the page carries', async () => {
    await withPage(env, '/hidden-main.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      assert.ok(state.articleText.includes('SHELL-HIDDEN-STORY-TEXT'), 'the hidden shell holds the story');
    });
  });

  test('network: the open reader makes no requests to tracker URLs', async () => {
    await withPage(env, '/tracker.html', async (page) => {
      const trackerRequests = () => env.server.requests.filter((request) => request.path.startsWith('/track/')).length;
      // The page's three pixels (inline, hidden, footer) loaded before its load event: the test can see them.
      const trackersBefore = await waitFor(() => trackerRequests() >= 3 && trackerRequests(), 3000, "the page's own pixel requests");
      const state = await env.driver.openWithAction(page);
      assert.ok(!state.images.some((src) => src.includes('/track/')), 'no pixel in the article');
      assert.ok(state.images.some((src) => src.includes('/content/photo.gif')), 'the photo stays');
      await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 1e6; });
      await waitFor(() => env.driver.evaluateInOverlay(page, (root) => Array.from(root.querySelectorAll('img')).every((image) => image.complete)), 3000, "the reader's images, scrolled into view, to load");
      // Nothing may happen within this second: a request the open reader made would reach the server in it.
      await sleep(1000);
      assert.equal(trackerRequests(), trackersBefore, 'zero tracker requests while the reader is open');
    });
  });

  test('settings persist: font size and theme chosen in the overlay survive a reopen', async () => {
    await withPage(env, '/csp.html', async (page) => {
      const state = await env.driver.openWithAction(page);
      const startSize = Number.parseInt(state.fontSizeVar, 10);
      await clickIn(page, state.buttons.larger);
      await env.driver.waitForOverlay(page, (snapshot) => snapshot.fontSizeVar === `${startSize + 2}px`);
      await waitForStoredOptions(env, page, (stored) => stored.fontSize === startSize + 2, 'the larger font size');
      await env.driver.evaluateInOverlay(page, (root) => {
        const select = root.querySelector('select.theme');
        select.value = 'sepia';
        select.dispatchEvent(new Event('change'));
      });
      await waitForStoredOptions(env, page, (stored) => stored.theme === 'sepia' && stored.fontSize === startSize + 2, 'the sepia theme beside the larger font size');
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
      const reopened = await env.driver.openWithAction(page);
      assert.equal(reopened.fontSizeVar, `${startSize + 2}px`);
      assert.equal(reopened.theme, 'sepia');
      // Back to the defaults for the other scenarios.
      await env.driver.evaluateInOverlay(page, (root) => {
        const select = root.querySelector('select.theme');
        select.value = 'system';
        select.dispatchEvent(new Event('change'));
      });
      await waitForStoredOptions(env, page, (stored) => stored.theme === 'system', 'the system theme back');
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
      const back = await env.driver.openWithAction(page);
      assert.equal(back.theme, 'system');
      await clickIn(page, back.buttons.smaller);
      await env.driver.waitForOverlay(page, (snapshot) => snapshot.fontSizeVar === `${startSize}px`);
      await waitForStoredOptions(env, page, (stored) => stored.fontSize === startSize, 'the font size back');
    });
  });

  test('screenshots of the overlay, light and dark', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await withPage(env, '/seed.html', async (page) => {
      for (const theme of ['light', 'dark']) {
        await env.driver.openWithAction(page);
        await env.driver.evaluateInOverlay(page, (root, value) => {
          const select = root.querySelector('select.theme');
          select.value = value;
          select.dispatchEvent(new Event('change'));
          root.activeElement?.blur();
        }, theme);
        const state = await env.driver.waitForOverlay(page, (snapshot) => snapshot.theme === theme);
        assert.equal(state.styles.dialogBackground, theme === 'dark' ? 'rgb(23, 24, 26)' : 'rgb(251, 251, 248)');
        await page.screenshot({ path: `${ARTIFACTS}${env.driver.name}-${theme}.png` });
        await page.keyboard.press('Escape');
        await env.driver.waitForOverlay(page, (snapshot) => !snapshot.present);
      }
      await env.driver.openWithAction(page);
      await env.driver.evaluateInOverlay(page, (root) => {
        const select = root.querySelector('select.theme');
        select.value = 'system';
        select.dispatchEvent(new Event('change'));
      });
      await waitForStoredOptions(env, page, (stored) => stored.theme === 'system', 'the system theme back');
    });
  });
}

/** Picks a Markdown template in the options page, as a user's choice in its select would. */
async function chooseTemplate(options, template) {
  await waitFor(() => options.evaluate(() => document.querySelectorAll('select[name=markdownTemplate] option').length === 3), 3000, 'the template choices');
  await options.evaluate((value) => {
    const select = document.querySelector('select[name=markdownTemplate]');
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, template);
  await waitFor(() => options.evaluate(() => document.getElementById('status').textContent === 'Saved'), 3000, 'saved');
}

export { waitFor, sleep, withPage, clickIn };

/** The options page lists both default shortcuts as assigned, and its front-matter switch changes what the overlay copies. */
export function defineOptionsScenario(test, env) {
  test('options page: both default shortcuts assigned; the Markdown template chosen applies to copied Markdown', async () => {
    const options = await env.driver.newPage(env.driver.extensionUrl('options.html'));
    try {
      const shortcuts = await waitFor(async () => {
        const items = await options.evaluate(() => Array.from(document.querySelectorAll('#shortcuts kbd')).map((key) => key.textContent));
        return items.length === 3 && items;
      }, 3000, 'the shortcut list');
      // Pick mode's command has no default key (Chrome takes four suggested keys at most).
      assert.deepEqual([...shortcuts].sort(), ['Alt+Shift+U', 'Alt+Shift+Y', 'not set']);
      const described = await options.evaluate(() => Array.from(document.querySelectorAll('#shortcuts li')).map((item) => item.textContent.replace(/^\S+\s*/, '').trim()));
      assert.ok(described.every((description) => description.length > 0 && !description.startsWith('_')), `every shortcut is described: ${described.join(' | ')}`);
      await chooseTemplate(options, 'front-matter');
    } finally {
      await options.close();
    }
    await env.driver.grantClipboard?.(env.server.origin);
    try {
      await withPage(env, '/csp.html', async (page) => {
        const state = await env.driver.openWithAction(page);
        await clickIn(page, state.buttons.copy);
        const copied = await env.driver.waitForOverlay(page, (snapshot) => snapshot.status !== '');
        assert.equal(copied.statusState, 'ok', copied.status);
        const markdown = await env.driver.readClipboard(page);
        assert.match(markdown, /^---\ntitle: "Strict CSP story"\nsource: "http:\/\/127\.0\.0\.1:\d+\/csp\.html\?tab=\d+"\n/);
      });
    } finally {
      const restore = await env.driver.newPage(env.driver.extensionUrl('options.html'));
      await restore.waitForSelector('select[name=markdownTemplate]');
      await waitFor(() => restore.evaluate(() => document.querySelector('select[name=markdownTemplate]').value === 'front-matter'), 3000, 'options loaded');
      await chooseTemplate(restore, 'heading');
      await restore.close();
    }
  });
}
