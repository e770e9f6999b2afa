// npm run bench: the speed contract (tests/bench/README.md). Readmark (dist/chrome) and a
// reference reader (reference/: Readability on a clone, its HTML in a closed shadow root) are
// clicked the same way, page by page, in browsers of their own: a real toolbar click in a new
// tab, then warm clicks with Copy, then a click with the service worker stopped. In-page rounds
// time Readmark's stages and Readability alone as diagnostics. `--node` times the Node library.
//
//   npm run bench -- [--only REGEX] [--limit N] [--corpus DIR]... [--extension-rounds N]
//                    [--compare DIR] [--extension-dir DIR] [--extension-only | --no-extension]
//                    [--rounds N] [--warmup N] [--trace REGEX] [--profile REGEX] [--out FILE] [--long-scale N]
//   npm run bench -- --node [--rounds N] [--limit N]
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { READABILITY_PAGES } from '../support/corpus.ts';
import { BROWSER_ARGS, CHROMIUM_PATH, launchClicker, type ExtensionClicker, type ExtensionSpec } from './clicker.ts';
import { benchInPage, buildBundles, profilePages } from './in-page.ts';
import { longPage } from './long-page.ts';
import { cpuShares, cpuTimes, machineLine, probeMs, type CpuTimes, type MachineSpeed } from './machine.ts';
import { corpusPages, LONG_PAGE, startServer, type BenchPage } from './pages.ts';
import { buildReferenceReader } from './reference.ts';
import { clicksTable, contractTable, inPageTable, pairedTable, type ExtensionFacts, type PageRecord } from './report.ts';
import { breakDown, traceReport } from './trace.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function parseArgs(argv: string[]) {
  const value = (name: string): string | undefined => {
    const index = argv.lastIndexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const pattern = (name: string): RegExp | null => (value(name) ? new RegExp(value(name)!) : null);
  const node = argv.includes('--node');
  return {
    corpora: argv.flatMap((arg, index) => (arg === '--corpus' && argv[index + 1] ? [resolvePath(argv[index + 1]!)] : [])),
    rounds: Number(value('--rounds') ?? (node ? 3 : 5)),
    warmup: Number(value('--warmup') ?? 1),
    only: pattern('--only'),
    limit: Number(value('--limit') ?? Infinity),
    node,
    inPage: !argv.includes('--extension-only'),
    extension: !argv.includes('--no-extension'),
    extensionRounds: Number(value('--extension-rounds') ?? 3),
    extensionDir: resolvePath(value('--extension-dir') ?? join(ROOT, 'dist/chrome')),
    /** A second build clicked beside the first, page by page, which one goes first alternating. */
    compareDir: value('--compare') ? resolvePath(value('--compare')!) : null,
    trace: pattern('--trace'),
    profile: pattern('--profile'),
    out: resolvePath(value('--out') ?? join(ROOT, node ? 'test-results/bench-node.json' : 'test-results/bench.json')),
    longScale: Number(value('--long-scale') ?? 1),
  };
}
type Args = ReturnType<typeof parseArgs>;

