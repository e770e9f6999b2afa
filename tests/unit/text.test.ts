import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockText, collapsedTextUpTo, countWords, leafTextUpTo, reachesPrintableAscii, readingMinutes, wordTotal } from '../../src/core/text.ts';
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

test('collapsedTextUpTo: the collapsed, trimmed text while it fits, null past the bound, exact at the edge', () => {
  const { document, close } = page('<body><div id="a">\n   <span>Sponsored</span>\n\n   <b> content </b>  \n</div><div id="b">one two three four</div></body>');
  const a = document.getElementById('a')!;
  const b = document.getElementById('b')!;
  assert.equal(collapsedTextUpTo(a, 100), 'Sponsored content');
  assert.equal(collapsedTextUpTo(a, 17), 'Sponsored content', 'whitespace spread over many text nodes does not count');
  assert.equal(collapsedTextUpTo(a, 16), null);
  assert.equal(collapsedTextUpTo(b, 18), 'one two three four');
  assert.equal(collapsedTextUpTo(b, 17), null);
  close();
});

test('text drops soft hyphens and ruby annotations, and composes characters (NFC)', () => {
  const { document, close } = page('<body><p>Wein\u00adkenner</p><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字</p><p>Cafe\u0301</p></body>');
  assert.equal(blockText(document.body), 'Weinkenner\n\n漢字\n\nCaf\u00e9');
  close();
});

test('reachesPrintableAscii counts printable ASCII outside ruby annotations, exactly up to the bound', () => {
  const { document, close } = page('<body><div id="a"><p>ab  c\u00ad</p><ruby>de<rt>xyz</rt></ruby><p>e\u0301</p></div></body>');
  const root = document.getElementById('a')!;
  // a b c d e e: whitespace, the soft hyphen, the combining accent and the <rt> text do not count.
  assert.equal(reachesPrintableAscii(root, 6), true);
  assert.equal(reachesPrintableAscii(root, 7), false);
  assert.equal(reachesPrintableAscii(root, 0), true);
  // Text a script put inside a <br>: blockText never reads it.
  const lineBreak = document.createElement('br');
  lineBreak.append('x'.repeat(50));
  root.append(lineBreak);
  assert.equal(reachesPrintableAscii(root, 7), false);
  close();
});

test('reachesPrintableAscii never claims more than blockText holds (random pages with whitespace, soft hyphens, accents, ruby, CJK)', () => {
  const pieces = ['a', 'Zq', ' ', '\n\t', '\u00ad', 'e\u0301', '\u1100\u1161', '漢字', 'ｶ', '\uE000', '<b>', '</b>', '<p>', '</p>', '<br>', '<ruby>x<rt>long annotation</rt></ruby>', '<pre> a  b </pre>', '<td>c</td>', '<!-- note -->'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let claims = 0;
  for (let round = 0; round < 200; round++) {
    const html = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const { document, close } = page(`<body><div id="root">${html}</div></body>`);
    const root = document.getElementById('root')!;
    const length = blockText(root).length;
    for (let count = 0; count <= length + 2; count++) {
      if (!reachesPrintableAscii(root, count)) continue;
      claims++;
      assert.ok(length >= count, `${JSON.stringify(html)}: claimed ${count}, blockText has ${length}`);
    }
    close();
  }
  assert.ok(claims > 1000, `the check made ${claims} claims`);
});

test('collapsedTextUpTo and leafTextUpTo agree with collapsing the whole text, on random blocks around the bound', () => {
  const pieces = ['Ad', 'vertisement', ' ', '  \n ', '\u00a0', '広告', 'x'.repeat(30), 'y '.repeat(20), '<b>', '</b>', '<!-- c -->', '<i>z</i>'];
  let seed = 3;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let round = 0; round < 300; round++) {
    const html = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const { document, close } = page(`<body><div id="block">${html}</div></body>`);
    const block = document.getElementById('block')!;
    const whole = collapseWhitespace(block.textContent);
    for (const bound of [0, 5, 13, 20, 64, 100]) {
      const expected = whole.length > bound ? null : whole;
      assert.equal(collapsedTextUpTo(block, bound), expected, `${JSON.stringify(html)} up to ${bound}`);
      if (block.childElementCount === 0) assert.equal(leafTextUpTo(block, bound), expected, `leaf ${JSON.stringify(html)} up to ${bound}`);
    }
    close();
  }
});
