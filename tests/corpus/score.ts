import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/node/index.ts';
import { decodeHtml } from '../../src/node/decode.ts';
import { parsePage } from '../../src/node/parse.ts';
import { metrics, normalize, scorePage, sumScores, trafilaturaBytes, type EvalPage, type Score } from '../support/corpus.ts';
import type { Removal } from '../../src/core/types.ts';

export interface PageScore {
  file: string;
  url: string;
  /** What a user gets: the default path, no `force`. */
  readmark: Score;
  /** Diagnostic only: the same page with `force`, which differs only where the default path refused. */
  readmarkForced: Score;
  /** Why the default path refused the page, or null when it showed an article. */
  refused: string | null;
  readability: Score;
  readmarkMs: number;
  readabilityMs: number;
  /** Per cleaning rule (`family/rule`): segments absent from the result that its removals held. */
  byRule: Record<string, RuleEffect>;
  /** The `with` and `without` segments missing from / found in Readmark's text. */
  missed: string[];
  included: string[];
  error?: string;
}

export interface RuleEffect {
  /** `without` segments (boilerplate) its removals held: kept out, or at least removed early. */
  boilerplateRemoved: number;
  /** `with` segments (article text) its removals held: lost. */
  articleLost: number;
}

/**
 * Which rule's removals held the segments that are not in the result. A pre-cleaning removal
 * is credited even where Readability might have dropped the segment by itself: an upper bound.
 */
function effectsByRule(page: EvalPage, text: string, removals: readonly Removal[]): Record<string, RuleEffect> {
  const byRule: Record<string, RuleEffect> = {};
  const removed = removals.map((removal) => ({ rule: `${removal.family}/${removal.rule}`, text: normalize(removal.text ?? '') }));
  const credit = (segments: string[], key: keyof RuleEffect) => {
    for (const segment of segments.map(normalize)) {
      if (text.includes(segment)) continue;
      const holder = removed.find((removal) => removal.text.includes(segment));
      if (!holder) continue;
      const effect = (byRule[holder.rule] ??= { boilerplateRemoved: 0, articleLost: 0 });
      effect[key] += 1;
    }
  };
  credit(page.without, 'boilerplateRemoved');
  credit(page.with, 'articleLost');
  return byRule;
}

/** Readability alone, as a plain wrapper would run it: same decoding, same DOM library. */
function readabilityAloneText(bytes: Uint8Array, url: string): string {
  const page = parsePage(decodeHtml(bytes), url);
  try {
    return new Readability(page.document).parse()?.textContent ?? '';
  } finally {
    page.close();
  }
}

export async function scoreTrafilaturaPage(page: EvalPage): Promise<PageScore> {
  const bytes = trafilaturaBytes(page);
  let start = performance.now();
  let readmarkText = '';
  let forcedText = '';
  let refused: string | null = null;
  let removals: Removal[] = [];
  let error: string | undefined;
  let readmarkMs = 0;
  try {
    const result = await extractArticle(bytes, { url: page.url, debug: true });
    readmarkMs = performance.now() - start;
    readmarkText = forcedText = result.kind === 'article' ? result.text : '';
    removals = result.removals ?? [];
    // The forced read is a diagnostic: outside the default path's time.
    if (result.kind === 'not-article') {
      refused = result.reason;
      const forced = await extractArticle(bytes, { url: page.url, force: true });
      forcedText = forced.kind === 'article' ? forced.text : '';
    }
  } catch (caught) {
    error = (caught as Error).stack ?? String(caught);
    // A crash in the default read: its time until then.
    if (readmarkMs === 0) readmarkMs = performance.now() - start;
  }
  start = performance.now();
  const readabilityText = readabilityAloneText(bytes, page.url);
  const readabilityMs = performance.now() - start;
  const normalized = normalize(readmarkText);
  return {
    file: page.file,
    url: page.url,
    refused,
    readmarkForced: scorePage(page, forcedText),
    byRule: effectsByRule(page, normalized, removals),
    missed: page.with.filter((segment) => !normalized.includes(normalize(segment))),
    included: page.without.filter((segment) => normalized.includes(normalize(segment))),
    readmark: scorePage(page, readmarkText),
    readability: scorePage(page, readabilityText),
    readmarkMs,
    readabilityMs,
    ...(error ? { error } : {}),
  };
}

export function total(scores: PageScore[], key: 'readmark' | 'readmarkForced' | 'readability'): Score {
  return sumScores(scores.map((score) => score[key]));
}

export { metrics };
