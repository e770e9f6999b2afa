import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from '../../src/core/clean/clean.ts';
import { CLEANING_RULES } from '../../src/core/clean/rules.ts';
import { page } from '../support/dom.ts';

/** Cleans `body` and returns what is left plus the rules that fired. */
function clean(body: string) {
  const { document, close } = page(`<!doctype html><html><body>${body}<p id="keep">Article text stays.</p></body></html>`);
  const result = cleanDocument(document);
  const html = document.body.innerHTML;
  close();
  assert.match(html, /Article text stays/, 'ordinary article text is never removed');
  return { html, rules: result.removals.map((removal) => `${removal.family}/${removal.rule}`) };
}

const familyCases: Array<{ family: string; remove: string; keep: string }> = [
  { family: 'ad-slot', remove: '<div id="div-gpt-ad-123-0"><span>GPT</span></div>', keep: '<div id="gpt-summary">GPT-4 summary</div>' },
  { family: 'ad-slot', remove: '<ins class="adsbygoogle" data-ad-client="ca-pub-1" data-ad-slot="42"></ins>', keep: '<ins>inserted text</ins>' },
  { family: 'ad-slot', remove: '<div class="ad-container">Buy now</div>', keep: '<div class="headline">Headline</div>' },
  { family: 'ad-slot', remove: '<div id="apstag-slot">amazon</div>', keep: '<div class="apple">Apple</div>' },
  { family: 'ad-slot', remove: '<div data-google-query-id="CK3x">rendered ad</div>', keep: '<div data-query="x">search help</div>' },
  { family: 'ad-widget', remove: '<div data-widget-id="AR_1" data-src="https://www.outbrain.com/x">Recommended</div>', keep: '<div data-widget-id="map" data-src="/maps/1">Map</div>' },
  { family: 'ad-widget', remove: '<div id="taboola-below-article">Promoted stories</div>', keep: '<div class="table-of-contents">Contents</div>' },
  { family: 'ad-widget', remove: '<div class="ob-widget" data-widget-id="AR_1">You may like</div>', keep: '<div class="outline">Outline</div>' },
  // An Outbrain widget named as such goes earlier, with the related-story lists.
  { family: 'boilerplate', remove: '<div class="OUTBRAIN" data-widget-id="AR_1">You may like</div>', keep: '<div class="outline">Outline</div>' },
  { family: 'ad-iframe', remove: '<iframe src="https://tpc.googlesyndication.com/safeframe/1.html"></iframe>', keep: '<iframe src="https://www.youtube.com/embed/abc"></iframe>' },
  { family: 'ad-label', remove: '<div>Advertisement</div>', keep: '<p>Advertisement spending rose by four percent last year.</p>' },
  { family: 'ad-label', remove: '<span>Anzeige</span>', keep: '<span>Anzeigenblatt</span>' },
  { family: 'tracking-pixel', remove: '<img src="https://example.com/p.gif" width="1" height="1">', keep: '<img src="https://example.com/photo.jpg" width="640" height="480">' },
  { family: 'tracking-pixel', remove: '<img src="https://example.com/q.gif" style="width:0px;height:0px">', keep: '<img src="https://example.com/wide.jpg" style="width: 100%">' },
  { family: 'tracking-pixel', remove: "<img src='http://gfw-breaker.win/x.md' width='0px' height='0px'/>", keep: '<img src="https://example.com/a.png">' },
  { family: 'tracker-host', remove: '<img src="https://www.facebook.com/tr?id=1&ev=PageView">', keep: '<img src="https://www.facebook.com/photos/cat.jpg">' },
  { family: 'tracker-host', remove: '<img src="https://sb.scorecardresearch.com/p?c1=2">', keep: '<img src="https://cdn.news.example/scorecard.png">' },
  { family: 'noscript-beacon', remove: '<noscript><img src="https://example.com/b.gif" height="1" width="1"></noscript>', keep: '<noscript><img src="https://example.com/full-photo.jpg"></noscript>' },
  { family: 'noscript-beacon', remove: '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-1"></iframe></noscript>', keep: '<noscript>Please enable JavaScript to see comments.</noscript>' },
  { family: 'hidden', remove: '<span hidden>secret</span>', keep: '<span>visible</span>' },
  { family: 'hidden', remove: '<span aria-hidden="true">★</span>', keep: '<span aria-hidden="false">visible</span>' },
  { family: 'hidden', remove: '<span id="hideid" style="color:red;display:none;">x</span>', keep: '<span style="display: inline-block">shown</span>' },
  { family: 'hidden', remove: '<div style="visibility: hidden !important">x</div>', keep: '<div style="visibility: visible">shown</div>' },
  { family: 'boilerplate', remove: '<nav><a href="/">Home</a><a href="/news">News</a></nav>', keep: '<p>Navigation of ships relies on stars.</p>' },
  { family: 'boilerplate', remove: '<ol class="breadcrumb"><li>Home</li><li>Politik</li></ol>', keep: '<ol><li>First step</li><li>Second step</li></ol>' },
  { family: 'boilerplate', remove: '<footer><p>Impressum · Datenschutz</p></footer>', keep: '<blockquote><p>A quotation.</p></blockquote>' },
  { family: 'boilerplate', remove: '<header><a href="/">Site logo</a></header>', keep: '<article><header><h1>Story headline</h1></header><p>Body.</p></article>' },
  { family: 'boilerplate', remove: '<div id="comments"><p>Great post!</p></div>', keep: '<div class="comment-of-the-editor">Our view.</div>' },
  { family: 'boilerplate', remove: '<div class="c-article__share-bar"><a href="#">Facebook</a></div>', keep: '<div class="entry-content no-share">Story text.</div>' },
  { family: 'boilerplate', remove: '<aside class="related-articles"><a href="/a">Other story</a></aside>', keep: '<div class="teaser-text">The lead of this article.</div>' },
  { family: 'boilerplate', remove: '<div class="newsletter-signup">Sign up for our newsletter</div>', keep: '<div class="article-body paywall-google">Paid story text.</div>' },
  { family: 'boilerplate', remove: '<div id="cookie-consent">We use cookies.</div>', keep: '<div class="cmp-text">An AEM text component.</div>' },
  { family: 'boilerplate', remove: '<div role="dialog"><p>Please log in to continue.</p></div>', keep: '<div role="region"><p>Dialogue between the two leaders resumed.</p></div>' },
  { family: 'boilerplate', remove: '<div class="b-dialog age-check"><p>Are you over 16?</p></div>', keep: '<div class="dialogue-transcript"><p>Q: Why now? A: Because.</p></div>' },
  { family: 'boilerplate', remove: '<div class="about-author">Jane writes about food.</div>', keep: '<div class="author">By Jane</div>' },
  {
    family: 'boilerplate',
    remove: '<div class="saboxplugin-wrap"><a rel="author" href="/jane">Jane Doe</a> has written about food and farming for twenty years, for papers and magazines in three countries, and teaches at the city college. Follow her on Twitter.</div>',
    keep: '<div class="authorInfo">Tech Industry by <a rel="author" href="/s">Steven Musil</a> January 18, 2017 11:00 PM PST</div>',
  },
  {
    // Commenters' names marked `.author` do not make a comment thread the byline.
    family: 'comments',
    remove: '<section id="comments" class="comments"><div class="comment"><span class="author">Reader One</span><p>Thanks for writing this up; the part on soil was new to me, and I will try it in the garden this spring.</p></div><div class="comment"><span class="author">Reader Two</span><p>Same here, and the photos are lovely.</p></div></section>',
    keep: '<div class="comments-meta">By <span class="author">Jane Doe</span>, 12 comments</div>',
  },
  // A thread by its structure: signed items in a container named for comments, or schema.org Comments.
  {
    family: 'comments',
    remove: '<div id="disqus_thread"><ul><li class="post"><span class="author">Ana</span><time>2h</time><p>First.</p></li><li class="post"><span class="author">Ben</span><time>1h</time><p>Second.</p></li></ul></div>',
    // Signed items outside a comments container: a list of contributions to the story itself.
    keep: '<ol class="contributions"><li><span class="author">Ana</span> <time>9:00</time> reported from the port.</li><li><span class="author">Ben</span> <time>9:30</time> from the station.</li></ol>',
  },
  {
    family: 'comments',
    remove: '<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Ana</span><p itemprop="text">Well said.</p></div>',
    keep: '<div itemscope itemtype="https://schema.org/NewsArticle"><p>The story.</p></div>',
  },
  { family: 'consent', remove: '<div id="onetrust-consent-sdk"><p>We and our 812 partners store and access information on your device.</p></div>', keep: '<div class="privacy-story"><p>How privacy notices changed the web.</p></div>' },
  {
    family: 'next-story',
    remove: '<article data-url="/2024/05/story.html"><h1>First story of the page</h1><p>One.</p><p>Two.</p></article><article data-url="/next-story"><h1>The story the site appended</h1><p>Three.</p><p>Four.</p></article>',
    keep: '<article><h1>The only story here</h1><p>Intro.</p><section><h1>A part of it with its own heading</h1><p>Five.</p><p>Six.</p></section></article>',
  },
  { family: 'boilerplate', remove: '<div class="post-tags"><a href="/tag/x">x</a></div>', keep: '<div class="hentry tag-politics category-news">The post itself.</div>' },
];

