import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/node/index.ts';
import { blocksAfterHeadline, restoreLead } from '../../src/core/lead.ts';
import { page } from '../support/dom.ts';

const body = Array.from({ length: 6 }, (_, index) => `<p>Body paragraph ${index + 1} carries the story on, with enough ordinary words, commas, and sentences to be read as the article.</p>`).join('');
const lead = 'The council voted on Monday to close the old bridge for two years, the city said in a statement.';

function storyPage(header: string): string {
  return `<!doctype html><html lang="en"><head><title>Bridge to close - The Example</title></head><body>
    <div class="page-header"><h1>Bridge to close</h1>${header}</div>
    <div class="story-body">${body}</div></body></html>`;
}

async function textOf(html: string): Promise<string> {
  const result = await extractArticle(html, { url: 'https://news.example/bridge', force: true });
  assert.equal(result.kind, 'article');
  return result.kind === 'article' ? result.text : '';
}

test('the lead between the headline and the story is put back at the top', async () => {
  const text = await textOf(storyPage(`<p class="standfirst">${lead}</p>`));
  assert.ok(text.startsWith(lead), text.slice(0, 200));
  assert.equal(text.split(lead).length, 2, 'once');
});

test('a lead already in the article is not added again', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1><p>${lead}</p>${body}</article></body></html>`;
  const text = await textOf(html);
  assert.equal(text.split(lead).length, 2);
});

test('bylines, dates, captions and short kickers after the headline are not a lead', async () => {
  const header = '<p class="byline">By Ada Lovelace, Chief Correspondent for Bridges and Other Infrastructure, London</p><p>Politics</p><figure><img src="/b.jpg"><figcaption>The old bridge over the river on a cold winter morning, seen from the east bank</figcaption></figure>';
  const text = await textOf(storyPage(header));
  assert.doesNotMatch(text, /Ada Lovelace|Politics|cold winter morning/);
});

test('a byline or dateline written as a sentence, or the headline again, is no lead', async () => {
  const header = '<p>By Alex Heath, a deputy editor and author of the Command Line newsletter about the industry</p><p>Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger</p><h2>\'Bridge to close\': the council votes on the future of the old river crossing</h2>';
  const text = await textOf(storyPage(header));
  assert.doesNotMatch(text, /Alex Heath|Le Monde|council votes/);
});

test('text the page hides is no lead', async () => {
  const text = await textOf(storyPage(`<div style="visibility: hidden"><p>${lead}</p></div>`));
  assert.ok(!text.includes(lead), text.slice(0, 200));
});

test('nothing is added when the article does not start right after the headline', () => {
  const { document, close } = page(storyPage(`<p class="standfirst">${lead}</p>`));
  const blocks = blocksAfterHeadline(document);
  assert.deepEqual(blocks.map((block) => block.prose), [true, true, true, true, true, true]);
  const elsewhere = document.createElement('div');
  elsewhere.innerHTML = '<div id="readability-page-1"><p>A different text altogether, from another part of the page.</p></div>';
  assert.equal(restoreLead(elsewhere, blocks), 0);
  close();
});
