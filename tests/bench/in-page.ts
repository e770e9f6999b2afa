/**
 * Diagnostics in the page, without the extension: Readmark's pipeline stage by stage
 * (in-page/readmark.ts, the real overlay included) and Readability alone, each in an isolated
 * world of its own as a content script runs, after a gc(); `--profile` takes CPU profiles of them.
 */
import { build, type Plugin } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inPageBundleOptions } from '../../build.mjs';
import { evaluate, isolatedWorld, open } from './clicker.ts';
import type { BenchPage } from './pages.ts';
import { fmt, table } from './stats.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const METHODS = ['readability', 'readmark'] as const;
export type Method = (typeof METHODS)[number];
const CALLS: Record<Method, string> = { readability: '__benchReadability()', readmark: '__benchReadmark({ clipboard: true })' };

export interface RunResult {
  times: Record<string, number>;
  kind?: string;
}

/** The overlay imports webextension-polyfill, which refuses to load outside an extension: the bench gives it a stand-in. */
const stubPolyfill: Plugin = {
  name: 'stub-webextension-polyfill',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: join(ROOT, 'tests/bench/webext-stub.ts') }));
  },
};

/** Each bundle built as the content script is (minified unless profiled, so a profile's names can be read). */
export async function buildBundles(minify: boolean): Promise<Record<Method, string>> {
  const bundles = {} as Record<Method, string>;
  for (const method of METHODS) {
    const result = await build({
      ...inPageBundleOptions('chrome'),
      entryPoints: [join(ROOT, `tests/bench/in-page/${method}.ts`)],
      write: false,
      minify,
      plugins: [stubPolyfill],
    });
    bundles[method] = `${result.outputFiles![0]!.text}\n//# sourceURL=bench-${method}.js`;
  }
  return bundles;
}

/** `rounds` timed rounds after `warmup` untimed ones; every page loaded fresh for each, the two methods' order alternating. */
export async function benchInPage(context: BrowserContext, pages: BenchPage[], origin: string, rounds: { warmup: number; timed: number }, bundles: Record<Method, string>): Promise<Array<Record<Method, RunResult[]> & { errors: string[] }>> {
  const page = await context.newPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const session = await context.newCDPSession(page);
  const records = pages.map(() => ({ readability: [] as RunResult[], readmark: [] as RunResult[], errors: [] as string[] }));
  for (let round = 0; round < rounds.warmup + rounds.timed; round++) {
    const started = performance.now();
    for (const [index, entry] of pages.entries()) {
      const record = records[index]!;
      try {
        await open(page, origin + entry.path);
        const order = (round + index) % 2 ? [...METHODS].reverse() : METHODS;
        for (const method of order) {
          const world = await isolatedWorld(session, `bench-${method}`);
          await evaluate(session, bundles[method], { contextId: world });
          await evaluate(session, 'globalThis.gc?.()');
          const run = await evaluate<RunResult>(session, CALLS[method], { contextId: world });
          if (round >= rounds.warmup) record[method].push(run);
        }
      } catch (error) {
        record.errors.push(`in-page round ${round}: ${String(error).split('\n')[0]}`);
      }
    }
    console.error(`in-page ${round < rounds.warmup ? 'warm-up' : 'round'} ${round + 1}: ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await page.close();
  return records;
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** CPU profile (CDP Profiler) of each method on the matching pages, 3 runs each: self time by function. */
export async function profilePages(context: BrowserContext, pages: BenchPage[], origin: string, bundles: Record<Method, string>, out: string): Promise<void> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  for (const method of METHODS) {
    const selfTime = new Map<string, number>();
    let totalMs = 0;
    for (const entry of pages) {
      for (let repeat = 0; repeat < 3; repeat++) {
        await open(page, origin + entry.path);
        const world = await isolatedWorld(session, `bench-${method}`);
        await evaluate(session, bundles[method], { contextId: world });
        await evaluate(session, 'globalThis.gc?.()');
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 100 });
        await session.send('Profiler.start');
        await evaluate(session, CALLS[method].replace('{ clipboard: true }', '{}'), { contextId: world });
        const { profile } = await session.send('Profiler.stop');
        await session.send('Profiler.disable');
        const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
        for (const node of profile.nodes as ProfileNode[]) {
          const frame = node.callFrame;
          if (!node.hitCount || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
          const key = `${frame.functionName || '(anonymous)'}  ${frame.url ? `${frame.url}:${frame.lineNumber + 1}` : ''}`;
          selfTime.set(key, (selfTime.get(key) ?? 0) + node.hitCount * interval);
          totalMs += node.hitCount * interval;
        }
        if (repeat === 0) writeFileSync(out.replace(/\.json$/, `-${method}-${entry.name.replace(/\W+/g, '_')}.cpuprofile`), JSON.stringify(profile));
      }
    }
    console.log(`\nCPU profile, ${method}: ${pages.length} page(s) × 3, ${fmt(totalMs)} ms sampled; self time by function:`);
    const rows = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log(table(['function  location', 'self ms', 'share'], rows.map(([key, ms]) => [key.slice(0, 110), fmt(ms), `${fmt((100 * ms) / totalMs)}%`])));
  }
  await page.close();
}
