import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../../src/node/parse.ts';
import { PARSER_MAX_DEPTH } from '../../src/node/nesting.ts';

test('a page nested past the parser cap whose doctype name the DOM refuses still parses (fuzz seed 220)', (t) => {
  // The fuzz run inserted unclosed divs inside `<!DOCTYPE html>`: the tokenizer names the doctype `h<div`.
  const page = parsePage(`<!DOCTYPE h<div>${'<div>'.repeat(PARSER_MAX_DEPTH + 10)}<p>The story.</p>`, undefined);
  t.after(page.close);
  assert.equal(page.document.doctype, null);
  assert.equal(page.document.querySelector('p')?.textContent, 'The story.');
});
