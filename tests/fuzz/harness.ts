// The fuzz run: mutated corpus pages through the built library as the CLI runs it (a worker
// thread, its heap cap, its time limit), each checked for escapes, hangs and unsafe output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readabilityCases, sample, trafilaturaBytes, trafilaturaPages, READABILITY_PAGES } from '../support/corpus.ts';
import { mutate, prng, type Mutation } from './mutate.ts';
import { TimedReader } from '../../src/node/timed-reader.ts';
import { unsafeInHtml, unsafeInMarkdown } from './safety.ts';

/** Time a page may take, with or without `force`: the CLI's default --timeout-per-page. */
export const HANG_AFTER_MS = 30_000;
/** The CLI's own worker, as built: what `readmark` runs. */
const READ_WORKER = new URL('../../dist/node/read-worker.js', import.meta.url);

export interface Finding {
  seed: number;
  page: string;
  mutations: Mutation[];
  force: boolean;
  problem: 'crash' | 'hang' | 'unsafe';
  detail: string;
}

export interface FuzzSummary {
  pages: number;
  mutations: number;
  runs: number;
  crashes: number;
  hangs: number;
  unsafe: number;
  findings: Finding[];
  ms: number;
}

/** The corpus pages mutated: Readability's test pages and a spread of trafilatura's. */
export function basePages(): Array<{ name: string; bytes: Uint8Array }> {
  const readability = readabilityCases().map((entry) => ({ name: `readability/${entry.name}`, bytes: readFileSync(join(READABILITY_PAGES, entry.name, 'source.html')) }));
  const trafilatura = sample(trafilaturaPages(), 120).map((page) => ({ name: `trafilatura/${page.file}`, bytes: trafilaturaBytes(page) }));
  return [...readability, ...trafilatura];
}

/** Mutates `count` pages from `seed` (page i uses seed + i, so any one is replayed alone) and reads each with and without `force`. */
export async function fuzz(options: { seed: number; count: number; onPage?: (line: string) => void }): Promise<FuzzSummary> {
  const started = performance.now();
  const bases = basePages();
  const reader = new TimedReader(HANG_AFTER_MS, undefined, READ_WORKER);
  const summary: FuzzSummary = { pages: 0, mutations: 0, runs: 0, crashes: 0, hangs: 0, unsafe: 0, findings: [], ms: 0 };
  try {
    for (let index = 0; index < options.count; index++) {
      const seed = options.seed + index;
      const random = prng(seed);
      const base = bases[Math.floor(random() * bases.length)]!;
      const page = mutate(base.bytes, random);
      summary.pages++;
      summary.mutations += page.mutations.length;
      for (const force of [false, true]) {
        summary.runs++;
        const finding = (problem: Finding['problem'], detail: string) => summary.findings.push({ seed, page: base.name, mutations: page.mutations, force, problem, detail });
        const readStarted = performance.now();
        const reply = await reader.read({ bytes: page.bytes, options: { force, url: 'https://fuzz.example/page.html' }, template: 'heading' });
        const ms = Math.round(performance.now() - readStarted);
        let outcome: string;
        if (!reply.ok && 'timedOut' in reply) {
          summary.hangs++;
          finding('hang', `no result within ${HANG_AFTER_MS} ms`);
          outcome = 'HANG';
        } else if (!reply.ok) {
          summary.crashes++;
          finding('crash', reply.message);
          outcome = 'CRASH';
        } else {
          const { result, markdown } = reply;
          const unsafe = result.kind === 'article' ? [...unsafeInHtml(result.html), ...unsafeInMarkdown(markdown ?? '')] : [];
          if (unsafe.length > 0) {
            summary.unsafe++;
            finding('unsafe', unsafe.join(', '));
          }
          outcome = `${result.kind}${result.kind === 'not-article' ? `/${result.reason}` : ''} ${ms} ms`;
        }
        options.onPage?.(`seed ${seed} ${base.name} [${page.mutations.join(',')}] force=${force}: ${outcome}`);
      }
    }
  } finally {
    await reader.close();
  }
  summary.ms = performance.now() - started;
  return summary;
}
