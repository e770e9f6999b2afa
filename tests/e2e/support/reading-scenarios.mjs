// The reading tools' end-to-end scenarios (download, print, contents, read aloud, reader keys),
// written once and run against each browser's driver by tests/e2e/reading-tools.test.mjs.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { waitFor } from './overlay-waits.mjs';
import { SECTIONS } from './reading-pages.mjs';
import { withPage } from './scenarios.mjs';

export const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

/** The centre of the reader's element matching `selector`, for a real mouse click. */
async function boxOf(env, page, selector) {
  const box = await env.driver.evaluateInOverlay(page, (root, query) => {
    const element = root.querySelector(query);
    if (!element || element.getClientRects().length === 0) return null;
    const rect = element.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, selector);
  assert.ok(box, `${selector} is shown`);
  return box;
}

const click = async (env, page, selector) => {
  const { x, y } = await boxOf(env, page, selector);
  await page.mouse.click(x, y);
};

/** The one file a download put in `directory`, once it is whole (no partial-download suffix). */
async function downloadedFile(directory) {
  const name = await waitFor(async () => {
    const names = await readdir(directory);
    // Firefox writes into NAME.part beside an empty NAME, Chromium into a .crdownload: done when only the file is left, with its text.
    if (names.length !== 1 || /\.(crdownload|part)$/.test(names[0])) return false;
    return (await stat(join(directory, names[0]))).size > 0 && names[0];
  }, 10000, `one finished file in ${directory}`);
  return { name, text: await readFile(join(directory, name), 'utf8') };
}

function assertArticleMarkdown(env, text) {
  assert.ok(text.startsWith('# The old bridge\n\n['), `the default template: title, then the source line: ${text.slice(0, 80)}`);
  assert.ok(text.includes(`${env.server.origin}/sections.html`), 'the source line links the page');
  for (const section of SECTIONS) assert.match(text, new RegExp(`^#{2,3} ${section}$`, 'm'));
  assert.ok(text.includes('[the bridge guide](https://example.org/bridges)'));
  assert.ok(!text.includes('PAGE-NAVIGATION') && !text.includes('PAGE-FOOTER'), 'only the article');
}

/** Page objects in a PDF, in plain objects and in compressed object streams (Firefox's PDFs keep them there). */
function pdfPageCount(pdf) {
  const raw = pdf.toString('latin1');
  const texts = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (an image, a font): no page objects in it.
    }
  }
  return texts.reduce((count, text) => count + (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length, 0);
}

/** Records, inside the closed shadow root, every sentence the highlight wraps (read back with `marksSeen`). */
const recordMarks = (env, page) => env.driver.evaluateInOverlay(page, (root) => {
  root.seenMarks = [];
  new MutationObserver(() => {
    const text = Array.from(root.querySelectorAll('mark.speaking'), (mark) => mark.textContent).join('');
    if (text && root.seenMarks.at(-1) !== text) root.seenMarks.push(text);
  }).observe(root, { childList: true, subtree: true });
  return true;
});
const marksSeen = (env, page) => env.driver.evaluateInOverlay(page, (root) => root.seenMarks ?? []);
const chooseTheme = (env, page, theme) => env.driver.evaluateInOverlay(page, (root, value) => {
  const select = root.querySelector('select.theme');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}, theme);
const speaking = (page) => page.evaluate(() => speechSynthesis.speaking);