/** The extensions to click: Readmark, the reference reader (built now), and `--compare`'s build. */
async function extensionSpecs(args: Args): Promise<ExtensionSpec[]> {
  for (const dir of [args.extensionDir, args.compareDir]) {
    if (dir && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}: no manifest.json (npm run build, or give an unpacked extension such as another build's dist/chrome)`);
  }
  const referenceDir = await buildReferenceReader(join(dirname(args.out), 'bench-reference-reader'));
  return [
    { label: 'readmark', dir: args.extensionDir, hostTag: 'readmark-reader' },
    { label: 'reference', dir: referenceDir, hostTag: 'reference-reader' },
    ...(args.compareDir ? [{ label: 'compare', dir: args.compareDir, hostTag: 'readmark-reader' }] : []),
  ];
}

const factsOf = (clicker: ExtensionClicker): ExtensionFacts => {
  const contentScript = join(clicker.spec.dir, 'content.js');
  return { label: clicker.spec.label, dir: clicker.spec.dir, contentScripts: clicker.manifest['content_scripts'] ?? null, contentScriptKb: existsSync(contentScript) ? statSync(contentScript).size / 1024 : Number.NaN };
};

/** Launches a browser per extension, runs `use`, and closes every browser whatever fails. */
async function withClickers<T>(specs: ExtensionSpec[], origin: string, args: Args, peer: string, use: (clickers: ExtensionClicker[]) => Promise<T>): Promise<T> {
  const clickers: ExtensionClicker[] = [];
  try {
    for (const spec of specs) clickers.push(await launchClicker(spec, origin, args.extensionRounds, peer));
    return await use(clickers);
  } finally {
    await Promise.allSettled(clickers.map((clicker) => clicker.close()));
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.node) {
    const { benchNode } = await import('./node-bench.ts');
    await benchNode(args);
    return;
  }
  const corpora = [{ prefix: 'readability', dir: READABILITY_PAGES }, ...args.corpora.map((dir, index) => ({ prefix: `corpus${index + 1}`, dir }))];
  const long = longPage(args.longScale);
  let pages: BenchPage[] = [...corpora.flatMap((corpus) => corpusPages(corpus.dir, corpus.prefix)), { name: LONG_PAGE, path: '/long/' }];
  if (args.only) pages = pages.filter((entry) => args.only!.test(entry.name));
  if (Number.isFinite(args.limit)) pages = [...pages.filter((entry) => entry.name !== LONG_PAGE).slice(0, args.limit), ...pages.filter((entry) => entry.name === LONG_PAGE)];
  mkdirSync(dirname(args.out), { recursive: true });

  const { server, origin } = await startServer(corpora, long.html);
  try {
    const bundles = await buildBundles(!args.profile);
    if (args.trace || args.profile) {
      const targets = pages.filter((entry) => (args.trace ?? args.profile)!.test(entry.name));
      if (args.trace) {
        const specs = await extensionSpecs(args);
        const rows = await withClickers(specs, origin, args, bundles.readability, async (clickers) => {
          const traced = [];
          for (const entry of targets) {
            for (const clicker of clickers) {
              const events = await clicker.traceFirstClick(entry);
              writeFileSync(args.out.replace(/\.json$/, `-trace-${clicker.spec.label}-${entry.name.replace(/\W+/g, '_')}.json`), JSON.stringify({ traceEvents: events }));
              traced.push({ page: entry.name, extension: clicker.spec.label, breakdown: breakDown(events) });
            }
          }
          return traced;
        });
        console.log(traceReport(rows));
        console.error(`raw traces (open in Perfetto): ${args.out.replace(/\.json$/, '-trace-*.json')}`);
      } else {
        const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BROWSER_ARGS, '--js-flags=--expose-gc'] });
        try {
          for (const method of ['readability', 'readmark'] as const) writeFileSync(args.out.replace(/\.json$/, `-bundle-${method}.js`), bundles[method]);
          await profilePages(await browser.newContext({ viewport: { width: 1100, height: 800 } }), targets, origin, bundles, args.out.replace(/\.json$/, '-profile.json'));
        } finally {
          await browser.close();
        }
      }
      return;
    }

    const loadBefore = loadavg();
    const speed: MachineSpeed = { start: probeMs() };
    const cpuAtStart = cpuTimes();
    let cpuAtClicks: CpuTimes | null = null;
    const records: PageRecord[] = pages.map((entry) => ({ name: entry.name, errors: [], clicks: {} }));
    console.error(`bench: ${pages.length} pages (long page: ${long.articleWords} article words, ${long.html.length} bytes), ${origin}`);
    if (args.inPage) {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BROWSER_ARGS, '--js-flags=--expose-gc'] });
      try {
        console.error(`chromium ${browser.version()}`);
        const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
        const results = await benchInPage(context, pages, origin, { warmup: args.warmup, timed: args.rounds }, bundles);
        results.forEach(({ errors, ...inPage }, index) => {
          records[index]!.inPage = inPage;
          records[index]!.errors.push(...errors);
        });
      } finally {
        await browser.close();
      }
    }
    let facts: ExtensionFacts[] = [];
    if (args.extension) {
      speed.extension = probeMs();
      cpuAtClicks = cpuTimes();
      const specs = await extensionSpecs(args);
      facts = await withClickers(specs, origin, args, bundles.readability, async (clickers) => {
        for (const [index, entry] of pages.entries()) {
          const record = records[index]!;
          // Which extension clicks a page first rotates: none gains from the machine's speed drifting during the run.
          const order = clickers.map((_, offset) => clickers[(index + offset) % clickers.length]!);
          for (const clicker of order) record.clicks[clicker.spec.label] = await clicker.measure(entry, record.errors);
          if (index % 10 === 9) console.error(`clicks: ${index + 1} of ${pages.length} pages`);
        }
        return clickers.map(factsOf);
      });
    }
    const loadAfter = loadavg();
    const cpuAtEnd = cpuTimes();
    speed.end = probeMs();

    const builds = facts.filter((entry) => entry.label !== 'reference');
    const sections = [
      ...(builds.length ? [contractTable(records, builds), clicksTable(records, facts.map((entry) => entry.label))] : []),
      ...(builds.length === 2 ? [pairedTable(records, builds[0]!, builds[1]!)] : []),
      ...(args.inPage ? [inPageTable(records)] : []),
    ];
    const errors = records.flatMap((record) => record.errors.map((error) => `${record.name}: ${error}`));
    if (errors.length) sections.push([`Errors (${errors.length}):`, ...errors.slice(0, 30).map((error) => `  ${error}`)].join('\n'));
    const readabilityBeside = records.filter((record) => record.name !== LONG_PAGE).flatMap((record) => record.clicks['readmark']?.readabilityAlone ?? []);
    sections.push([
      `machine: load average ${loadBefore.map((entry) => entry.toFixed(2)).join(' ')} at the start, ${loadAfter.map((entry) => entry.toFixed(2)).join(' ')} at the end (1, 5, 15 min)`,
      machineLine(speed, { inPage: cpuShares(cpuAtStart, cpuAtClicks ?? cpuAtEnd), extension: cpuShares(cpuAtClicks, cpuAtEnd) }),
      ...(readabilityBeside.length ? [`Readability alone beside Readmark's clicks: ${(readabilityBeside.sort((a, b) => a - b)[readabilityBeside.length >> 1] ?? 0).toFixed(2)} ms median of all runs`] : []),
    ].join('\n'));
    console.log(sections.join('\n\n'));
    writeFileSync(args.out, JSON.stringify({ date: new Date().toISOString(), chromium: CHROMIUM_PATH, args: { ...args, only: args.only?.source ?? null, trace: null, profile: null }, extensions: facts, longPage: { articleWords: long.articleWords, bytes: long.html.length }, loadavg: { before: loadBefore, after: loadAfter }, machine: { probeMs: speed }, pages: records }, null, 1));
    console.error(`raw figures: ${args.out}`);
  } finally {
    server.close();
  }
}

await main();
