import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeArticleHtml, sanitizeToFragment } from '../../src/core/sanitize.ts';
import { page } from '../support/dom.ts';

const { window, close } = page('<!doctype html><body></body>');
test.after(close);

function sanitize(html: string): string {
  return sanitizeArticleHtml(html, window).innerHTML;
}

const attacks: Array<[string, string, RegExp]> = [
  ['script element', '<p>a</p><script>alert(1)</script>', /<script|alert/i],
  ['event handler', '<img src="https://x.example/a.png" onerror="alert(1)">', /onerror|alert/i],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
  ['obfuscated javascript: link', '<a href="  jAvAsCrIpT&#58;alert(1)">x</a>', /javascript|alert/i],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
  ['data: HTML link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:text|script/i],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /srcdoc|iframe|script/i],
  ['form with action', '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>', /<form|<input|<button|formaction/i],
  ['base element', '<base href="https://evil.example/">', /<base/i],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /<meta|refresh/i],
  ['object and embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">', /<object|<embed/i],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>', /<svg|onload/i],
  ['svg script', '<svg><script>alert(1)</script></svg>', /script|alert/i],
  ['svg animate href', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>', /animate|javascript/i],
  ['mathml namespace confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /onerror|<style/i],
  ['mathml href', '<math href="javascript:alert(1)"><mi>x</mi></math>', /javascript/i],
  ['style element', '<style>body{background:url(javascript:alert(1))}</style><p>x</p>', /<style|javascript/i],
  ['inline style', '<p style="background:url(https://tracker.example/p.gif)">x</p>', /style=|tracker/i],
  ['dom clobbering id', '<img name="getElementById" id="cookie" src="https://x.example/a.png">', /name=|id=/i],
  ['template smuggling', '<template><img src=x onerror=alert(1)></template>', /onerror|<template/i],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', /onerror/i],
  ['svg data URI image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+">', /data:image\/svg/i],
  ['link ping', '<a href="https://x.example/" ping="https://tracker.example/">x</a>', /ping=/i],
];

for (const [name, html, forbidden] of attacks) {
  test(`sanitize removes ${name}`, () => {
    const output = sanitize(html);
    assert.doesNotMatch(output, forbidden, output);
  });
}

test('sanitize keeps article markup', () => {
  const output = sanitize(
    '<h2>Title</h2><p>Text with <a href="https://a.example/x" title="t">a link</a>, <em>emphasis</em> and <code>code</code>.</p>' +
      '<figure><img src="https://a.example/i.jpg" alt="An image" srcset="https://a.example/i2.jpg 2x"><figcaption>Caption</figcaption></figure>' +
      '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
      '<pre data-lang="js"><code>let x = 1;</code></pre><blockquote cite="https://a.example/q"><p>Quote</p></blockquote>' +
      '<ol start="3"><li>three</li></ol><p lang="ar" dir="rtl">مرحبا</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">',
  );
  for (const kept of ['<h2>Title</h2>', 'href="https://a.example/x"', '<em>emphasis</em>', '<figcaption>Caption</figcaption>', 'srcset="https://a.example/i2.jpg 2x"', 'scope="col"', 'colspan="2"', 'data-lang="js"', 'start="3"', 'dir="rtl"', 'lang="ar"', 'src="data:image/png;base64,iVBORw0KGgo="']) {
    assert.ok(output.includes(kept), `keeps ${kept} in ${output}`);
  }
});

test('video keeps controls and never autoplays', () => {
  const output = sanitize('<video src="https://a.example/v.mp4" autoplay loop muted></video>');
  assert.match(output, /controls/);
  assert.match(output, /preload="none"/);
  assert.doesNotMatch(output, /autoplay/);
});

test('sanitizeToFragment applies the same profile', () => {
  const fragment = sanitizeToFragment('<p onclick="x()">hi<script>alert(1)</script></p>', window);
  assert.equal(fragment.childNodes.length, 1);
  assert.equal((fragment.firstChild as Element).outerHTML, '<p>hi</p>');
});

test('an element with an `is` attribute keeps its content', () => {
  assert.match(sanitize('<section is="site-layout"><p>Story</p></section>'), /<p>Story<\/p>/);
});
