// Articles that live in shadow DOM, and lazy images, read in real browsers: a page whose story component renders
// into an open shadow root, and one whose component attaches a closed root. The pages are built
// like web-component news sites (a <news-article> element whose shadow tree holds the headline
// and body, with the byline and a pull quote slotted in from the light DOM).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium.mjs';
import { launchFirefox } from './support/firefox.mjs';

const SENTENCES = [
  'The harbour authority opened the restored lighthouse to visitors on Saturday morning.',
  'Engineers spent two winters replacing the corroded iron stairs with galvanised steel.',
  'Local historians gathered letters from three generations of keepers for the new exhibition.',
  'The lamp room now holds the original Fresnel lens, cleaned and set on a slow turntable.',
  'Volunteers will guide tours every weekend until the autumn storms close the pier again.',
  'Ticket income pays for the next stage: the keeper\'s cottage and its collapsed chimney.',
];
const SLOTTED = 'A slotted paragraph from the light DOM closes the story.';
const BYLINE = 'By Ana Ferreira';
const UNASSIGNED = 'Unassigned light text that no slot shows';

function storyPage(mode) {
  const paragraphs = SENTENCES.map((sentence) => `<p>${sentence} ${sentence}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse reopens</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><news-article><span slot="byline">${BYLINE}</span><p>${SLOTTED}</p><b slot="nowhere">${UNASSIGNED}</b></news-article></main>
<footer><p>© Harbour Gazette</p></footer>
<script>
  const template = ${JSON.stringify(`<style>article{font:18px serif}</style><article><h1>Lighthouse reopens after restoration</h1><p class="byline"><slot name="byline">Staff reporter</slot></p>${paragraphs}<slot></slot></article>`)};
  customElements.define('news-article', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: ${JSON.stringify(mode)} });
      root.innerHTML = template;
      // The page's own snapshot of its shadow tree, for the check that the reader changed nothing.
      window.shadowSnapshot = () => root.innerHTML;
    }
  });
</script></body></html>`;
}

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/**
 * Lazy images as a browser holds them: the <noscript> fallback is text there (scripting is on),
 * which jsdom never shows. No script loads the images, as if the reader opened before scrolling.
 */
function lazyPage() {
  const paragraphs = SENTENCES.map((sentence) => `<p>${sentence} ${sentence}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse in pictures</title></head><body><article><h1>Lighthouse in pictures</h1>
${paragraphs}
<figure><img class="lazyload" src="${GIF}" alt="The lamp room"><noscript><img src="/img/lamp-room.jpg" alt="The lamp room"></noscript></figure>
<picture><source type="image/webp" data-srcset="/img/stairs.webp 1x, /img/stairs@2x.webp 2x"><img src="${GIF}" alt="The stairs"></picture>
<p><img loading="lazy" src="/assets/placeholder.png" alt="never loaded"> ${SENTENCES[0]}</p>
${paragraphs}</article></body></html>`;
}

async function startPages() {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (/\.(?:jpg|webp|png)$/.test(path)) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(path === '/lazy.html' ? lazyPage() : storyPage(path === '/closed.html' ? 'closed' : 'open'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: (path) => `http://127.0.0.1:${server.address().port}${path}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const pageState = (page) => page.evaluate(() => ({ html: document.documentElement.outerHTML, shadow: window.shadowSnapshot(), scrollY: window.scrollY }));

function defineShadowScenarios(name, launch) {
  describe(`${name}: articles in shadow DOM`, { timeout: 120_000 }, () => {
    const env = {};
    let tab = 0;
    before(async () => {
      env.pages = await startPages();
      env.driver = await launch();
    });
    after(async () => {
      await env.driver?.close();
      await env.pages?.close();
    });

    for (const mode of ['open', 'closed']) {
      test(`the reader shows an article that sits in a ${mode} shadow root, and the page is unchanged`, async () => {
        const page = await env.driver.newPage(env.pages.url(`/${mode}.html?tab=${++tab}`));
        try {
          const before = await pageState(page);
          const state = await env.driver.openWithAction(page);
          assert.equal(state.open, true, 'the reader is open');
          for (const sentence of SENTENCES) assert.ok(state.articleText.includes(sentence), `reader shows: ${sentence}`);
          assert.ok(state.articleText.includes(SLOTTED), 'the default slot shows the light paragraph');
          assert.ok(!state.articleText.includes(UNASSIGNED), 'light content no slot takes stays unseen');
          assert.ok(!state.articleText.includes('Staff reporter'), 'an assigned slot does not show its fallback');
          const afterRead = await pageState(page);
          // The reader's host is the only addition to the page's DOM.
          assert.equal(afterRead.html.replace(/<readmark-reader[^>]*><\/readmark-reader>/, ''), before.html);
          assert.equal(afterRead.shadow, before.shadow, "the component's shadow tree is unchanged");
          assert.equal(afterRead.scrollY, before.scrollY);
        } finally {
          await page.close();
        }
      });
    }

    test('lazy images: the <noscript> fallback (text in a browser) and <picture> sources give real images, a bare placeholder goes', async () => {
      const page = await env.driver.newPage(env.pages.url(`/lazy.html?tab=${++tab}`));
      try {
        const state = await env.driver.openWithAction(page);
        const origin = new URL(page.url()).origin;
        assert.deepEqual(state.images, [`${origin}/img/lamp-room.jpg`, `${origin}/img/stairs@2x.webp`]);
      } finally {
        await page.close();
      }
    });
  });
}

defineShadowScenarios('Chromium', launchChromium);
defineShadowScenarios('Firefox', launchFirefox);
