import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textCounter, visibleTextLength } from '../../src/content/layout-signals.ts';
import { page } from '../support/dom.ts';

const PAGE = `<body>
  <nav>Home  News</nav>
  <script>var payload = "not text a reader sees";</script><style>p { color: red }</style>
  <article><h1>River town</h1><p>The old bridge stood.</p><noscript><img src="x.gif"></noscript>
  <p>Every   morning the baker crossed it.</p><template><p>never shown</p></template></article>
</body>`;

test('visible text length: characters a reader could see, without whitespace, scripts, styles, noscript or templates', () => {
  const { document, close } = page(PAGE);
  assert.equal(visibleTextLength(document.body), 'HomeNewsRivertownTheoldbridgestood.Everymorningthebakercrossedit.'.length);
  close();
});

test('the page text counter is exact up to its bound, only says "more" past it, and resumes where it stopped', () => {
  const { document, close } = page(PAGE);
  const total = 'HomeNewsRivertownTheoldbridgestood.Everymorningthebakercrossedit.'.length;
  const upTo = textCounter(document.body);
  const first = upTo(5);
  assert.ok(first > 5 && first < total, `stopped early: ${first} of ${total}`);
  assert.equal(upTo(3), first, 'a smaller bound asks nothing new');
  const second = upTo(first + 10);
  assert.ok(second > first + 10 && second <= total, 'resumed past the new bound');
  assert.equal(upTo(total), total, 'exact when the text is no longer than the bound');
  assert.equal(upTo(Number.POSITIVE_INFINITY), total, 'the walk is over: the same exact total');
  assert.equal(textCounter(document.body)(total - 1), total, 'one past the bound is enough to say "more"');
  close();
});
