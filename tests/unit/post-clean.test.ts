import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POST_CLEANING_RULES, postClean } from '../../src/core/clean/post-clean.ts';
import { page } from '../support/dom.ts';

const story = Array.from({ length: 5 }, (_, index) => `<p>Story paragraph ${index + 1} tells what happened, with enough words to be the bulk of the article here.</p>`).join('');

function postCleaned(extra: string, title = 'The headline') {
  const { document, close } = page(`<body><div id="readability-page-1">${extra}${story}</div></body>`);
  const article = document.getElementById('readability-page-1')!;
  const removals = postClean(article, title);
  const html = article.innerHTML;
  close();
  assert.match(html, /Story paragraph 5/, 'the article stays');
  return { html, rules: removals.map((removal) => removal.rule) };
}

const cases: Array<{ rule: string; remove: string; keep: string }> = [
  { rule: 'duplicate-title', remove: '<h1>The headline</h1>', keep: '<h2>A different section</h2>' },
  { rule: 'related-label', remove: '<h3>Lesen Sie auch:</h3>', keep: '<h3>Read the fine print before you sign</h3>' },
  { rule: 'related-label', remove: '<h3>Das Thema könnte dich auch interessieren:</h3>', keep: '<h3>Zum Thema Weiterlesen und Lernen im Alter</h3>' },
  { rule: 'related-teaser', remove: '<p>Lea también: <a href="/x">Impiden ingreso a Nicaragua a reportero y camarógrafo</a></p>', keep: '<p>Lea Müller sagte: <a href="/x">die Stadt</a> plant den Umbau der Brücke im nächsten Jahr.</p>' },
  { rule: 'related-teaser', remove: '<p>À lire aussi : <a href="/x">Un autre article sur la réforme des retraites en France</a></p>', keep: '<p>Read more about it in the report, <a href="/r">published today</a>, which explains the decision in detail.</p>' },
  { rule: 'link-dense-block', remove: '<ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another</a></li></ul>', keep: '<ul><li>A point with a <a href="/s">source</a> and explanation</li><li>Another point made in words</li></ul>' },
  { rule: 'boilerplate-line', remove: '<p>© 2024 The Daily Example. All rights reserved.</p>', keep: '<p>The photo was taken at dawn. © Hoklatherm</p>' },
  { rule: 'support-appeal', remove: '<p>Independent journalism needs you. <a href="/support/membership">Become a member</a> today.</p>', keep: '<p>The club asked fans to <a href="/news/vote">become a member</a> of the jury.</p>' },
  { rule: 'support-appeal', remove: '<p>More words.<a href="/donate"><img src="/banner.gif" alt="Support us"></a></p>', keep: '<p>More words.<a href="/gallery/3"><img src="/photo.jpg" alt="The bridge"></a></p>' },
  { rule: 'photo-credit', remove: '<p><span>TebNad/Shutterstock.com</span></p>', keep: '<p>The ceremony in Augusta, as Getty Images photographed it, drew a large crowd.</p>' },
  { rule: 'newsletter-box', remove: '<div>Get our newsletter: subscribe with your e-mail</div>', keep: '<p>The newsletter industry grew fast last year.</p>' },
];

for (const { rule, remove, keep } of cases) {
  test(`${rule}: removes ${remove}`, () => assert.ok(postCleaned(remove).rules.includes(rule)));
  test(`${rule}: keeps ${keep}`, () => assert.deepEqual(postCleaned(keep).rules, []));
}

test('every post-cleaning rule has a case', () => {
  for (const rule of POST_CLEANING_RULES) assert.ok(cases.some((entry) => entry.rule === rule.name), rule.name);
});

test('a rule never takes most of a short article', () => {
  const { document, close } = page('<body><div id="readability-page-1"><p>Shot on Fuji X-TRA 400 in the old town at dusk. All rights reserved.</p></div></body>');
  const article = document.getElementById('readability-page-1')!;
  assert.deepEqual(postClean(article, 'Photos'), []);
  assert.match(article.textContent ?? '', /Fuji X-TRA/);
  close();
});

test('the title heading goes only when it opens the article', () => {
  assert.deepEqual(postCleaned('<p>Intro first.</p><h1>The headline</h1>').rules, []);
});
