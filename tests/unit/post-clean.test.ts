import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POST_CLEANING_RULES, postClean } from '../../src/core/clean/post-clean.ts';
import { page } from '../support/dom.ts';

const story = Array.from({ length: 5 }, (_, index) => `<p>Story paragraph ${index + 1} tells what happened, with enough words to be the bulk of the article here.</p>`).join('');

function postCleaned(extra: string, title = 'The headline', at: 'start' | 'end' = 'start') {
  const content = at === 'start' ? extra + story : story + extra;
  const { document, close } = page(`<body><div id="readability-page-1">${content}</div></body>`);
  const article = document.getElementById('readability-page-1')!;
  const removals = postClean(article, title);
  const html = article.innerHTML;
  close();
  assert.match(html, /Story paragraph 5/, 'the article stays');
  return { html, rules: removals.map((removal) => removal.rule) };
}

const cases: Array<{ rule: string; remove: string; keep: string; at?: 'end' }> = [
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
  // The optional word after "Related" ends inside a longer one: the shorter reading still counts.
  { rule: 'related-label', remove: '<h2>Related Contents</h2>', keep: '<h2>Relatedness of species, a long and detailed answer</h2>' },
  { rule: 'related-label', remove: '<h3>Recommended for your weekend</h3>', keep: '<h3>Recommendations of the committee on the bridge repairs</h3>' },
  { rule: 'related-label', remove: '<h3>Siehe auch</h3>', keep: '<h3>Siehe da: ein Wunder an der Elbe, das niemand erwartet hatte</h3>' },
  { rule: 'link-only-block', remove: '<p><a href="/2024/other-story">Minister resigns after budget row</a></p>', keep: '<p>The minister <a href="/profile">resigned</a> after the budget row.</p>' },
  { rule: 'link-only-block', remove: '<h4><a href="/2024/bridge">Why the old bridge has to close now</a></h4>', keep: '<p><a href="https://maps.example/">Google Maps</a></p>' },
  { rule: 'link-only-block', remove: '<p><a href="/2024/x">[Read: Tunisia sends most foreign fighters abroad]</a></p>', keep: '<table><tr><td><p><a href="/apps/farm">Farm Heroes Super Saga for phones</a></p></td></tr></table>' },
  { rule: 'credit-line', remove: '<p>Foto: Sascha Klahn</p>', keep: '<p>Foto: Die Brücke wurde 1890 gebaut. Sie ist die älteste der Stadt und steht unter Denkmalschutz.</p>' },
  { rule: 'prompt', remove: '<p>Möchten Sie den Artikel teilen?</p>', keep: '<p>Die Partei möchte den Artikel im Grundgesetz ändern.</p>' },
  { rule: 'paywall-notice', remove: '<p>To view the full story, please subscribe to The Daily Example.</p>', keep: '<p>The court will view the full story of the case next week.</p>' },
  { rule: 'appeal', remove: '<p>Download the Daily Example app for breaking news.</p>', keep: '<p>The school asked parents to download the timetable.</p>' },
  { rule: 'legal-note', remove: '<p>Alle Angaben ohne Gewähr.</p>', keep: '<p>Die Angaben der Polizei wurden später korrigiert.</p>' },
  { rule: 'dateline', remove: '<p>Aktualisiert: 11.04.2020, 10:27 Uhr</p>', keep: '<p>Am 11.04.2020 beschloss der Rat das neue Gesetz.</p>' },
  { rule: 'trailing-heading', at: 'end', remove: '<h3>Das Wichtigste in Kürze</h3>', keep: '<h3>Das Wichtigste in Kürze</h3><p>Der Rat hat das Gesetz beschlossen; es gilt ab dem ersten Januar des nächsten Jahres.</p>' },
];

