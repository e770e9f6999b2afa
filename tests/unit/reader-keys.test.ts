import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFormField, keyLabel, READER_KEYS, readerKeyAction, type KeyPress } from '../../src/shared/reader-keys.ts';
import { page } from '../support/dom.ts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });

test('the table: one action per key, every action has a key and a label', () => {
  const keys = READER_KEYS.flatMap((entry) => entry.keys);
  assert.equal(new Set(keys).size, keys.length, 'no key does two things');
  assert.equal(new Set(READER_KEYS.map((entry) => entry.action)).size, READER_KEYS.length);
  assert.deepEqual(READER_KEYS.map((entry) => entry.action).sort(), ['close', 'contents', 'copy', 'download', 'larger', 'print', 'read-aloud', 'smaller', 'theme']);
  assert.equal(keyLabel('Escape'), 'Esc');
  assert.equal(keyLabel('t'), 'T');
});

test('keys map to their action, letters in either case', () => {
  assert.equal(readerKeyAction(press('+'), null), 'larger');
  assert.equal(readerKeyAction(press('='), null), 'larger');
  assert.equal(readerKeyAction(press('-'), null), 'smaller');
  assert.equal(readerKeyAction(press('T'), null), 'theme');
  assert.equal(readerKeyAction(press('s'), null), 'read-aloud');
  assert.equal(readerKeyAction(press('d'), null), 'download');
  assert.equal(readerKeyAction(press('Escape'), null), 'close');
  assert.equal(readerKeyAction(press('x'), null), null);
  assert.equal(readerKeyAction(press(' '), null), null, 'space scrolls, as everywhere');
});

test('nothing fires with Ctrl, Alt or Meta held, or while an input method composes', () => {
  for (const modifier of ['ctrlKey', 'altKey', 'metaKey', 'isComposing'] as const) {
    assert.equal(readerKeyAction(press('c', { [modifier]: true }), null), null, modifier);
    assert.equal(readerKeyAction(press('Escape', { [modifier]: true }), null), null, `${modifier} + Escape`);
  }
});

test('in a form field only Escape fires: input, select, textarea, contenteditable; not buttons or links', () => {
  const { document } = page('<body><input id="i"><select id="s"></select><textarea id="a"></textarea><div contenteditable id="e"><b id="in-editable">x</b></div><div contenteditable="false" id="off"></div><button id="b"></button><a href="#" id="l"></a></body>');
  const element = (id: string) => document.getElementById(id);
  for (const id of ['i', 's', 'a', 'e', 'in-editable']) {
    assert.equal(isFormField(element(id)), true, id);
    assert.equal(readerKeyAction(press('c'), element(id)), null, `c in #${id}`);
    assert.equal(readerKeyAction(press('Escape'), element(id)), 'close', `Escape in #${id}`);
  }
  for (const id of ['off', 'b', 'l']) {
    assert.equal(isFormField(element(id)), false, id);
    assert.equal(readerKeyAction(press('c'), element(id)), 'copy', `c in #${id}`);
  }
  assert.equal(isFormField(null), false);
});
