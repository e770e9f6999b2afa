import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtml } from '../../src/node/decode.ts';

const encode = (text: string, bytes: number[] = []) => new Uint8Array([...bytes, ...Buffer.from(text, 'latin1')]);

test('UTF-8 BOM wins over a wrong meta charset', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<meta charset="iso-8859-1"><p>é</p>', 'utf8')]);
  assert.match(decodeHtml(bytes), /<p>é<\/p>/);
});

test('meta charset: GBK', () => {
  // "中文" in GBK is D6 D0 CE C4
  const bytes = new Uint8Array([...Buffer.from('<meta charset="gbk"><p>'), 0xd6, 0xd0, 0xce, 0xc4, ...Buffer.from('</p>')]);
  assert.match(decodeHtml(bytes), /<p>中文<\/p>/);
});

test('meta http-equiv: Shift_JIS', () => {
  // "日本" in Shift_JIS is 93 FA 96 7B
  const bytes = new Uint8Array([...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>'), 0x93, 0xfa, 0x96, 0x7b, ...Buffer.from('</p>')]);
  assert.match(decodeHtml(bytes), /<p>日本<\/p>/);
});

test('the transport charset wins over meta', () => {
  const bytes = encode('<meta charset="utf-8"><p>caf\xe9</p>');
  assert.match(decodeHtml(bytes, 'iso-8859-1'), /café/);
});

test('undeclared: valid UTF-8 is UTF-8, anything else windows-1252', () => {
  assert.match(decodeHtml(new Uint8Array(Buffer.from('<p>naïve – ok</p>', 'utf8'))), /naïve – ok/);
  assert.match(decodeHtml(encode('<p>na\xefve \x96 ok</p>')), /naïve – ok/);
});

test('a meta charset past the first 1024 bytes still counts for bytes that are not UTF-8', () => {
  // "中文" in GBK is D6 D0 CE C4; the declaration sits after 1,100 bytes of head.
  const head = `<head><title>t</title><style>${'x'.repeat(1100)}</style><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>`;
  const bytes = new Uint8Array([...Buffer.from(`${head}<p>`), 0xd6, 0xd0, 0xce, 0xc4, ...Buffer.from('</p>')]);
  assert.match(decodeHtml(bytes), /<p>中文<\/p>/);
  // Valid UTF-8 stays UTF-8 whatever a late declaration says.
  const utf8 = new Uint8Array(Buffer.from(`${head.replace('gb2312', 'iso-8859-1')}<p>naïve</p>`, 'utf8'));
  assert.match(decodeHtml(utf8), /<p>naïve<\/p>/);
});
