// The fuzz run: mutated corpus pages through the library, each checked for escapes, hangs and unsafe output.
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readabilityCases, sample, trafilaturaBytes, trafilaturaPages, READABILITY_PAGES } from '../support/corpus.ts';
import { mutate, prng, type Mutation } from './mutate.ts';
import type { FuzzReply } from './fuzz-worker.ts';

/** Time a page may take: its bound (parse included) without `force`; with it, the CLI's default per-page limit. */
export const HANG_AFTER_MS = { bounded: 30_000, forced: 30_000 };

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

class FuzzThread {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();

  private start(): Worker {
    const worker = new Worker(new URL('./fuzz-worker-entry.mjs', import.meta.url));
    this.ready = new Promise((resolve) => worker.once('message', () => resolve()));
    return (this.worker = worker);
  }

  async read(bytes: Uint8Array, force: boolean, limitMs: number): Promise<FuzzReply | 'hang' | { error: string }> {
    const worker = this.worker ?? this.start();
    await this.ready;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        this.worker = null;
        void worker.terminate();
        resolve('hang');
      }, limitMs);
      worker.once('message', (reply: FuzzReply) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(reply);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        this.worker = null;
        resolve({ error: error.stack ?? String(error) });
      });
      worker.postMessage({ bytes, force });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** Mutates `count` pages from `seed` (page i uses seed + i, so any one is replayed alone) and reads each with and without `force`. */
export async function fuzz(options: { seed: number; count: number; onPage?: (line: string) => void }): Promise<FuzzSummary> {
  const started = performance.now();
  const bases = basePages();
  const thread = new FuzzThread();
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
        const reply = await thread.read(page.bytes, force, force ? HANG_AFTER_MS.forced : HANG_AFTER_MS.bounded);
        const finding = (problem: Finding['problem'], detail: string) => summary.findings.push({ seed, page: base.name, mutations: page.mutations, force, problem, detail });
        if (reply === 'hang') {
          summary.hangs++;
          finding('hang', `no result within ${force ? HANG_AFTER_MS.forced : HANG_AFTER_MS.bounded} ms`);
        } else if ('error' in reply && reply.error) {
          summary.crashes++;
          finding('crash', reply.error);
        } else if ('unsafe' in reply && reply.unsafe.length > 0) {
          summary.unsafe++;
          finding('unsafe', reply.unsafe.join(', '));
        }
        options.onPage?.(`seed ${seed} ${base.name} [${page.mutations.join(',')}] force=${force}: ${reply === 'hang' ? 'HANG' : 'error' in reply && reply.error ? 'CRASH' : `${(reply as FuzzReply).kind}${(reply as FuzzReply).reason ? `/${(reply as FuzzReply).reason}` : ''} ${Math.round((reply as FuzzReply).ms)} ms`}`);
      }
    }
  } finally {
    await thread.close();
  }
  summary.ms = performance.now() - started;
  return summary;
}
