import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReadingSelection, READING_SELECTION_MIN_WORDS } from '../../src/core/selection.ts';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

test('a few words, a name or one short sentence are not a request to read', () => {
  for (const text of ['', 'ferry', 'Harbour Gazette', 'The harbour council voted on Tuesday evening.', words(READING_SELECTION_MIN_WORDS - 1)]) {
    assert.equal(isReadingSelection(text), false, text);
  }
});

test('from the threshold on, a selection is read', () => {
  assert.equal(isReadingSelection(words(READING_SELECTION_MIN_WORDS)), true);
  const paragraph = 'Councillors agreed, after a long debate, that the last crossing will leave the island at half past ten, one hour later than this year, from the first of November, and that the early crossing starts in spring.';
  assert.equal(isReadingSelection(paragraph), true);
});

test('Chinese and Japanese count by character, as the reading time does', () => {
  assert.equal(isReadingSelection('港口委员会'), false);
  assert.equal(isReadingSelection('港口委员会周二晚间投票通过了新的冬季渡轮时刻表，为医院的轮班工作人员增加了早班。'), true);
  assert.equal(isReadingSelection('ひらがなとカタカナ'), false);
});
