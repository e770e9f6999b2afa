import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeSegmentBreaksBetweenWideCharacters } from '../../src/core/segment-breaks.ts';
import { SEED } from '../support/corpus.ts';
import { page } from '../support/dom.ts';

/** The body's text after the rule ran on `html`; the markup keeps its elements. */
function afterRule(html: string): { text: string; html: string } {
  const { document, close } = page(`<body>${html}</body>`);
  removeSegmentBreaksBetweenWideCharacters(document.body);
  const result = { text: document.body.textContent ?? '', html: document.body.innerHTML };
  close();
  return result;
}

test('a line break between Chinese characters goes, across <span> and <a> boundaries', () => {
  assert.equal(afterRule('<p><span>哈萨克</span>\n<span>因为</span>\n  <a href="/x">能源价格</a>\n飙升</p>').text, '哈萨克因为能源价格飙升');
  assert.equal(afterRule('<p>哈萨克<a href="/x">\n因为 </a>\n 能源</p>').text, '哈萨克因为能源');
  assert.equal(afterRule('<p><b>哈萨克</b>\n<b>因为</b></p>').html, '<p><b>哈萨克</b><b>因为</b></p>', 'the elements stay');
});

test('Japanese kana and full-width punctuation count as wide', () => {
  assert.equal(afterRule('<p>これは\nテストです。\n「本当」</p>').text, 'これはテストです。「本当」');
});

test('a space typed on one line between Chinese characters stays', () => {
  assert.equal(afterRule('<p>求俄派出维和部队 哈萨克示威</p>').text, '求俄派出维和部队 哈萨克示威');
  assert.equal(afterRule('<p><span>维和部队</span> <span>哈萨克</span></p>').text, '维和部队 哈萨克');
});

test('Hangul keeps its line breaks as spaces', () => {
  assert.equal(afterRule('<p>한국어\n문장</p>').text, '한국어\n문장');
  assert.equal(afterRule('<p>中文\n한국어</p>').text, '中文\n한국어');
});

test('Latin text, and Latin beside Chinese, is untouched', () => {
  assert.equal(afterRule('<p>line one\nline <em>two</em>\n three</p>').text, 'line one\nline two\n three');
  assert.equal(afterRule('<p>中文\nEnglish\n中文</p>').text, '中文\nEnglish\n中文');
});

test('pre, block edges, <br> and images are not spaces between neighbours', () => {
  assert.equal(afterRule('<pre>中文\n中文</pre>').text, '中文\n中文');
  assert.equal(afterRule('<div><p>中文</p>\n<p>中文</p></div>').text, '中文\n中文');
  assert.equal(afterRule('<p>中文<br>\n中文</p>').text, '中文\n中文');
  assert.equal(afterRule('<p>中文\n<img src="/a.png">\n中文</p>').text, '中文\n\n中文');
});

test('characters outside the Basic Multilingual Plane (CJK Extension B) are wide too', () => {
  assert.equal(afterRule('<p>𠀀\n𠀁</p>').text, '𠀀𠀁');
});

test('the seed page reads without stray spaces between its inline elements', () => {
  const { document, close } = page(readFileSync(join(SEED, 'page.html'), 'utf8'));
  removeSegmentBreaksBetweenWideCharacters(document.body);
  const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
  assert.doesNotMatch(text, /哈萨克 因为 能源价格 飙升/);
  assert.match(text, /哈萨克因为能源价格飙升/);
  close();
});
