// Hostile pages through the real extension, in Chromium and in Firefox ESR: a page whose own
// script nests 5,000 deep, one whose story sits 2,000 deep, one past the nesting bound, and a
// fixed sample of the fuzz run's mutated corpus pages.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { BROWSER_BOUNDS, BROWSER_TIME_LIMIT_MS } from '../../src/core/page-bounds.ts';
import { basePages } from '../fuzz/harness.ts';
import { mutate, prng } from '../fuzz/mutate.ts';
import { unsafeInHtml } from '../fuzz/safety.ts';
import { launchChromium } from './support/chromium.mjs';
import { launchFirefox } from './support/firefox.mjs';
import { waitFor } from './support/overlay-waits.mjs';

const SCRIPT_DEPTH = 5_000;
/** A task this long makes a tab feel frozen; the bound for anything after the reader answers. */
const LONG_TASK_MS = 300;
/** Mutated pages per browser: the fuzz run's first seeds, the same in every run. */
const FUZZ_SEEDS = Array.from({ length: 6 }, (_, index) => 9_001 + index);

/**
 * The page builds its tree under a hidden element, then measures its own main thread: the longest gap
 * between two timer ticks since the test asked it to start watching.
 */
const DEEP_SCRIPT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deep by script</title></head><body>
<article><h1>Deep by script</h1>${Array.from({ length: 8 }, (_, index) => `<p>Paragraph ${index + 1} of a story whose page goes on to build a very deep tree with its own script, deeper than any parser builds from markup.</p>`).join('')}</article>
<script>
  // Hidden: Chromium's own renderer crashes painting a visible tree past about 3,000 levels.
  let parent = document.body.appendChild(document.createElement('div'));
  parent.hidden = true;
  for (let level = 0; level < ${SCRIPT_DEPTH}; level++) {
    const child = document.createElement('div');
    child.append('level ' + level);
    parent.append(child);
    parent = child;
  }
  window.longestGap = 0;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.longestGap = Math.max(window.longestGap, now - last);
    last = now;
  }, 20);
  window.startWatching = () => { window.longestGap = 0; last = performance.now(); };
