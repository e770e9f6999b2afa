// npm run bench -- --node: the Node library (extractArticle, jsdom) against Readability alone
// on the same DOM library, over ../shared/corpus/trafilatura-eval. Both include decoding and
// parsing the page with jsdom (src/node/parse.ts), which the library cannot skip.
import { Readability } from '@mozilla/readability';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { extractArticle } from '../../src/node/index.ts';
import { decodeHtml } from '../../src/node/decode.ts';
import { parsePage } from '../../src/node/parse.ts';
import { trafilaturaBytes, trafilaturaPages } from '../support/corpus.ts';
import { fmt, max, median, p95, table } from './stats.ts';

interface NodeArgs {
  rounds: number;
  warmup: number;
  limit: number;
  out: string;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function readabilityAlone(bytes: Uint8Array, url: string): Promise<{ parse: number; total: number }> {
  const started = performance.now();
  const page = parsePage(decodeHtml(bytes), url);
  const parsed = performance.now();
  try {
    new Readability(page.document).parse();
  } catch {
    // A crash is timed like a result.
  }
  const done = performance.now();
  page.close();
  await yieldToLoop();
  return { parse: parsed - started, total: done - started };
}

async function readmark(bytes: Uint8Array, url: string): Promise<number> {
  const started = performance.now();
  try {
    await extractArticle(bytes, { url });
  } catch {
    // Counted as a result; the eval reports crashes.
  }
  // extractArticle yields once at its end (to free jsdom's window): not work, but inside the time.
  return performance.now() - started;
}

export async function benchNode(args: NodeArgs): Promise<void> {
  const pages = trafilaturaPages().slice(0, Number.isFinite(args.limit) ? args.limit : undefined);
  const inputs = pages.map((page) => ({ url: page.url, bytes: trafilaturaBytes(page) }));
  const figures = inputs.map(() => ({ readmark: [] as number[], readability: [] as number[], parse: [] as number[] }));
  const warmPages = inputs.slice(0, 20);
  for (let round = 0; round < args.warmup; round++) {
    for (const input of warmPages) {
      await readmark(input.bytes, input.url);
      await readabilityAlone(input.bytes, input.url);
    }
  }
  for (let round = 0; round < args.rounds; round++) {
    const started = performance.now();
    for (const [index, input] of inputs.entries()) {
      const figure = figures[index]!;
      // Alternate which runs first, page by page and round by round.
      const readmarkFirst = (index + round) % 2 === 0;
      if (readmarkFirst) figure.readmark.push(await readmark(input.bytes, input.url));
      const alone = await readabilityAlone(input.bytes, input.url);
      figure.readability.push(alone.total);
      figure.parse.push(alone.parse);
      if (!readmarkFirst) figure.readmark.push(await readmark(input.bytes, input.url));
    }
    console.error(`round ${round + 1}: ${inputs.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const perPage = figures.map((figure) => ({ readmark: median(figure.readmark), readability: median(figure.readability), parse: median(figure.parse) }));
  const ratios = perPage.map((page) => page.readmark / page.readability);
  const column = (values: number[]): string[] => [fmt(median(values)), fmt(p95(values)), fmt(max(values))];
  console.log(`Node (jsdom), trafilatura-eval: ${inputs.length} pages, ${args.warmup} warm-up + ${args.rounds} rounds; ms per page (per-page medians)`);
  console.log(table(['measure', 'median', 'p95', 'max'], [
    ['jsdom decode + parse (in both)', ...column(perPage.map((page) => page.parse))],
    ['Readability alone (parse + parse())', ...column(perPage.map((page) => page.readability))],
    ['Readmark extractArticle', ...column(perPage.map((page) => page.readmark))],
    ['ratio Readmark / Readability', ...[median(ratios), p95(ratios), max(ratios)].map((value) => fmt(value, 2))],
  ]));
  console.log(`total over the corpus per round: Readmark ${fmt(perPage.reduce((sum, page) => sum + page.readmark, 0) / 1000)} s, Readability alone ${fmt(perPage.reduce((sum, page) => sum + page.readability, 0) / 1000)} s`);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify({ date: new Date().toISOString(), args, pages: pages.map((page, index) => ({ file: page.file, ...figures[index] })) }, null, 1));
  console.error(`raw figures: ${args.out}`);
}
