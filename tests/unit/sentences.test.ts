import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SENTENCE_CHARS, sentences, sentenceSpans } from '../../src/core/sentences.ts';
import { pickVoice } from '../../src/core/voices.ts';

test('Intl.Segmenter exists here and, alone, ends a sentence after "Mr." (what the repairs below are for)', () => {
  const raw = Array.from(new Intl.Segmenter('en', { granularity: 'sentence' }).segment('Mr. Smith left. He came back.'), (part) => part.segment);
  assert.deepEqual(raw, ['Mr. ', 'Smith left. ', 'He came back.']);
});

test('English: sentences end at . ! ? and keep their terminators; white space around them is left out', () => {
  assert.deepEqual(sentences('  The bridge is old.  Is it safe?\nYes! It was rebuilt in 1990.  ', 'en'), ['The bridge is old.', 'Is it safe?', 'Yes!', 'It was rebuilt in 1990.']);
});

test('English abbreviations before a name or a number do not end a sentence; "no." at a sentence end does', () => {
  assert.deepEqual(sentences('Mr. Smith met Dr. Jones in the U.S. capital. J. R. R. Tolkien wrote it.', 'en'), ['Mr. Smith met Dr. Jones in the U.S. capital.', 'J. R. R. Tolkien wrote it.']);
  assert.deepEqual(sentences('See No. 5 and fig. 2 today. The answer was no. Then he left.', 'en'), ['See No. 5 and fig. 2 today.', 'The answer was no.', 'Then he left.']);
  assert.deepEqual(sentences('It costs $3.50 today, e.g. at the market. Fine.', 'en'), ['It costs $3.50 today, e.g. at the market.', 'Fine.']);
});

test('Chinese: 。！？ end sentences with no space after them; an opening quote starts the next sentence', () => {
  assert.deepEqual(sentences('今天天气很好。我们去公园吧！你觉得怎么样？好的！“走吧。”他说。', 'zh-CN'), ['今天天气很好。', '我们去公园吧！', '你觉得怎么样？', '好的！', '“走吧。”', '他说。']);
});

test('Japanese: 。！？ end sentences; a quotation followed by a particle stays one sentence', () => {
  assert.deepEqual(sentences('今日は晴れです。公園に行きましょう！どう思いますか？いいですね！「行こう。」と彼は言った。', 'ja'), ['今日は晴れです。', '公園に行きましょう！', 'どう思いますか？', 'いいですね！', '「行こう。」と彼は言った。']);
});

test('German closing quote „…“ stays with its sentence', () => {
  assert.deepEqual(sentences('Er sagte: „Hallo.“ Dann ging er.', 'de'), ['Er sagte: „Hallo.“', 'Dann ging er.']);
});

test('spans point into the text; an invalid or missing language tag still splits', () => {
  const text = 'One. Two.';
  assert.deepEqual(sentenceSpans(text, 'not a tag!'), [{ start: 0, end: 4 }, { start: 5, end: 9 }]);
  assert.deepEqual(sentenceSpans(text, null).map(({ start, end }) => text.slice(start, end)), ['One.', 'Two.']);
  assert.deepEqual(sentenceSpans('   \n ', 'en'), []);
});

test('a run-on sentence is cut at pauses into pieces the speech engine will not stall on', () => {
  const text = `${'the ferryman, the baker and the teacher crossed the bridge, '.repeat(12)}and went home.`;
  const pieces = sentences(text, 'en');
  assert.ok(pieces.length > 1);
  assert.ok(pieces.every((piece) => piece.length <= MAX_SENTENCE_CHARS), pieces.map((piece) => piece.length).join());
  assert.ok(pieces.slice(0, -1).every((piece) => piece.endsWith(',')), 'cut after a comma');
  assert.equal(pieces.join(' '), text);
  const unbroken = 'x'.repeat(MAX_SENTENCE_CHARS * 2 + 5);
  assert.deepEqual(sentences(unbroken).map((piece) => piece.length), [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]);
});

const voice = (lang: string, isDefault = false, localService = true) => ({ lang, default: isDefault, localService, name: `${lang}${isDefault ? '*' : ''}${localService ? '' : '@net'}` });

test('voice: the same tag first, then the same language, whatever the tag is spelt like', () => {
  const voices = [voice('en-US', true), voice('en-GB'), voice('zh_CN'), voice('fr')];
  assert.equal(pickVoice(voices, 'en-GB')?.name, 'en-GB');
  assert.equal(pickVoice(voices, 'zh-CN')?.name, 'zh_CN');
  assert.equal(pickVoice(voices, 'fr-CA')?.name, 'fr');
  assert.equal(pickVoice(voices, 'en')?.name, 'en-US*', 'the default among voices of the language');
  assert.equal(pickVoice([voice('cmn')], 'zh-TW')?.name, 'cmn', 'Mandarin tagged cmn reads Chinese');
});

test('voice: a local voice before a network one; no match or no language gives the default voice; no voices gives null', () => {
  assert.equal(pickVoice([voice('de', false, false), voice('de')], 'de-DE')?.name, 'de');
  const voices = [voice('en-US'), voice('de', true)];
  assert.equal(pickVoice(voices, 'ja')?.name, 'de*');
  assert.equal(pickVoice(voices, null)?.name, 'de*');
  assert.equal(pickVoice([], 'en'), null);
});
