// The pages the end-to-end tests serve from 127.0.0.1, and the server that serves them.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { PICK_PAGES } from './pick-pages.mjs';

// The seed fixture is read in place from ../shared beside the repository.
const SEED_DIR = new URL('../../../../shared/fixtures/seed/', import.meta.url);
const SEED_PAGE = readFileSync(new URL('page.html', SEED_DIR), 'utf8');
export const SEED_EXPECT = JSON.parse(readFileSync(new URL('expect.json', SEED_DIR), 'utf8'));

const paragraphs = (count, prefix = 'Paragraph') =>
  Array.from({ length: count }, (_, index) => `<p>${prefix} ${index + 1}: the river town kept its old bridge, and every morning the baker, the teacher and the ferryman crossed it on their way to work, talking about the weather, the harvest and the news from the capital.</p>`).join('\n');

function articlePage({ title, lang = 'en', dir = 'ltr', head = '', before = '', body = '', after = '' }) {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Test Gazette"><meta name="author" content="Ada Writer">${head}</head>
<body>${before}<article><h1>${title}</h1>${body}</article>${after}</body></html>`;
}

/** A 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

// Hand-written pages of the verdict's labelled set, served as they are.
const VERDICT_DIR = new URL('../../fixtures/verdict/', import.meta.url);
const verdictPage = (file) => () => ({ body: readFileSync(new URL(file, VERDICT_DIR)) });

const PAGES = {
  '/verdict/brief.html': verdictPage('positives/en-breaking-brief-420.html'),
  '/verdict/roundup.html': verdictPage('positives/en-list-roundup-numbered.html'),
  '/verdict/section-front.html': verdictPage('negatives/de-section-front-politik.html'),
  '/verdict/thread.html': verdictPage('threads/wordpress-200-comments.html'),

  '/seed.html': () => ({ body: SEED_PAGE }),

  '/layout.html': () => ({
    body: articlePage({
      title: 'Layout signals story',
      head: '<style>.visually-gone{display:none}.banner{position:fixed;bottom:0;left:0;right:0;background:#eee;padding:20px}.far{position:absolute;left:-10000px;top:0;width:300px}.pulled{width:300px;margin-left:-10000px}</style>',
      // The hidden box carries a stylesheet bigger than the story: only text a reader could see is weighed.
      body: `${paragraphs(4)}<p>Visible sentence about the bridge.<span class="visually-gone">STYLESHEET-HIDDEN-TEXT<style>${'.unused-rule{color:red}'.repeat(400)}</style></span></p>${paragraphs(4, 'More')}<div class="far">OFFSCREEN-TEXT lorem ipsum dolor sit amet</div><div class="pulled">PULLED-AWAY-TEXT lorem ipsum dolor sit amet</div>`,
      after: '<div class="banner" role="dialog">COOKIE-BANNER-TEXT We use cookies. <button>Accept</button></div>',
    }),
  }),

  // An app shell that hides the story until its script runs (blocked here), beside a large inline
  // JSON payload: the hidden block still holds most of the text a reader could see.
  '/hidden-main.html': () => ({
    body: articlePage({
      title: 'Hidden shell story',
      head: '<style>.shell-loading{display:none}</style>',
      before: `<script type="application/json" id="state">${JSON.stringify({ items: Array.from({ length: 2500 }, (_, index) => ({ id: index, label: `state entry ${index} with padding text` })) })}</script><div class="shell-loading">`,
      body: `${paragraphs(6)}<p>SHELL-HIDDEN-STORY-TEXT closes the story.</p>`,
      after: '</div>',
    }),
  }),

  '/hostile.html': () => ({
    body: articlePage({
      title: 'Hostile styles story',
      head: `<style>
        * { color: rgb(255, 0, 0) !important; background: rgb(0, 255, 0) !important; font-size: 5px !important; font-family: fantasy !important; display: block !important; line-height: 1 !important; }
        readmark-reader, readmark-reader *, dialog, :host { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(.1) !important; }
        html::before, *::before, *::after { content: "PAGE-INJECTED" !important; }
      </style>
      <script>
        // The page tries to reach into the reader and change it (and counts its tries for the test).
        window.tamperRuns = 0;
        setInterval(() => {
          window.tamperRuns += 1;
          for (const host of document.querySelectorAll('readmark-reader')) {
            if (host.shadowRoot) host.shadowRoot.replaceChildren();
            host.style.display = 'none';
          }
        }, 50);
      </script>`,
      body: paragraphs(10),
    }),
  }),

  // An anti-flicker snippet's style whose script never ran: the page hides its own root.
  '/hidden-root.html': () => ({
    body: articlePage({
      title: 'Hidden root story',
      head: '<style>html { display: none !important; } html.js-ready { display: block !important; }</style>',
      body: paragraphs(10),
    }),
  }),

  // Long enough (300 paragraphs) that the reader lets off-screen blocks skip layout until scrolled near.
  '/long-article.html': () => ({
    body: articlePage({ title: 'Long article story', body: paragraphs(300) }),
  }),

  // Over the reader's size limit (50,000 elements): an article inside 60,000 empty cells of chrome.
  '/huge.html': () => ({
    body: articlePage({ title: 'Huge page story', body: paragraphs(10), after: `<div class="chrome">${'<i></i>'.repeat(60_000)}</div>` }),
  }),

  '/csp.html': () => ({
    headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'none'; img-src 'none'; script-src 'none'" },
    body: articlePage({ title: 'Strict CSP story', body: paragraphs(10) }),
  }),

  '/not-article.html': () => ({
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
      <nav><a href="/a">Home</a> <a href="/b">Shop</a></nav><form><label>User <input name="u"></label><button>Sign in</button></form></body></html>`,
  }),

  '/rtl.html': () => ({
    body: articlePage({
      title: 'قصة الجسر القديم',
      lang: 'ar',
      dir: 'rtl',
      body: Array.from({ length: 10 }, (_, index) => `<p>الفقرة ${index + 1}: احتفظت البلدة الواقعة على النهر بجسرها القديم، وكان الخباز والمعلم والمراكبي يعبرونه كل صباح في طريقهم إلى العمل، يتحدثون عن الطقس والحصاد وأخبار العاصمة.</p>`).join('\n'),
    }),
  }),

  '/state.html': () => ({
    body: articlePage({
      title: 'Page state story',
      head: '<style>body{min-height:4000px}</style>',
      before: '<form id="f"><input id="text" name="text" value="initial"><textarea id="area">start</textarea><input type="checkbox" id="check"><select id="choice"><option>one</option><option>two</option></select><button type="button" id="trigger">Focus me</button></form>',
      body: paragraphs(30),
    }),
  }),

  '/tracker.html': ({ port }) => ({
    body: articlePage({
      title: 'Tracked story',
      body: `${paragraphs(5)}<figure><img src="http://127.0.0.1:${port}/content/photo.gif" width="400" height="200" alt="The old bridge"><figcaption>The old bridge</figcaption></figure>${paragraphs(5, 'Later')}<img src="http://127.0.0.1:${port}/track/pixel.gif?where=inline" width="1" height="1" alt=""><img src="http://127.0.0.1:${port}/track/pixel.gif?where=hidden" style="display:none" alt="">`,
      after: `<img src="http://127.0.0.1:${port}/track/pixel.gif?where=footer" width="0" height="0" alt="">`,
    }),
  }),

  '/selection.html': () => ({
    body: articlePage({
      title: 'Selection story',
      body: `${paragraphs(3)}<p id="picked">Read <a href="/guide/bridges.html">the bridge guide</a> and see <img src="/content/photo.gif" alt="bridge photo" width="40" height="20"> today.</p>${paragraphs(3, 'After')}`,
    }),
  }),

  ...PICK_PAGES,
};

/** Starts the test server on a free port of 127.0.0.1; records every request it sees. */
export async function startServer() {
  const requests = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url, `http://${request.headers.host}`);
    requests.push({ host: request.headers.host, path: url.pathname, search: url.search, at: Date.now() });
    if (url.pathname.endsWith('.gif')) {
      response.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
      response.end(PIXEL);
      return;
    }
    const page = PAGES[url.pathname];
    if (!page) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    const { body, headers = {} } = page({ port: server.address().port });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