for (const { family, remove, keep } of familyCases) {
  test(`${family}: removes ${remove.slice(0, 70)}`, () => {
    const removed = clean(remove);
    assert.ok(removed.rules.some((rule) => rule.startsWith(`${family}/`)), `a ${family} rule fires (fired: ${removed.rules.join(', ') || 'none'})`);
    assert.doesNotMatch(removed.html, new RegExp(remove.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
  test(`${family}: keeps ${keep.slice(0, 70)}`, () => {
    const kept = clean(keep);
    assert.deepEqual(kept.rules, [], 'no rule fires on ordinary markup');
  });
}

test('every rule has a case above that makes it fire', () => {
  const fired = new Set(familyCases.flatMap(({ remove }) => clean(remove).rules));
  for (const rule of CLEANING_RULES) assert.ok(fired.has(`${rule.family}/${rule.name}`), `${rule.family}/${rule.name} has a test`);
});

test('the debug trace names each removal and its rule', () => {
  const { document, close } = page('<body><div id="div-gpt-ad-1"></div><img src="x.gif" width="1" height="1"><p>Text</p></body>');
  const { removals } = cleanDocument(document);
  close();
  assert.deepEqual(removals, [
    { family: 'ad-slot', rule: 'google-publisher-tag', element: 'div#div-gpt-ad-1' },
    { family: 'tracking-pixel', rule: 'pixel-sized', element: 'img' },
  ]);
});

test('a debug trace that asks for it records the text each removal took', () => {
  const { document, close } = page('<body><div id="div-gpt-ad-1">Buy  <b>now</b>\n</div><p>Text</p></body>');
  const { removals } = cleanDocument(document, CLEANING_RULES, { recordText: true });
  close();
  assert.deepEqual(removals, [{ family: 'ad-slot', rule: 'google-publisher-tag', element: 'div#div-gpt-ad-1', text: 'Buy now' }]);
});

test('a share, pager or tag-list name on a wrapper of prose does not remove the story', () => {
  const prose = '<p>A paragraph of the story itself, long enough to be prose rather than a label.</p>'.repeat(12);
  const sidebar = `<div class="sidebar">${'Other headlines of the day. '.repeat(400)}</div>`;
  const { document, close } = page(`<body><div class="documentContent__sharingContainer">${prose}</div><div class="share-links"><a href="#">Share</a><p>Tell a friend.</p></div>${sidebar}</body>`);
  const { removals } = cleanDocument(document);
  close();
  assert.deepEqual(removals.map((removal) => removal.element), ['div.share-links']);
});

test('the page text that guards against misfires leaves out scripts and styles', () => {
  const story = '<p>' + 'Long article text. '.repeat(80) + '</p>';
  const script = `<script>var data = "${'x'.repeat(20000)}";</script>`;
  const { document, close } = page(`<body>${script}<div class="ad">${story}</div></body>`);
  const { removals } = cleanDocument(document);
  close();
  assert.deepEqual(removals, []);
});

test('a rule that matches the wrapper of most of the page is not applied', () => {
  const story = '<p>' + 'Long article text. '.repeat(80) + '</p>';
  const { document, close } = page(`<body><div class="ad">${story}</div><div class="ad">small ad</div></body>`);
  const { removals } = cleanDocument(document);
  const text = document.body.textContent ?? '';
  close();
  assert.equal(removals.length, 1);
  assert.match(text, /Long article text/);
  assert.doesNotMatch(text, /small ad/);
});

test('a form whose field is named "remove" is removed like any other element (a browser lets the field hide the method)', () => {
  const { document, close } = page('<!doctype html><html><body><p>Story text stays.</p><form class="newsletter-signup"><input name="remove"></form></body></html>');
  const form = document.querySelector('form')!;
  Object.defineProperty(form, 'remove', { get: () => form.querySelector('input') });
  const result = cleanDocument(document);
  assert.deepEqual(result.removals.map((removal) => removal.rule), ['newsletter']);
  assert.equal(document.querySelector('form'), null);
  close();
});
