// The labelled set for the article verdict: pages that are articles and pages that are not,
// read through the default path as a user gets them. trafilatura-eval (all articles) is
// scored by `npm run eval` itself; this file covers the hand-written set and the Readability
// test pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/node/index.ts';
import { halfOf, normalize, readabilityCases, READABILITY_TEST_FRAGMENTS, READABILITY_TEST_URL, type Half } from '../support/corpus.ts';

const FIXTURES = new URL('../fixtures/verdict/', import.meta.url).pathname;

export interface LabelledPage {
  name: string;
  url: string;
  source: Uint8Array | string;
  article: boolean;
  half: Half;
  /** Sentences of the story that the text must hold, and of comments, consent or the next story that it must not. */
  mustContain: string[];
  mustNotContain: string[];
}

interface Label {
  file: string;
  article: boolean;
  url: string;
  mustContain: string[];
  mustNotContain: string[];
}

/**
 * Readability test pages that are not articles: a product landing page. The other pages whose
 * expected metadata says "not readerable" are READABILITY_TEST_FRAGMENTS, left out of the
 * verdict's score.
 */
const READABILITY_NON_ARTICLES = new Set(['mozilla-2']);

export function labelledPages(): LabelledPage[] {
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as Label[];
  const fixtures = labels.map((label) => ({
    name: `fixtures/${label.file}`,
    url: label.url,
    source: readFileSync(join(FIXTURES, label.file)),
    article: label.article,
    half: halfOf(label.url),
    mustContain: label.mustContain,
    mustNotContain: label.mustNotContain,
  }));
  const readability = readabilityCases()
    .filter((testCase) => !READABILITY_TEST_FRAGMENTS.has(testCase.name))
    .map((testCase) => ({
      name: `readability/${testCase.name}`,
      // One URL for all of them (their links resolve against it): the half goes by name.
      url: READABILITY_TEST_URL,
      source: testCase.source,
      article: !READABILITY_NON_ARTICLES.has(testCase.name),
      half: halfOf(testCase.name),
      mustContain: [],
      mustNotContain: [],
    }));
  return [...fixtures, ...readability];
}

export interface VerdictOutcome {
  page: LabelledPage;
  shown: boolean;
  reason: string | null;
  /** Story sentences missing from a shown article, and unwanted sentences found in it. */
  missing: string[];
  unwanted: string[];
}

export async function judge(page: LabelledPage): Promise<VerdictOutcome> {
  const result = await extractArticle(page.source, { url: page.url });
  const text = normalize(result.kind === 'article' ? result.text : '');
  return {
    page,
    shown: result.kind === 'article',
    reason: result.kind === 'not-article' ? result.reason : null,
    missing: result.kind === 'article' ? page.mustContain.filter((sentence) => !text.includes(normalize(sentence))) : [],
    unwanted: page.mustNotContain.filter((sentence) => text.includes(normalize(sentence))),
  };
}

export interface VerdictScore {
  articles: number;
  articlesShown: number;
  nonArticles: number;
  nonArticlesRefused: number;
}

export function verdictScore(entries: readonly { article: boolean; shown: boolean }[]): VerdictScore {
  const articles = entries.filter((entry) => entry.article);
  const nonArticles = entries.filter((entry) => !entry.article);
  return {
    articles: articles.length,
    articlesShown: articles.filter((entry) => entry.shown).length,
    nonArticles: nonArticles.length,
    nonArticlesRefused: nonArticles.filter((entry) => !entry.shown).length,
  };
}

export function formatVerdictScore(score: VerdictScore): string {
  const share = (part: number, whole: number) => `${part}/${whole} (${((100 * part) / (whole || 1)).toFixed(1)} %)`;
  return `articles shown ${share(score.articlesShown, score.articles)}, non-articles refused ${share(score.nonArticlesRefused, score.nonArticles)}`;
}
