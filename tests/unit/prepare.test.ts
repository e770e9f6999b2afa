import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absolutizeUrls, framesToLinks, markCodeLanguages, replaceCustomizedBuiltIns, restoreLazyImages } from '../../src/core/prepare.ts';
import { page } from '../support/dom.ts';

test('lazy images get their real src and srcset', () => {
  const { document, close } = page(
    '<body><img id="a" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/real.jpg">' +
      '<img id="b" data-srcset="/small.jpg 1x, /big.jpg 2x">' +
      '<picture><source id="c" data-srcset="/pic.webp"><img id="d" src="/lazy-placeholder.png" data-original="/orig.png"></picture></body>',
  );
  restoreLazyImages(document);
  assert.equal(document.getElementById('a')!.getAttribute('src'), '/real.jpg');
  assert.equal(document.getElementById('b')!.getAttribute('srcset'), '/small.jpg 1x, /big.jpg 2x');
  assert.equal(document.getElementById('b')!.getAttribute('src'), '/big.jpg', 'the largest candidate');
  assert.equal(document.getElementById('c')!.getAttribute('srcset'), '/pic.webp');
  assert.equal(document.getElementById('d')!.getAttribute('src'), '/orig.png');
  close();
});

test('a real src is never replaced', () => {
  const { document, close } = page('<body><img src="/photo.jpg" data-src="/other.jpg"></body>');
  restoreLazyImages(document);
  assert.equal(document.querySelector('img')!.getAttribute('src'), '/photo.jpg');
  close();
});

test('URLs become absolute against <base href>', () => {
  const { document, close } = page('<head><base href="https://cdn.example/base/"></head><body><a href="x.html">x</a><img src="../i.png" srcset="a.png 1x, /b.png 2x"><video poster="p.jpg"></video></body>', 'https://site.example/a/page.html');
  absolutizeUrls(document.body, document.baseURI);
  assert.equal(document.querySelector('a')!.getAttribute('href'), 'https://cdn.example/base/x.html');
  assert.equal(document.querySelector('img')!.getAttribute('src'), 'https://cdn.example/i.png');
  assert.equal(document.querySelector('img')!.getAttribute('srcset'), 'https://cdn.example/base/a.png 1x, https://cdn.example/b.png 2x');
  assert.equal(document.querySelector('video')!.getAttribute('poster'), 'https://cdn.example/base/p.jpg');
  close();
});

test('frames become links to what they show', () => {
  const { document, close } = page('<body><iframe src="//www.youtube.com/embed/xyz" title="A video"></iframe><iframe src="javascript:alert(1)"></iframe></body>', 'https://site.example/');
  framesToLinks(document.body, document.baseURI);
  assert.equal(document.body.innerHTML, '<p><a href="https://www.youtube.com/embed/xyz">A video</a></p>');
  close();
});

test('code language survives from pre, code or wrapper classes', () => {
  const { document, close } = page('<body><pre class="language-python"><code>x</code></pre><pre><code class="lang-rust">y</code></pre><div class="highlight-source-go"><pre>z</pre></div><pre><code>plain</code></pre></body>');
  markCodeLanguages(document);
  assert.deepEqual(Array.from(document.querySelectorAll('pre')).map((pre) => pre.getAttribute('data-lang')), ['python', 'rust', 'go', null]);
  close();
});

test('customized built-ins become plain elements, content and attributes kept', () => {
  const { document, close } = page('<body><div id="root"><section is="site-layout" lang="fr"><p is="x-p">Texte</p></section></div></body>');
  const root = document.getElementById('root')!;
  replaceCustomizedBuiltIns(root);
  assert.equal(root.innerHTML, '<section lang="fr"><p>Texte</p></section>');
  close();
});