for (const { rule, remove, keep, at } of cases) {
  test(`${rule}: removes ${remove}`, () => assert.ok(postCleaned(remove, undefined, at).rules.includes(rule)));
  test(`${rule}: keeps ${keep}`, () => assert.deepEqual(postCleaned(keep, undefined, at).rules, []));
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

test('trailing-heading: headings and labels the article ends on go, last first', () => {
  const { document, close } = page(`<body><div id="readability-page-1">${story}<h2>Das Wichtigste in Kürze</h2><p><b>Unsere Auswahl</b></p></div></body>`);
  const article = document.getElementById('readability-page-1')!;
  const rules = postClean(article, 'Title').map((removal) => removal.rule);
  const text = article.textContent ?? '';
  close();
  assert.deepEqual(rules, ['trailing-heading', 'trailing-heading']);
  assert.match(text, /Story paragraph 5/);
});

test('trailing-heading: a heading followed by text stays', () => {
  assert.deepEqual(postCleaned('<h2>What happened</h2><p>It began on Monday, when the first report came in from the coast.</p>').rules, []);
});

test('trailing-heading: a heading over pictures stays', () => {
  assert.deepEqual(postCleaned('<h2>Test Case 2</h2><p><img src="/a.jpg" alt=""></p>', undefined, 'end').rules, []);
});

test('trailing-heading: a last sentence in bold stays', () => {
  assert.deepEqual(postCleaned('<p><b>Es stützt seine Version.</b></p>', undefined, 'end').rules, []);
});

test('dateline: only at the edges of the article', () => {
  const { document, close } = page(`<body><div id="readability-page-1">${story}<p>23.10.2018 | Politik</p>${story}</div></body>`);
  const article = document.getElementById('readability-page-1')!;
  assert.deepEqual(postClean(article, 'Title'), []);
  close();
});

test('the title heading goes only when it opens the article', () => {
  assert.deepEqual(postCleaned('<p>Intro first.</p><h1>The headline</h1>').rules, []);
});

test('a block is read again after a rule removed part of it', () => {
  // link-dense-block takes the list; what is left of the block is then only a credit line, and goes whole.
  const block = '<div class="box"><ul><li><a href="/a">One link here</a></li><li><a href="/b">Two</a></li></ul><p>Foto: Sascha Klahn</p></div>';
  const { html, rules } = postCleaned(block, undefined, 'end');
  assert.deepEqual(rules, ['link-dense-block', 'credit-line']);
  assert.doesNotMatch(html, /class="box"/);
});

test('candidates are looked at in document order: the outer block of a link list goes whole', () => {
  const { html, rules } = postCleaned('<div class="menu"><ul><li><a href="/a">Geld</a></li><li><a href="/b">Karriere</a></li><li><a href="/c">News</a></li></ul></div>', undefined, 'end');
  assert.deepEqual(rules, ['link-dense-block']);
  assert.doesNotMatch(html, /class="menu"/);
});

test('link-dense-block: a link list of up to 30 % of the article goes, a longer one stays, and so does a wrapper of linked prose', () => {
  // Three links, the last one padded: the list's text grows one character at a time.
  const list = (padding: number) => `<ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another</a></li><li><a href="/c">More${'x'.repeat(padding)}</a></li></ul>`;
  const lengths = (padding: number) => {
    const { document, close } = page(`<body><div id="readability-page-1">${story}${list(padding)}</div></body>`);
    const article = document.getElementById('readability-page-1')!;
    const listText = (article.querySelector('ul')!.textContent ?? '').length;
    const total = (article.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    close();
    return { listText, total };
  };
  // The longest list within 30 % of the article's text (rounded down) is exactly at the bound.
  const start = lengths(0);
  const withinBound = (padding: number) => {
    const { listText, total } = lengths(padding);
    return listText <= Math.floor(total * 0.3);
  };
  let padding = Math.max(0, Math.floor(((start.total - start.listText) * 0.3) / 0.7) - start.listText - 3);
  assert.ok(withinBound(padding));
  while (withinBound(padding + 1)) padding++;
  const atBound = lengths(padding);
  const beyond = lengths(padding + 1);
  assert.equal(atBound.listText, Math.floor(atBound.total * 0.3), 'a list exactly at the bound');
  assert.ok(beyond.listText > beyond.total * 0.3, 'and one past it');
  assert.deepEqual(postCleaned(list(padding), undefined, 'end').rules, ['link-dense-block']);
  assert.deepEqual(postCleaned(list(padding + 1), undefined, 'end').rules, []);
  // A section that wraps the story and its links is mostly prose, however many links it holds.
  const { document, close } = page(`<body><div id="readability-page-1"><section>${story.replace(/happened/g, '<a href="/h">happened</a>')}</section></div></body>`);
  const article = document.getElementById('readability-page-1')!;
  assert.deepEqual(postClean(article, 'Title'), []);
  close();
});
