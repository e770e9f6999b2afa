import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declarativeShadowRoot, flattenShadowTrees } from '../../src/core/shadow.ts';
import { extractArticle } from '../../src/node/index.ts';
import { articlePage, page } from '../support/dom.ts';

/** The body's HTML after its declarative shadow roots are flattened. */
function flattened(html: string): string {
  const { document, close } = page(`<body>${html}</body>`);
  try {
    flattenShadowTrees(document, declarativeShadowRoot);
    return document.body.innerHTML;
  } finally {
    close();
  }
}

test('a named slot takes the light children with its name, the default slot the rest', () => {
  assert.equal(
    flattened('<story-card><template shadowrootmode="open"><h2><slot name="title"></slot></h2><div class="body"><slot></slot></div></template><span slot="title">Headline</span><p>First</p>text</story-card>'),
    '<story-card><h2><span slot="title">Headline</span></h2><div class="body"><p>First</p>text</div></story-card>',
  );
});

test('a slot with nothing assigned shows its fallback; unassigned light children are not shown', () => {
  assert.equal(
    flattened('<x-box><template shadowrootmode="closed"><slot name="byline"><em>Staff</em></slot><p>Shadow text</p></template><b slot="nowhere">hidden</b></x-box>'),
    '<x-box><em>Staff</em><p>Shadow text</p></x-box>',
  );
});

test('only the first slot of a name gets the assigned nodes', () => {
  assert.equal(flattened('<x-a><template shadowrootmode="open"><slot>one</slot><slot>two</slot></template><i>light</i></x-a>'), '<x-a><i>light</i>two</x-a>');
});

test('nested shadow roots flatten, and a slot passed into an inner host renders the outer assignment', () => {
  const html =
    '<x-outer><template shadowrootmode="open"><x-inner><template shadowrootmode="open"><section><slot name="s"></slot></section></template><slot slot="s"></slot></x-inner></template><p>Deep light</p></x-outer>';
  assert.equal(flattened(html), '<x-outer><x-inner><section><p>Deep light</p></section></x-inner></x-outer>');
});

test('a slotted light child that hosts its own shadow root is flattened too', () => {
  assert.equal(
    flattened('<x-a><template shadowrootmode="open"><article><slot></slot></article></template><x-b><template shadowrootmode="open"><p>B inside</p></template></x-b></x-a>'),
    '<x-a><article><x-b><p>B inside</p></x-b></article></x-a>',
  );
});

test('a template without shadowrootmode, or on an element that cannot host one, stays inert', () => {
  assert.equal(flattened('<div><template><p>later</p></template></div>'), '<div><template><p>later</p></template></div>');
  const link = page('<body><a href="/"><template shadowrootmode="open">x</template></a></body>');
  assert.equal(declarativeShadowRoot(link.document.querySelector('a')!), null);
  link.close();
});

test('a shadow root from another document is copied in, the source untouched', () => {
  const source = page('<body><div id="root"><p>Shadow paragraph</p><slot></slot></div></body>');
  const target = page('<body><x-host id="host"><span>light</span></x-host></body>');
  const root = source.document.getElementById('root')!;
  const fragment = source.document.createDocumentFragment();
  fragment.append(...Array.from(root.cloneNode(true).childNodes));
  flattenShadowTrees(target.document, (element) => (element.id === 'host' ? fragment : null));
  assert.equal(target.document.getElementById('host')!.innerHTML, '<p>Shadow paragraph</p><span>light</span>');
  assert.equal(fragment.childNodes.length, 2);
  assert.equal(fragment.ownerDocument, source.document);
  source.close();
  target.close();
});

test('extractArticle reads an article that sits in a declarative shadow root', async () => {
  const story = articlePage('').replace(/<article>([\s\S]*)<\/article>/, (_, inner: string) =>
    `<news-article><template shadowrootmode="open"><style>p{margin:0}</style><article><slot name="headline"></slot>${inner}<p>Shadow-only closing paragraph about the harbour.</p></article></template><h1 slot="headline">Slotted headline</h1></news-article>`,
  );
  const result = await extractArticle(`${story}`, { url: 'https://news.example/a.html' });
  assert.equal(result.kind, 'article');
  if (result.kind !== 'article') return;
  assert.match(result.text, /Paragraph 6 of the story/);
  assert.match(result.text, /Shadow-only closing paragraph about the harbour/);
  assert.doesNotMatch(result.html, /<template|<slot/);
});
