// The Node library's parser against Chromium's on deeply nested markup: the same tree, so the
// same document text and the same depth (Chromium stops nesting at 512 open elements).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parsePage } from '../../src/node/parse.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Nested levels with text and closed inline elements at each, then half of them closed and more content. */
function nestedMarkup(depth: number): string {
  const levels = Array.from({ length: depth }, (_, level) => `<div class="l${level}">level ${level} <span>s${level}</span><!--c${level}-->`).join('');
  return `<!doctype html><html><head><title>Nested ${depth}</title></head><body><h1>Nested</h1>${levels}<p>deepest<em>e</em></p>${'</div>'.repeat(Math.floor(depth / 2))}<p>after half</p><b>bold <i>both</i></b> tail`;
}

interface TreeFacts {
  text: string;
  maxElementDepth: number;
  html: string;
}

/** Runs in the page and in Node alike: nothing but DOM calls. */
function treeFacts(doc: Document): TreeFacts {
  let maxElementDepth = 0;
  const stack: Array<[Element, number]> = [[doc.documentElement, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    maxElementDepth = Math.max(maxElementDepth, depth);
    // Sibling links, not `children`: jsdom's live collection is slow to index on a wide level.
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return { text: doc.body.textContent ?? '', maxElementDepth, html: doc.documentElement.outerHTML };
}

/** Where two long serializations part, with some context; null when equal (assert's own diff of 650 KB strings takes minutes). */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index++;
  return `at ${index}: Node ${JSON.stringify(actual.slice(index - 60, index + 80))}, Chromium ${JSON.stringify(expected.slice(index - 60, index + 80))}`;
}

describe('nesting depth: Node and Chromium build the same tree', { timeout: 180_000 }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  for (const depth of [100, 512, 2_000, 10_000]) {
    test(`${depth} levels`, async () => {
      const markup = nestedMarkup(depth);
      await page.setContent(markup);
      const inChromium = await page.evaluate(`(${treeFacts.toString()})(document)`) as TreeFacts;
      const parsed = parsePage(markup, 'https://example.test/nested.html');
      try {
        const inNode = treeFacts(parsed.document);
        assert.equal(inNode.maxElementDepth, inChromium.maxElementDepth);
        assert.equal(inNode.text, inChromium.text);
        assert.equal(firstDifference(inNode.html, inChromium.html), null);
        if (depth > 512) assert.equal(inNode.maxElementDepth, 513);
      } finally {
        parsed.close();
      }
    });
  }
});
