import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/node/index.ts';
import { parsePage } from '../../src/node/parse.ts';
import { blockText } from '../../src/core/text.ts';
import type { Removal } from '../../src/core/types.ts';
import { readabilityCases, READABILITY_TEST_FRAGMENTS, READABILITY_TEST_URL, wordRecall, words } from '../support/corpus.ts';

export interface WordsKeptRow {
  name: string;
  readmark: number;
  readability: number;
  /**
   * Expected words that Readability alone keeps and Readmark does not, by the cleaning rule
   * whose removed text holds them (`family/rule`), or `unexplained`.
   */
  lostTo: Record<string, number>;
}

/** The multiset difference `from` minus `minus`. */
function wordsMissing(from: string[], minus: string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of minus) counts.set(word, (counts.get(word) ?? 0) + 1);
  return from.filter((word) => {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    return left === 0;
  });
}

/** Each lost word goes to the first removal whose text still has it to give. */
function attribute(lost: string[], removals: readonly Removal[]): Record<string, number> {
  const pools = removals.map((removal) => {
    const counts = new Map<string, number>();
    for (const word of words(removal.text ?? '')) counts.set(word, (counts.get(word) ?? 0) + 1);
    return { rule: `${removal.family}/${removal.rule}`, counts };
  });
  const lostTo: Record<string, number> = {};
  for (const word of lost) {
    const pool = pools.find((candidate) => (candidate.counts.get(word) ?? 0) > 0);
    if (pool) pool.counts.set(word, pool.counts.get(word)! - 1);
    const key = pool?.rule ?? 'unexplained';
    lostTo[key] = (lostTo[key] ?? 0) + 1;
  }
  return lostTo;
}

/** Share of each Readability test page's expected article words kept, Readmark against Readability alone. */
export async function readabilityWordsKept() {
  const rows: WordsKeptRow[] = [];
  for (const testCase of readabilityCases()) {
    const expectedPage = parsePage(testCase.expectedHtml, READABILITY_TEST_URL);
    const expected = words(blockText(expectedPage.document.body));
    expectedPage.close();
    const result = await extractArticle(testCase.source, { url: READABILITY_TEST_URL, force: READABILITY_TEST_FRAGMENTS.has(testCase.name), debug: true });
    const alonePage = parsePage(testCase.source, READABILITY_TEST_URL);
    const alone = new Readability(alonePage.document, { serializer: (node) => node as HTMLElement }).parse();
    const aloneWords = words(alone?.content ? blockText(alone.content) : '');
    alonePage.close();
    const readmarkWords = words(result.kind === 'article' ? result.text : '');
    // Expected words Readability alone keeps that Readmark lost.
    const lost = wordsMissing(wordsMissing(expected, wordsMissing(expected, aloneWords)), readmarkWords);
    rows.push({
      name: testCase.name,
      readmark: wordRecall(expected, readmarkWords),
      readability: wordRecall(expected, aloneWords),
      lostTo: attribute(lost, result.removals ?? []),
    });
  }
  const mean = (key: 'readmark' | 'readability') => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
  return { pages: rows.length, readmark: mean('readmark'), readability: mean('readability'), below: rows.filter((row) => row.readmark < 0.99 * row.readability), rows };
}