export function defineReadingScenarios(test, env) {
  test('Download .md: the toolbar button and the D key write the article under its title, as Copy makes it', async () => {
    await withPage(env, '/sections.html', async (page) => {
      await env.driver.openWithAction(page);
      await env.clearDownloads();
      await click(env, page, 'button.download');
      const file = await downloadedFile(env.downloads);
      assert.equal(file.name, 'The old bridge.md');
      assertArticleMarkdown(env, file.text);
      const status = await env.driver.evaluateInOverlay(page, (root) => root.querySelector('.status').textContent);
      assert.equal(status, 'Saving The old bridge.md');
      await env.clearDownloads();
      await page.keyboard.press('d');
      assert.equal((await downloadedFile(env.downloads)).text, file.text, 'the key saves the same file');
    });
  });

  test('Download as Markdown from the context menu, reader closed: the file is written, nothing is added to the page', async () => {
    await withPage(env, '/sections.html', async (page) => {
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      await env.clearDownloads();
      await env.menuClick(page, 'readmark-download');
      const file = await downloadedFile(env.downloads);
      assert.equal(file.name, 'The old bridge.md');
      assertArticleMarkdown(env, file.text);
      assert.equal((await env.driver.overlay(page)).present, false, 'the reader stays closed');
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the page is as it was');
    });
  });

  test('table of contents: O opens it, a link jumps to its section inside the reader and marks it; the page keeps its ids', async () => {
    await withPage(env, '/sections.html', async (page) => {
      await env.driver.openWithAction(page);
      const listed = await waitFor(() => env.driver.evaluateInOverlay(page, (root) => {
        const button = root.querySelector('button.contents-toggle');
        return !button.hidden && Array.from(root.querySelectorAll('.contents a'), (link) => link.textContent);
      }), 3000, 'the contents button');
      assert.deepEqual(listed, SECTIONS);
      await page.keyboard.press('o');
      const opened = await env.driver.evaluateInOverlay(page, (root) => ({
        panel: !root.querySelector('.contents').hidden,
        expanded: root.querySelector('button.contents-toggle').getAttribute('aria-expanded'),
        focused: root.activeElement?.textContent,
      }));
      assert.deepEqual(opened, { panel: true, expanded: 'true', focused: SECTIONS[0] });
      if (env.driver.name === 'chromium') {
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}reader-contents.png` });
      }
      await click(env, page, `.contents li:nth-child(3) a`);
      const jumped = await waitFor(() => env.driver.evaluateInOverlay(page, (root, wanted) => {
        const scroller = root.querySelector('.scroller');
        const heading = root.getElementById('readmark-section-3');
        const offset = heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        const current = root.querySelector('.contents a[aria-current="location"]')?.textContent;
        return current === wanted && { offset, scrollTop: scroller.scrollTop, focused: root.activeElement === heading, heading: heading.textContent };
      }, SECTIONS[2]), 3000, 'the third section to be marked current');
      assert.equal(jumped.heading, SECTIONS[2]);
      assert.ok(jumped.scrollTop > 0 && jumped.offset >= 0 && jumped.offset < 40, `the heading is at the top of the reader: ${JSON.stringify(jumped)}`);
      assert.ok(jumped.focused, 'focus moves to the section');
      assert.equal(await page.evaluate(() => [window.scrollY, document.querySelectorAll('[id^="readmark-section"]').length].join()), '0,0', 'the page neither scrolled nor got ids');
      await env.driver.evaluateInOverlay(page, (root) => { root.querySelector('.scroller').scrollTop = 0; });
      await waitFor(() => env.driver.evaluateInOverlay(page, (root) => !root.querySelector('.contents a[aria-current]')), 3000, 'no section marked above the first heading');
    });
  });

  test('print media: only the article, black on white, no toolbar, link targets shown; the page under it hidden', async () => {
    await withPage(env, '/sections.html', async (page) => {
      await env.driver.openWithAction(page);
      await chooseTheme(env, page, 'dark');
      await env.setPrintMedia(page, true);
      try {
        const printed = await waitFor(() => env.driver.evaluateInOverlay(page, (root) => {
          const style = (selector, property, pseudo) => getComputedStyle(root.querySelector(selector), pseudo).getPropertyValue(property);
          return matchMedia('print').matches && {
            toolbar: style('.toolbar', 'display'),
            background: style('dialog', 'background-color'),
            color: style('.content p', 'color'),
            link: style('.content a[href^="https:"]', 'content', '::after'),
            scroller: style('.scroller', 'overflow-y'),
          };
        }), 3000, 'print media in the reader');
        const { link, ...layout } = printed;
        assert.deepEqual(layout, { toolbar: 'none', background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)', scroller: 'visible' }, 'black on white whatever the theme, no toolbar, nothing clipped');
        assert.match(link, /^" \(" attr\(href\) "\)"$|^" \(https:\/\/example\.org\/bridges\)"$/, `the link's target follows it: ${link}`);
        const pageShows = await page.evaluate(() => ({ body: getComputedStyle(document.body).display, overflow: getComputedStyle(document.documentElement).overflow }));
        assert.deepEqual(pageShows, { body: 'none', overflow: 'visible' });
        if (env.driver.name === 'chromium') await page.screenshot({ path: `${env.artifacts}chromium-print-media.png` });
      } finally {
        await env.setPrintMedia(page, false);
        await chooseTheme(env, page, 'system');
      }
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'on screen the page is back');
      const pdf = await page.pdf();
      const pages = pdfPageCount(Buffer.from(pdf));
      assert.ok(pages >= 2, `the article runs across pages when printed (${pages})`);
      const state = await env.driver.overlay(page);
      assert.equal(state.modal, true, 'after printing the reader is back in the top layer');
    });
  });

  test('read aloud: S speaks sentence by sentence with real voices, the highlight moves and stays in view, pause keeps the place, Esc stops speech', async () => {
    await withPage(env, '/sections.html', async (page) => {
      await env.driver.openWithAction(page);
      await recordMarks(env, page);
      await page.keyboard.press('s');
      const expected = ['The old bridge', 'Short first sentence.', 'A second sentence follows it.', 'See the bridge guide for more.'];
      await waitFor(async () => (await marksSeen(env, page)).length >= 3, 20000, 'three sentences highlighted in turn');
      // One utterance per sentence: between two, `speaking` is briefly false (seen in Firefox).
      assert.equal(await waitFor(() => speaking(page), 3000, 'the browser speaking'), true, 'the browser is speaking');
      if (env.driver.name === 'chromium') await page.screenshot({ path: `${SCREENSHOTS}reader-read-aloud.png` });
      await page.keyboard.press('s');
      const paused = await waitFor(() => env.driver.evaluateInOverlay(page, (root) => {
        const label = root.querySelector('button.read-aloud').textContent;
        return label.includes('Resume') && { label, mark: root.querySelector('mark.speaking')?.textContent };
      }), 3000, 'the Resume label');
      assert.ok(paused.mark, 'the place is kept while paused');
      await waitFor(async () => !(await speaking(page)), 5000, 'speech to pause');
      await page.keyboard.press('s');
      await waitFor(async () => (await marksSeen(env, page)).length >= 5, 20000, 'reading to go on');
      const seen = await marksSeen(env, page);
      assert.deepEqual(seen.slice(0, 4), expected, 'one sentence at a time, in order');
      assert.ok(seen.includes('Why the bridge matters'), 'headings are read too');
      const inView = await env.driver.evaluateInOverlay(page, (root) => {
        const mark = root.querySelector('mark.speaking')?.getBoundingClientRect();
        const view = root.querySelector('.scroller').getBoundingClientRect();
        return Boolean(mark) && mark.top >= view.top && mark.bottom <= view.bottom;
      });
      assert.ok(inView, 'the sentence being read is in view');
      await page.keyboard.press('Escape');
      await env.driver.waitForOverlay(page, (state) => !state.present);
      await waitFor(async () => !(await speaking(page)) && !(await page.evaluate(() => speechSynthesis.pending)), 5000, 'speech to stop with the reader');
    });
  });

  test('read aloud in Chinese: sentences end at 。！？ (Intl.Segmenter in the browser), a Chinese voice is asked for', async () => {
    await withPage(env, '/chinese.html', async (page) => {
      await env.driver.openWithAction(page);
      await recordMarks(env, page);
      await page.keyboard.press('s');
      await waitFor(async () => (await marksSeen(env, page)).length >= 4, 30000, 'four sentences highlighted');
      assert.deepEqual((await marksSeen(env, page)).slice(0, 4), ['古桥的故事', '第1段：小镇保留了那座古老的石桥。', '每天早上，面包师、老师和船夫都从桥上走过！', '他们会谈论天气吗？']);
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await speaking(page)), 5000, 'speech to stop with the reader');
    });
  });

  test('reader keys: + and T act, not while focus is in the theme select or with Ctrl held', async () => {
    await withPage(env, '/sections.html', async (page) => {
      const opened = await env.driver.openWithAction(page);
      await chooseTheme(env, page, 'system');
      const size = Number.parseInt(opened.fontSizeVar, 10);
      await page.keyboard.press('+');
      await env.driver.waitForOverlay(page, (state) => state.fontSizeVar === `${size + 2}px`);
      await page.keyboard.press('-');
      await env.driver.waitForOverlay(page, (state) => state.fontSizeVar === `${size}px`);
      await page.keyboard.press('t');
      await env.driver.waitForOverlay(page, (state) => state.theme === 'light');
      await env.driver.evaluateInOverlay(page, (root) => root.querySelector('select.theme').focus());
      await page.keyboard.press('o');
      await page.keyboard.down('Control');
      await page.keyboard.press('-');
      await page.keyboard.up('Control');
      await page.keyboard.press('ArrowUp');
      // The select took the arrow key itself: proof the keys went to it, and that O and Ctrl+- did nothing.
      const state = await env.driver.waitForOverlay(page, (snapshot) => snapshot.theme === 'system');
      assert.equal(state.fontSizeVar, `${size}px`);
      assert.equal(await env.driver.evaluateInOverlay(page, (root) => root.querySelector('.contents').hidden), true, 'O typed in the select did not open the contents');
    });
  });

  test('the options page lists the reader keys from the same table', async () => {
    const options = await env.driver.newPage(env.driver.extensionUrl('options.html'));
    try {
      const keys = await waitFor(() => options.evaluate(() => {
        const items = Array.from(document.querySelectorAll('#reader-keys li'), (item) => item.textContent);
        return items.length > 0 && items;
      }), 3000, 'the reader key list');
      assert.deepEqual(keys, ['+ = Larger text', '- Smaller text', 'T Next theme', 'O Show or hide the contents', 'S Read aloud, pause, resume', 'C Copy as Markdown', 'D Download .md', 'P Print', 'Esc Close the reader']);
      assert.equal(await options.evaluate(() => document.querySelectorAll('#shortcuts kbd').length), 3, 'the browser commands (toggle, copy, pick) are listed apart');
    } finally {
      await options.close();
    }
  });
}

/** With no voice: the control is disabled and says so. */
export function defineNoVoiceScenario(test, env, waitMs) {
  test('read aloud with no voice: the control is disabled and says so', async () => {
    await withPage(env, '/sections.html', async (page) => {
      await env.driver.openWithAction(page);
      const control = await waitFor(() => env.driver.evaluateInOverlay(page, (root) => {
        const button = root.querySelector('button.read-aloud');
        return button.disabled && { label: button.textContent, speed: root.querySelector('select.speech-rate').disabled };
      }), waitMs, 'the disabled control');
      assert.deepEqual(control, { label: 'No voice to read aloud', speed: true });
      await page.keyboard.press('s');
      assert.equal((await env.driver.overlay(page)).open, true, 'S does nothing harmful');
    });
  });
}

export async function emptyDirectory(directory) {
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
}
