import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/node/index.ts';
import { parsePage } from '../../src/node/parse.ts';
import { blockText } from '../../src/core/text.ts';
import { readabilityCases, READABILITY_TEST_URL, wordRecall, words } from '../support/corpus.ts';

/** Share of each Readability test page's expected article words kept, Readmark against Readability alone. */
export async function readabilityWordsKept() {
  const rows: Array<{ name: string; readmark: number; readability: number }> = [];
  for (const testCase of readabilityCases()) {
    const expectedPage = parsePage(testCase.expectedHtml, READABILITY_TEST_URL);
    const expected = words(blockText(expectedPage.document.body));
    expectedPage.close();
    const result = await extractArticle(testCase.source, { url: READABILITY_TEST_URL, force: true });
    const alonePage = parsePage(testCase.source, READABILITY_TEST_URL);
    const alone = new Readability(alonePage.document, { serializer: (node) => node as HTMLElement }).parse();
    const aloneWords = words(alone?.content ? blockText(alone.content) : '');
    alonePage.close();
    rows.push({ name: testCase.name, readmark: wordRecall(expected, words(result.kind === 'article' ? result.text : '')), readability: wordRecall(expected, aloneWords) });
  }
  const mean = (key: 'readmark' | 'readability') => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
  return { pages: rows.length, readmark: mean('readmark'), readability: mean('readability'), below: rows.filter((row) => row.readmark < 0.99 * row.readability), rows };
}
