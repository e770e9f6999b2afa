import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparableTitle, namedHeadline, titleNames } from '../../src/core/headline.ts';
import { page } from '../support/dom.ts';

test('the title names a heading when either holds the other, and a short label never', (t) => {
  const parsed = page('<title>t</title><h1>Bridge reopens after repairs</h1><h2>Breaking: bridge reopens after repairs today</h2><h3>News</h3>');
  t.after(parsed.close);
  const [h1, h2, h3] = ['h1', 'h2', 'h3'].map((tag) => parsed.document.querySelector(tag)!);
  const title = comparableTitle('  Bridge   reopens after repairs | The Daily ');
  assert.equal(titleNames(title, h1!), true);
  assert.equal(titleNames(comparableTitle('Bridge reopens after repairs'), h2!), true);
  assert.equal(titleNames(comparableTitle('News | The Daily'), h3!), false);
  assert.equal(titleNames('', h1!), false);
});

test('the headline is the first named h1, else the first named h2', (t) => {
  const withH1 = page('<title>Bridge reopens after repairs - The Daily</title><h2>Bridge reopens after repairs</h2><h1>The Daily</h1><h1>Bridge reopens after repairs</h1>');
  const withH2 = page('<title>Bridge reopens after repairs - The Daily</title><h1>The Daily</h1><h2>Bridge reopens after repairs</h2>');
  const withNone = page('<title>The Daily</title><h1>Bridge reopens after repairs</h1>');
  t.after(() => [withH1, withH2, withNone].forEach((parsed) => parsed.close()));
  assert.equal(namedHeadline(withH1.document), withH1.document.querySelectorAll('h1')[1]);
  assert.equal(namedHeadline(withH2.document), withH2.document.querySelector('h2'));
  assert.equal(namedHeadline(withNone.document), null);
});