</script></body></html>`;

const STORY = Array.from({ length: 40 }, (_, index) => `<p>Paragraph ${index + 1} of the story, a sentence long enough to be read as prose by any reader.</p>`).join('');
/**
 * Chromium paints 2,000 levels (not 3,000); the story, 1,000 paragraphs long, sits at the bottom,
 * as in the fuzz run's seed 56: Readability scores every level against all below it.
 */
const VISIBLE_DEPTH = 2_000;
const DEEP_STORY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deep story</title></head><body>
<h1>Deep story</h1><div id="top"></div>
<script>
  let parent = document.getElementById('top');
  for (let level = 0; level < ${VISIBLE_DEPTH}; level++) {
    const child = document.createElement('div');
    const line = document.createElement('p');
    line.textContent = 'x';
    child.append(line);
    parent.append(child);
    parent = child;
  }
  parent.insertAdjacentHTML('beforeend', ${JSON.stringify(STORY.repeat(25))});
</script></body></html>`;
/** No script: a template that leaves 240 divs unclosed before 2,400 paragraphs, past the nesting bound. */
const UNCLOSED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unclosed</title></head><body>
<h1>Unclosed</h1>${'<div>'.repeat(240)}${STORY.repeat(60)}</body></html>`;

function fuzzPages() {
  const bases = basePages();
  return FUZZ_SEEDS.map((seed) => {
    const random = prng(seed);
    const base = bases[Math.floor(random() * bases.length)];
    return { seed, name: base.name, ...mutate(base.bytes, random) };
  });
}

async function startHostileServer(pages) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const fixed = { '/deep-script.html': DEEP_SCRIPT_PAGE, '/deep-story.html': DEEP_STORY_PAGE, '/unclosed.html': UNCLOSED_PAGE }[pathname];
    if (fixed) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(fixed);
      return;
    }
    const fuzzed = /^\/fuzz\/(\d+)\.html$/.exec(pathname);
    const page = fuzzed && pages.find((candidate) => candidate.seed === Number(fuzzed[1]));
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    // The page's own scripts stay off: the injected alert()s would stop the test, and what is
    // tested is the reader's output, not the page.
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': "script-src 'none'", 'Cache-Control': 'no-store' });
    response.end(page.bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** The reader's content, as HTML: the article's header and body, or the notice. */
const readerMain = (root) => {
  const main = root?.querySelector('main');
  return main ? { html: main.innerHTML, notice: root.querySelector('.notice h1')?.textContent ?? null, showAnyway: Boolean(root.querySelector('button.show-anyway')) } : null;
};

for (const [name, launch] of [['Chromium', launchChromium], ['Firefox', launchFirefox]]) {
  describe(`${name}: hostile pages`, { timeout: 300_000 }, () => {
    const env = {};
    const pages = fuzzPages();
    before(async () => {
      env.server = await startHostileServer(pages);
      env.driver = await launch();
    });
    after(async () => {
      await env.driver?.close();
      await env.server?.close();
    });

    test(`a page whose script nests ${SCRIPT_DEPTH.toLocaleString('en')} deep gets the notice within the bound, and the tab stays responsive`, async (t) => {
      const page = await env.driver.newPage(env.server.url('/deep-script.html'));
      try {
        await page.evaluate(() => window.startWatching());
        const clicked = Date.now();
        const state = await env.driver.openWithAction(page);
        const answeredMs = Date.now() - clicked;
        const shown = await env.driver.evaluateInOverlay(page, readerMain);
        assert.match(shown.notice ?? '', new RegExp(`${(SCRIPT_DEPTH + 3).toLocaleString('en')}.*${BROWSER_BOUNDS.depth}`), `the depth notice: ${shown.notice}`);
        assert.ok(shown.showAnyway, 'the notice offers Show anyway');
        assert.ok(state.open);
        assert.ok(answeredMs < BROWSER_TIME_LIMIT_MS, `answered in ${answeredMs} ms`);
        // Ticks go on after the notice: the page's own timer measures its main thread.
        const pageNow = () => page.evaluate(() => performance.now());
        const ticksFrom = await pageNow();
        await waitFor(async () => (await pageNow()) > ticksFrom + 500, 5000, 'half a second of ticks');
        const longestGap = await page.evaluate(() => window.longestGap);
        t.diagnostic(`answered in ${answeredMs} ms; longest task since the click ${Math.round(longestGap)} ms`);
        assert.ok(longestGap < LONG_TASK_MS, `longest task in the tab since the click: ${Math.round(longestGap)} ms`);
      } finally {
        await page.close();
      }
    });

    /** Clicks Show anyway and waits for the article; the time from the click to the article. */
    async function showAnyway(page, noticeHtml) {
      const clicked = Date.now();
      await env.driver.evaluateInOverlay(page, (root) => root.querySelector('button.show-anyway').click());
      const shown = await waitFor(async () => {
        const next = await env.driver.evaluateInOverlay(page, readerMain);
        return next && next.html !== noticeHtml && !next.showAnyway && next;
      }, 20_000, 'the page read anyway');
      return { shown, ms: Date.now() - clicked };
    }

    /** The story's paragraphs missing from `html` or out of order, by number; empty when all are there in order. */
    const storyOutOfOrder = (html) => {
      const places = Array.from({ length: 40 }, (_, index) => html.indexOf(`Paragraph ${index + 1} of the story`));
      return places.flatMap((place, index) => (place < 0 || (index > 0 && place < places[index - 1]) ? [index + 1] : []));
    };

    /** The reader's HTML once the whole story is in it: the reader appends an article's later blocks after its first paint. */
    const wholeStory = (page) => waitFor(async () => {
      const shown = await env.driver.evaluateInOverlay(page, readerMain);
      return shown && storyOutOfOrder(shown.html).length === 0 && shown.html;
    }, 5_000, 'the whole story in the reader').catch(async (error) => {
      const shown = await env.driver.evaluateInOverlay(page, readerMain);
      throw new Error(`${error.message}; out of order or missing: ${storyOutOfOrder(shown?.html ?? '').join(', ')}`);
    });

    test(`Show anyway reads a story nested ${VISIBLE_DEPTH.toLocaleString('en')} deep by script: every paragraph, in order, within seconds`, async (t) => {
      const page = await env.driver.newPage(env.server.url('/deep-story.html'));
      try {
        await env.driver.openWithAction(page);
        const notice = await env.driver.evaluateInOverlay(page, readerMain);
        assert.match(notice.notice ?? '', new RegExp(`nests too deep.*${BROWSER_BOUNDS.depth}`), `the depth notice: ${notice.notice}`);
        const { ms } = await showAnyway(page, notice.html);
        t.diagnostic(`read anyway in ${ms} ms`);
        assert.deepEqual(unsafeInHtml(await wholeStory(page)), []);
      } finally {
        await page.close();
      }
    });

    test('a page past the nesting bound gets its notice; Show anyway reads it in order', async (t) => {
      const page = await env.driver.newPage(env.server.url('/unclosed.html'));
      try {
        const clicked = Date.now();
        await env.driver.openWithAction(page);
        const answeredMs = Date.now() - clicked;
        const notice = await env.driver.evaluateInOverlay(page, readerMain);
        assert.match(notice.notice ?? '', new RegExp(`nested too deep.*${BROWSER_BOUNDS.nesting.toLocaleString('en')}`), `the nesting notice: ${notice.notice}`);
        assert.ok(answeredMs < BROWSER_TIME_LIMIT_MS, `answered in ${answeredMs} ms`);
        const { ms } = await showAnyway(page, notice.html);
        t.diagnostic(`notice in ${answeredMs} ms; read anyway in ${ms} ms`);
        await wholeStory(page);
      } finally {
        await page.close();
      }
    });

    for (const fuzzed of pages) {
      test(`fuzz seed ${fuzzed.seed} (${fuzzed.name}, ${fuzzed.mutations.join('+')}): an answer, and nothing executable in the reader`, async () => {
        const page = await env.driver.newPage(env.server.url(`/fuzz/${fuzzed.seed}.html`));
        try {
          await env.driver.openWithAction(page);
          let shown = await env.driver.evaluateInOverlay(page, readerMain);
          assert.ok(shown, 'the reader shows an article or a notice');
          assert.deepEqual(unsafeInHtml(shown.html), []);
          if (shown.showAnyway) {
            ({ shown } = await showAnyway(page, shown.html));
            assert.deepEqual(unsafeInHtml(shown.html), []);
          }
        } finally {
          await page.close();
        }
      });
    }
  });
}
