import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export const SHARED = new URL('../../../shared/', import.meta.url).pathname;
export const READABILITY_PAGES = join(SHARED, 'corpus/readability-test-pages');
export const TRAFILATURA_EVAL = join(SHARED, 'corpus/trafilatura-eval');
export const SEED = join(SHARED, 'fixtures/seed');
/**
 * Readability test pages that are a few words of test markup, neither article nor listing: the
 * default path refuses most as too little text. Scorers read them with `force`, and only them.
 */
export const READABILITY_TEST_FRAGMENTS: ReadonlySet<string> = new Set(['005-unescape-html-entities', 'invalid-attributes', 'js-link-replacement', 'lazy-image-3', 'ol', 'remove-aria-hidden']);

/** The URL Readability's own test suite gives its pages. */
export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export interface ReadabilityCase {
  name: string;
  source: string;
  expectedHtml: string;
  metadata: Record<string, string | boolean | null>;
}

export function readabilityCases(): ReadabilityCase[] {
  return readdirSync(READABILITY_PAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(READABILITY_PAGES, entry.name, 'source.html')))
    .map((entry) => {
      const dir = join(READABILITY_PAGES, entry.name);
      return {
        name: entry.name,
        source: readFileSync(join(dir, 'source.html'), 'utf8'),
        expectedHtml: readFileSync(join(dir, 'expected.html'), 'utf8'),
        metadata: JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface EvalPage {
  url: string;
  file: string;
  with: string[];
  without: string[];
}

export function trafilaturaPages(): EvalPage[] {
  const data = JSON.parse(readFileSync(join(TRAFILATURA_EVAL, 'evaldata.json'), 'utf8')) as Record<string, Omit<EvalPage, 'url'>>;
  return Object.entries(data)
    .map(([url, entry]) => ({ url, ...entry }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function trafilaturaBytes(page: EvalPage): Buffer {
  return gunzipSync(readFileSync(join(TRAFILATURA_EVAL, 'pages', `${page.file}.gz`)));
}

/**
 * Which fixed half of a corpus a page belongs to, by a hash of its URL: rules and thresholds
 * are chosen on `tune` only, and a rule stays only if `check` gains too.
 */
export type Half = 'tune' | 'check';
export function halfOf(url: string): Half {
  return createHash('sha1').update(url).digest()[0]! % 2 === 0 ? 'tune' : 'check';
}

/** A fixed, spread-out sample: every `step`-th page in file order. */
export function sample<T>(items: T[], size: number): T[] {
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)]!);
}

/**
 * Text for segment matching: whitespace normalized, as trafilatura's own evaluation does, and
 * soft hyphens dropped on both sides: they are invisible, and some ground truths keep them.
 */
export function normalize(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
}

export interface Score {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  trueNegatives: number;
}

export function emptyScore(): Score {
  return { truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0 };
}

/** Scores one page's extracted text against its `with`/`without` segments. */
export function scorePage(page: EvalPage, extracted: string, into: Score = emptyScore()): Score {
  const text = normalize(extracted);
  for (const segment of page.with) {
    if (text.includes(normalize(segment))) into.truePositives += 1;
    else into.falseNegatives += 1;
  }
  for (const segment of page.without) {
    if (text.includes(normalize(segment))) into.falsePositives += 1;
    else into.trueNegatives += 1;
  }
  return into;
}

/** The segment counts of many pages added up. */
export function sumScores(scores: Iterable<Score>): Score {
  const sum = emptyScore();
  for (const score of scores) {
    sum.truePositives += score.truePositives;
    sum.falseNegatives += score.falseNegatives;
    sum.falsePositives += score.falsePositives;
    sum.trueNegatives += score.trueNegatives;
  }
  return sum;
}

export function metrics(score: Score): { precision: number; recall: number; f1: number } {
  const precision = score.truePositives / (score.truePositives + score.falsePositives || 1);
  const recall = score.truePositives / (score.truePositives + score.falseNegatives || 1);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Words of a text, lower-cased, for bag-of-words comparisons (CJK characters count singly). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of `reference` words (as a multiset) that `candidate` also has. */
export function wordRecall(reference: string[], candidate: string[]): number {
  if (reference.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of candidate) counts.set(word, (counts.get(word) ?? 0) + 1);
  let kept = 0;
  for (const word of reference) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      kept += 1;
      counts.set(word, left - 1);
    }
  }
  return kept / reference.length;
}

/** Bag-of-words F1 between two texts. */
export function wordF1(reference: string[], candidate: string[]): number {
  const recall = wordRecall(reference, candidate);
  const precision = wordRecall(candidate, reference);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
