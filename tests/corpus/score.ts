import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/node/index.ts';
import { decodeHtml } from '../../src/node/decode.ts';
import { parsePage } from '../../src/node/parse.ts';
import { metrics, scorePage, sumScores, trafilaturaBytes, type EvalPage, type Score } from '../support/corpus.ts';

export interface PageScore {
  file: string;
  readmark: Score;
  readability: Score;
  readmarkMs: number;
  readabilityMs: number;
  error?: string;
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
  let error: string | undefined;
  try {
    const result = await extractArticle(bytes, { url: page.url, force: true });
    readmarkText = result.kind === 'article' ? result.text : '';
  } catch (caught) {
    error = (caught as Error).stack ?? String(caught);
  }
  const readmarkMs = performance.now() - start;
  start = performance.now();
  const readabilityText = readabilityAloneText(bytes, page.url);
  const readabilityMs = performance.now() - start;
  return {
    file: page.file,
    readmark: scorePage(page, readmarkText),
    readability: scorePage(page, readabilityText),
    readmarkMs,
    readabilityMs,
    ...(error ? { error } : {}),
  };
}

export function total(scores: PageScore[], key: 'readmark' | 'readability'): Score {
  return sumScores(scores.map((score) => score[key]));
}

export { metrics };
