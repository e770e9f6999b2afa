// Every lazy-image form named in issue 24, first through restoreLazyImages alone, then through the
// whole pipeline (Readability, sanitizing) to the article a reader shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restoreLazyImages } from '../../src/core/prepare.ts';
import { extractArticle } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const EMPTY_SVG = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20800%20450'%3E%3C/svg%3E";

/** The `src` of each image left in `html`'s body after restoreLazyImages (a `<noscript>`'s are never shown). */
function sources(html: string): Array<string | null> {
  const { document, close } = page(`<body>${html}</body>`);
  try {
    restoreLazyImages(document);
    return Array.from(document.querySelectorAll('img'))
      .filter((image) => !image.closest('noscript'))
      .map((image) => image.getAttribute('src'));
  } finally {
    close();
  }
}

const FORMS: Array<[string, string, string]> = [
  ['data-src over a 1×1 GIF', `<img src="${GIF}" data-src="/a.jpg">`, '/a.jpg'],
  ['data-original over a grey.gif (jQuery lazyload)', '<img class="lazy" src="/img/grey.gif" data-original="/b.jpg">', '/b.jpg'],
  ['data-lazy-src over an empty SVG (WP Rocket)', `<img src="${EMPTY_SVG}" data-lazy-src="/c.jpg">`, '/c.jpg'],
  ['data-srcset: its largest candidate', '<img src="/blank.gif" data-srcset="/d-400.jpg 400w, /d-1200.jpg 1200w">', '/d-1200.jpg'],
  ['data-lazy-srcset alone', '<img data-lazy-srcset="/e-1x.jpg 1x, /e-2x.jpg 2x">', '/e-2x.jpg'],
  ['data-hi-res-src over spacer.gif', '<img src="/spacer.gif" data-hi-res-src="/f.jpg">', '/f.jpg'],
  ['data-url', `<img src="${GIF}" data-url="/g.jpg">`, '/g.jpg'],
  ['a lazysizes class prefers data-src over a low-quality src', '<img class="lazyload" src="/h-tiny.jpg" data-src="/h.jpg">', '/h.jpg'],
  ['an unlisted attribute holding an image URL', `<img src="${GIF}" data-lazyload="/i.jpg">`, '/i.jpg'],
  ['<picture> data-srcset fills the placeholder <img>', `<picture><source type="image/webp" data-srcset="/j.webp 1x, /j@2x.webp 2x"><img src="${GIF}"></picture>`, '/j@2x.webp'],
  ['<picture> srcset with a lazy.png <img>', '<picture><source srcset="/k.webp"><img src="/lazy.png"></picture>', '/k.webp'],
  ['<noscript> fallback after a placeholder (parsed as elements)', `<img class="lazyload" src="${GIF}"><noscript><img src="/l.jpg"></noscript>`, '/l.jpg'],
];

for (const [name, html, expected] of FORMS) {
  test(`lazy image: ${name}`, () => {
    assert.deepEqual(sources(html), [expected]);
  });
}

test('an image with only a placeholder and nothing to load is dropped, not shown as a box', () => {
  assert.deepEqual(sources(`<img loading="lazy" src="/assets/placeholder.png"><img src="${GIF}"><img src="${EMPTY_SVG}" width="800"><img>`), []);
});

test('real images stay: a photo named like a colour, an SVG with shapes, a large data URL', () => {
  const svg = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cpath d='M0 0h10v10z'/%3E%3C/svg%3E";
  const big = `data:image/png;base64,${'A'.repeat(400)}`;
  assert.deepEqual(sources(`<img src="/grey-heron.jpg"><img src="${svg}"><img src="${big}">`), ['/grey-heron.jpg', svg, big]);
});

test("<noscript> fallback held as text, as in a browser's clone, is read with DOMParser", () => {
  const { document, window, close } = page('<body><p><img src="/blank.gif" alt="x"><noscript></noscript></p></body>');
  document.querySelector('noscript')!.textContent = '<img src="/m.jpg?w=800&amp;q=80" alt="The harbour">';
  const global = globalThis as { DOMParser?: unknown };
  global.DOMParser = (window as unknown as { DOMParser: unknown }).DOMParser;
  try {
    restoreLazyImages(document);
  } finally {
    delete global.DOMParser;
  }
  assert.equal(document.querySelector('p')!.innerHTML, '<img src="/m.jpg?w=800&amp;q=80" alt="The harbour">');
  close();
});

test('through the pipeline, every form gives a real image and no placeholder', async () => {
  const body = FORMS.map(([, html]) => `<p>Text beside the picture.</p>${html}`).join('') + `<img loading="lazy" src="/assets/placeholder.png" alt="never loaded">`;
  const result = await extractArticle(articlePage(body), { url: 'https://news.example/s.html' });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  const srcs = Array.from(result.html.matchAll(/<img[^>]*\ssrc="([^"]*)"/g), (match) => match[1]);
  assert.deepEqual(srcs, FORMS.map(([, , expected]) => new URL(expected, 'https://news.example/s.html').href));
});

test('a <noscript> image with no placeholder beside it takes its place; beside a loaded image, or pixel-sized, it does not', () => {
  assert.deepEqual(sources('<figure><noscript><img src="/n.jpg"></noscript></figure>'), ['/n.jpg']);
  assert.deepEqual(sources('<figure><img src="/o.jpg"><noscript><img src="/o-fallback.jpg"></noscript></figure>'), ['/o.jpg']);
  assert.deepEqual(sources('<p>x<noscript><img src="/count.gif?id=1" width="1" height="1"></noscript></p>'), []);
});
