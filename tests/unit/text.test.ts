import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockText, collapsedTextUpTo, countWords, readingMinutes, wordTotal } from '../../src/core/text.ts';
import { collapseWhitespace } from '../../src/core/vocabulary.ts';
import { page } from '../support/dom.ts';

test('blocks are separated by a blank line, <br> by a newline', () => {
  const { document, close } = page('<body><p>Tempor</p><p>incididunt <b>ut</b><br>labore</p><ul><li>a</li><li>b</li></ul></body>');
  assert.equal(blockText(document.body), 'Tempor\n\nincididunt ut\nlabore\n\na\n\nb');
  close();
});

test('pre keeps its whitespace', () => {
  const { document, close } = page('<body><pre>a\n   b</pre></body>');
  assert.equal(blockText(document.body), 'a\n   b');
  close();
});

test('English words', () => {
  assert.deepEqual(countWords("It's a well-known fact: 3.5 apples."), { words: 6, han: 0, kana: 0 });
});

test('Chinese counts characters, punctuation does not count', () => {
  const count = countWords('警方在6日表示，已经有数十人。');
  assert.equal(count.han, 12);
  assert.equal(count.words, 1);
  assert.equal(wordTotal(count), 13);
});

test('one Han character in Latin text turns on the CJK count, and the words around it still count', () => {
  assert.deepEqual(countWords('The river town 橋 kept its bridge.'), { words: 6, han: 1, kana: 0 });
  assert.deepEqual(countWords('The river town kept its bridge.'), { words: 6, han: 0, kana: 0 });
});

test('Japanese counts kanji and kana', () => {
  assert.deepEqual(countWords('日本語です'), { words: 0, han: 3, kana: 2 });
});

test('reading time: 228 English words a minute, 255 Chinese characters a minute', () => {
  assert.equal(readingMinutes(countWords('word '.repeat(228 * 4))), 4);
  assert.equal(readingMinutes(countWords('字'.repeat(255 * 6))), 6);
  assert.equal(readingMinutes(countWords('a')), 1);
  assert.equal(readingMinutes(countWords('')), 0);
});

test('text drops soft hyphens and ruby annotations, and composes characters (NFC)', () => {
  const { document, close } = page('<body><p>Wein\u00adkenner</p><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字</p><p>Cafe\u0301</p></body>');
  assert.equal(blockText(document.body), 'Weinkenner\n\n漢字\n\nCaf\u00e9');
  close();
});

test('collapsedTextUpTo: the collapsed, trimmed text while it fits, null past the bound, on random blocks', () => {
  const pieces = ['Ad', 'vertisement', ' ', '  \n ', '\u00a0', '広告', 'x'.repeat(30), 'y '.repeat(20), '<b>', '</b>', '<!-- c -->', '<i>z</i>'];
  let seed = 3;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let round = 0; round < 300; round++) {
    const html = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const { document, close } = page(`<body><div id="block">${html}</div></body>`);
    const block = document.getElementById('block')!;
    const whole = collapseWhitespace(block.textContent);
    for (const bound of [0, 5, 13, 20, 64, 100]) assert.equal(collapsedTextUpTo(block, bound), whole.length > bound ? null : whole, `${JSON.stringify(html)} up to ${bound}`);
    close();
  }
});
