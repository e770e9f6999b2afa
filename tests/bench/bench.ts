// npm run bench: Readmark's speed in headless Chromium against Readability alone, Defuddle's
// browser build and the floor (one clone + one tree walk), on the Readability test pages,
// any --corpus DIR and a generated long page; then click → painted overlay and Copy as
// Markdown through the real extension (dist/chrome). `--node` times the Node library instead.
//
//   npm run bench -- [--rounds N] [--warmup N] [--only REGEX] [--limit N] [--corpus DIR]...
//                    [--no-extension] [--extension-rounds N] [--extension-only] [--extension-dir DIR] [--compare DIR] [--same-tab]
//                    [--profile PAGE-REGEX] [--out FILE]
//                    [--long-scale N]
//   npm run bench -- --node [--rounds N] [--limit N]
import { build, type Plugin } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize as normalizePath, resolve as resolvePath } from 'node:path';
import { inPageBundleOptions } from '../../build.mjs';
import { READABILITY_PAGES } from '../support/corpus.ts';
import { longPage } from './long-page.ts';
import { cpuShares, cpuTimes, machineLine, probeMs, type CpuTimes, type MachineSpeed } from './machine.ts';
import { fmt, max, median, p95, table } from './stats.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const LONG_PAGE = 'long-page (generated)';
/**
 * Warm clicks on the long page at least: its own budget is a median, and with 2 clicks the same
 * build measured 318 and 393 ms in two browsers of one run (an A/A run of `--compare`).
 */
const LONG_PAGE_MIN_CLICKS = 7;
const warmClicksOn = (pageName: string, extensionRounds: number): number => (pageName === LONG_PAGE ? Math.max(extensionRounds, LONG_PAGE_MIN_CLICKS) : extensionRounds);

// ---------------------------------------------------------------- arguments

interface Args {
  corpora: string[];
  rounds: number;
  warmup: number;
  only: RegExp | null;
  limit: number;
  node: boolean;
  extension: boolean;
  extensionRounds: number;
  /** Skip the in-page rounds: only clicks through the extension. */
  extensionOnly: boolean;
  /** The unpacked extension to click through (default dist/chrome), e.g. an earlier build to compare with. */
  extensionDir: string;
  /**
   * A second unpacked extension clicked through in the same run, page by page beside the first
   * (which of the two goes first alternates), for a paired comparison of two builds.
   */
  compareDir: string | null;
  /** Every click in one tab that loads page after page (the method before 2026-12-02), not a new tab per page. */
  sameTab: boolean;
  profile: RegExp | null;
  out: string;
  longScale: number;
  /** The in-page runs' JavaScript world: each extractor's own isolated world (as a content script runs), or the page's. */
  world: 'isolated' | 'main';
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const index = argv.lastIndexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const corpora: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === '--corpus' && argv[index + 1]) corpora.push(resolvePath(argv[index + 1]!));
  });
  const node = argv.includes('--node');
  return {
    corpora,
    rounds: Number(value('--rounds') ?? (node ? 3 : 5)),
    warmup: Number(value('--warmup') ?? 1),
    only: value('--only') ? new RegExp(value('--only')!) : null,
    limit: Number(value('--limit') ?? Infinity),
    node,
    extension: !argv.includes('--no-extension'),
    extensionRounds: Number(value('--extension-rounds') ?? 3),
    extensionOnly: argv.includes('--extension-only'),
    extensionDir: resolvePath(value('--extension-dir') ?? join(ROOT, 'dist/chrome')),
    compareDir: value('--compare') ? resolvePath(value('--compare')!) : null,
    sameTab: argv.includes('--same-tab'),
    profile: value('--profile') ? new RegExp(value('--profile')!) : null,
    out: resolvePath(value('--out') ?? join(ROOT, node ? 'test-results/bench-node.json' : 'test-results/bench.json')),
    longScale: Number(value('--long-scale') ?? 1),
    world: argv.includes('--main-world') ? 'main' : 'isolated',
  };
}

// ---------------------------------------------------------------- pages and server

interface BenchPage {
  name: string;
  /** Path on the bench server. */
  path: string;
  file: string | null;
  html?: string;
}

function corpusPages(dir: string, prefix: string): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html'))) {
      pages.push({ name: entry.name, path: `/${prefix}/${encodeURIComponent(entry.name)}/`, file: join(dir, entry.name, 'source.html') });
    } else if (entry.isFile() && /\.html?$/i.test(entry.name)) {
      pages.push({ name: entry.name, path: `/${prefix}/${encodeURIComponent(entry.name)}`, file: join(dir, entry.name) });
    }
  }
  return pages;
}

/** The pages' own scripts never run; everything else may load, but only from this server. */
const PAGE_CSP = "default-src 'self' data: blob: 'unsafe-inline'; script-src 'none'; object-src 'none'";
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

async function startServer(corpora: Array<{ prefix: string; dir: string }>, long: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: Buffer | string): void => {
      response.writeHead(status, { 'content-type': type, 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/long/') return send(200, TYPES['.html']!, long);
    if (url.pathname === '/blank/') return send(200, TYPES['.html']!, '<!doctype html><title>blank</title><p>Readmark bench.</p>');
    if (url.pathname.startsWith('/bench-img/')) return send(200, 'image/png', PIXEL_PNG);
    const [, prefix, ...rest] = decodeURIComponent(url.pathname).split('/');
    const corpus = corpora.find((entry) => entry.prefix === prefix);
    if (corpus) {
      let file = normalizePath(join(corpus.dir, ...rest));
      if (file.startsWith(corpus.dir) && existsSync(file)) {
        if (statSync(file).isDirectory()) file = join(file, 'source.html');
        if (existsSync(file)) return send(200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', readFileSync(file));
      }
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

// ---------------------------------------------------------------- in-page bundles

const METHODS = ['floor', 'readability', 'defuddle', 'readmark'] as const;
type Method = (typeof METHODS)[number];
const GLOBALS: Record<Method, string> = { floor: '__benchFloor', readability: '__benchReadability', defuddle: '__benchDefuddle', readmark: '__benchReadmark' };

/** The overlay imports webextension-polyfill, which refuses to load outside an extension: the bench gives it a stand-in. */
const stubPolyfill: Plugin = {
  name: 'stub-webextension-polyfill',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: join(ROOT, 'tests/bench/webext-stub.ts') }));
  },
};

async function buildBundles(minify: boolean): Promise<Record<Method, string>> {
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

// ---------------------------------------------------------------- browser helpers

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-US', '--js-flags=--expose-gc'];

async function evaluate<T>(session: CDPSession, expression: string, options: { userGesture?: boolean; timeoutMs?: number; contextId?: number } = {}): Promise<T> {
  const call = session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: options.userGesture ?? false, ...(options.contextId === undefined ? {} : { contextId: options.contextId }) });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${expression.slice(0, 60)}`)), options.timeoutMs ?? 60000).unref());
  const { result, exceptionDetails } = await Promise.race([call, timeout]);
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
}

/**
 * Where each extractor's bundle runs in the page just loaded: by default an isolated world of
 * its own, as a content script's, whose DOM calls cost more than the page's own (every node it
 * touches gets a wrapper of that world: the long page's layout stage measured 30-40 % slower
 * there); with `--main-world`, the page's world (the figures before 2026-11-29's fourth session).
 */
async function worldsFor(session: CDPSession, world: Args['world'], methods: readonly Method[] = METHODS): Promise<Record<Method, number | undefined>> {
  const worlds = { floor: undefined, readability: undefined, defuddle: undefined, readmark: undefined } as Record<Method, number | undefined>;
  if (world === 'main') return worlds;
  const { frameTree } = await session.send('Page.getFrameTree');
  for (const method of methods) {
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `bench-${method}` });
    worlds[method] = executionContextId;
  }
  return worlds;
}

interface RunResult {
  times: Record<string, number>;
  words?: number;
  nodes?: number;
  kind?: string;
  clipboard?: string;
  longTasks?: number[];
  markdownChars?: number;
}

interface PageRecord {
  name: string;
  nodes: number;
  runs: Record<Method, RunResult[]>;
  errors: string[];
  extension?: ExtensionFigures;
  /** The same through `--compare`'s build. */
  compareExtension?: ExtensionFigures;
}

interface ExtensionFigures {
  /** Click → painted of the first click in the page's new tab (only the time to paint is kept for it). */
  firstClickToPainted: number[];
  /** First clicks that painted only on a retry (the first trigger lost), so were no first click of the renderer, or never. */
  firstClickRetried: number;
  firstClickFailed: number;
  clickToPainted: number[];
  clickToInserted: number[];
  copy: number[];
  longestTask: number[];
  /** Warm clicks that never painted the overlay. */
  failures: number;
  /**
   * Click → painted with the extension's service worker stopped first, as Chrome stops it 30 s
   * after its last event: a click after half a minute of reading, which must start the worker
   * before anything else. One per page, after its other clicks.
   */
  workerStoppedToPainted: number[];
  /**
   * Readability alone (clone + parse) in the same browser and tab right after the page's clicks:
   * the machine's speed beside the clicks, whose budgets are absolute. Two timed runs, each on a
   * fresh load in a fresh isolated world, after one untimed run that compiles the bundle in the
   * tab's renderer, as the in-page rounds' runs follow their warm-up round (without their gc()).
   */
  readabilityAlone: number[];
}

/** The figures of ExtensionFigures that are a series of times, one per click or run. */
type ExtensionSeries = { [Key in keyof ExtensionFigures]: ExtensionFigures[Key] extends number[] ? Key : never }[keyof ExtensionFigures];

// ---------------------------------------------------------------- the in-page benchmark

async function benchInPage(context: BrowserContext, pages: BenchPage[], origin: string, args: Args, bundles: Record<Method, string>): Promise<PageRecord[]> {
  const page = await context.newPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const session = await context.newCDPSession(page);
  const records: PageRecord[] = pages.map((entry) => ({ name: entry.name, nodes: 0, runs: { floor: [], readability: [], defuddle: [], readmark: [] }, errors: [] }));
  const total = args.warmup + args.rounds;
  for (let round = 0; round < total; round++) {
    const warm = round < args.warmup;
    const started = performance.now();
    for (const [index, entry] of pages.entries()) {
      const record = records[index]!;
      try {
        await open(page, origin + entry.path);
        const worlds = await worldsFor(session, args.world);
        for (const method of METHODS) await evaluate(session, bundles[method], { contextId: worlds[method] });
        // A different order on every page and round: no extractor always runs first (or last).
        const order = METHODS.map((_, offset) => METHODS[(offset + round + index) % METHODS.length]!);
        for (const method of order) {
          await evaluate(session, 'globalThis.gc?.()');
          const call = method === 'readmark' ? `${GLOBALS[method]}({ clipboard: true })` : `${GLOBALS[method]}()`;
          const run = await evaluate<RunResult>(session, call, { userGesture: true, contextId: worlds[method] });
          if (method === 'floor' && run.nodes) record.nodes = run.nodes;
          if (!warm) record.runs[method].push(run);
        }
      } catch (error) {
        record.errors.push(`round ${round}: ${String(error).split('\n')[0]}`);
      }
    }
    console.error(`${warm ? 'warm-up' : 'round'} ${warm ? round + 1 : round - args.warmup + 1}: ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await page.close();
  return records;
}

// ---------------------------------------------------------------- profiling

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** CPU profile (CDP Profiler) of Readmark's in-page pipeline on the matching pages: self time by function. */
async function profilePages(context: BrowserContext, pages: BenchPage[], origin: string, bundles: Record<Method, string>, out: string, world: Args['world']): Promise<void> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const selfTime = new Map<string, number>();
  let totalMs = 0;
  for (const method of ['readmark', 'readability'] as const) {
    selfTime.clear();
    totalMs = 0;
    for (const entry of pages) {
      for (let repeat = 0; repeat < 3; repeat++) {
        await open(page, origin + entry.path);
        const contextId = (await worldsFor(session, world, [method]))[method];
        await evaluate(session, bundles[method], { contextId });
        await evaluate(session, 'globalThis.gc?.()');
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 100 });
        await session.send('Profiler.start');
        await evaluate(session, method === 'readmark' ? `${GLOBALS[method]}({})` : `${GLOBALS[method]}()`, { contextId });
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
        if (repeat === 0 && method === 'readmark') writeFileSync(out.replace(/\.json$/, `-${entry.name.replace(/\W+/g, '_')}.cpuprofile`), JSON.stringify(profile));
      }
    }
    console.log(`\nCPU profile, ${method}: ${pages.length} page(s) × 3, ${fmt(totalMs)} ms sampled; self time by function:`);
    const rows = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log(table(['function  location', 'self ms', 'share'], rows.map(([key, ms]) => [key.slice(0, 110), fmt(ms), `${fmt((100 * ms) / totalMs)}%`])));
  }
  await page.close();
}

// ---------------------------------------------------------------- through the real extension

const WATCH_OVERLAY = `(() => {
  const state = { insertedAt: 0, paintedAt: 0, longTasks: [] };
  window.__benchWatch = state;
  state.painted = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('readmark-reader')) return;
      observer.disconnect();
      state.insertedAt = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { state.paintedAt = performance.timeOrigin + performance.now(); resolve(state.paintedAt); };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.documentElement, { childList: true });
  });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry.duration); }).observe({ type: 'longtask' });
  return true;
})()`;

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, predicate: (node: DomNode) => boolean): DomNode | null {
  if (predicate(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, predicate);
    if (found) return found;
  }
  return null;
}

const hasClass = (name: string) => (node: DomNode): boolean => {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf('class');
  return index >= 0 && index % 2 === 0 && (attributes[index + 1] ?? '').split(/\s+/).includes(name);
};

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Whether a click finds the extension's service worker running (kept awake by the bench) or stopped. */
type WorkerState = 'running' | 'stopped';

interface ExtensionClicker {
  manifest: Record<string, unknown>;
  /** A page's first click in a new tab (unless `--same-tab`), then its warm clicks, each with Copy. */
  measure(entry: BenchPage, errors: string[]): Promise<ExtensionFigures>;
  close(): Promise<void>;
}

/** A browser with the unpacked extension in `sourceDir` loaded, ready to click (its first trigger done). */
async function launchClicker(sourceDir: string, label: string, origin: string, args: Args, peerBundle: string): Promise<ExtensionClicker> {
  // A snapshot, so a rebuild running meanwhile cannot change it under the browser.
  const extensionDir = mkdtempSync(join(tmpdir(), 'readmark-bench-ext-'));
  cpSync(sourceDir, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const profileDir = mkdtempSync(join(tmpdir(), 'readmark-bench-profile-'));
  let launched: BrowserContext | null = null;
  const cleanUp = async (): Promise<void> => {
    try {
      await launched?.close();
    } finally {
      rmSync(extensionDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    }
  };
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [...BROWSER_ARGS.filter((arg) => !arg.startsWith('--js-flags')), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--enable-unsafe-extension-debugging'],
    });
    launched = context;
    const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    const extensionId = new URL(firstWorker.url()).host;
    const workerUrlPrefix = `chrome-extension://${extensionId}/`;
    const browserSession = await context.browser()!.newBrowserCDPSession();
    const ownWorkerTargets = async (): Promise<string[]> => {
      const { targetInfos } = await browserSession.send('Target.getTargets');
      return (targetInfos as Array<{ targetId: string; type: string; url: string }>).filter((target) => target.type === 'service_worker' && target.url.startsWith(workerUrlPrefix)).map((target) => target.targetId);
    };
    // Stops the worker as the browser does when it idles; the next click starts it again.
    const stopWorker = async (): Promise<void> => {
      for (const targetId of await ownWorkerTargets()) await browserSession.send('Target.closeTarget', { targetId });
      for (let wait = 0; (await ownWorkerTargets()).length; wait++) {
        if (wait > 100) throw new Error('the service worker did not stop');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    // Each page in a tab of its own. Its first click is a reader's first click on a page: a
    // renderer that has not run the content script before (traced: it compiles the whole script,
    // which a warm click does not, and its font and shaping caches are cold), then the page is
    // loaded again in that tab for the warm clicks the budget has been measured with (V8 keeps
    // the script's compiled code in the process). One tab for all pages (`--same-tab`, the method
    // before 2026-12-02) made a page's figures depend on how many were measured before it: the
    // renderer's heap grows page after page, and the long page, measured last, clicked 110 ms
    // slower there than alone.
    let page: Page = await context.newPage();
    let session: CDPSession = await context.newCDPSession(page);
    const newTab = async (): Promise<void> => {
      const next = await context.newPage();
      await page.close();
      page = next;
      session = await context.newCDPSession(page);
    };

    const trigger = async (worker: WorkerState): Promise<number> => {
      const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
      const tab = (targetInfos as Array<{ targetId: string; url: string }>).find((target) => target.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      if (worker === 'stopped') await stopWorker();
      else {
        // The worker a stopped-worker click started again (the browser keeps it 30 s after its last event).
        const live = context.serviceWorkers().find((candidate) => candidate.url().startsWith(workerUrlPrefix)) ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
        await live.evaluate(() => 0);
      }
      const clickedAt = epochNow();
      await browserSession.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      return clickedAt;
    };

    const clickUntilPainted = async (url: string, worker: WorkerState = 'running'): Promise<{ clickedAt: number; insertedAt: number; paintedAt: number; longTasks: number[]; attempt: number } | null> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await open(page, url);
        await evaluate(session, WATCH_OVERLAY);
        const clickedAt = await trigger(worker);
        try {
          await evaluate(session, 'window.__benchWatch.painted', { timeoutMs: 4000 });
          // Let the long-task observer deliver the task that painted the overlay.
          await new Promise((resolve) => setTimeout(resolve, 100));
          const state = await evaluate<{ insertedAt: number; paintedAt: number; longTasks: number[] }>(session, '({ insertedAt: __benchWatch.insertedAt, paintedAt: __benchWatch.paintedAt, longTasks: __benchWatch.longTasks })');
          return { clickedAt, ...state, attempt };
        } catch {
          // The first trigger after launch is sometimes lost (docs/browser-testing.md): load again and click again.
        }
      }
      return null;
    };

    const copyThroughButton = async (): Promise<number | null> => {
      const { root: documentNode } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      // Search the overlay's own shadow root only: pages have buttons and spans of these classes too (cnn).
      const root = findNode(documentNode, (node) => node.nodeName === 'READMARK-READER')?.shadowRoots?.[0];
      if (!root) return null;
      // Only an article has something to copy (a page Readmark declines shows a notice).
      if (!findNode(root, (node) => node.nodeName === 'ARTICLE' && hasClass('content')(node))) return null;
      const button = findNode(root, (node) => node.nodeName === 'BUTTON' && hasClass('copy')(node));
      const status = findNode(root, (node) => node.nodeName === 'SPAN' && hasClass('status')(node));
      if (!button || !status) return null;
      const { object } = await session.send('DOM.resolveNode', { backendNodeId: status.backendNodeId });
      await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `function () { const status = this; window.__benchCopied = new Promise((resolve) => new MutationObserver(() => { if (status.textContent) resolve({ at: performance.timeOrigin + performance.now(), text: status.textContent, state: status.dataset.state }); }).observe(status, { childList: true, characterData: true, subtree: true })); }`,
      });
      await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
      const { quads } = await session.send('DOM.getContentQuads', { backendNodeId: button.backendNodeId });
      const [x1, y1, , , x3, y3] = quads[0] ?? [];
      if (x1 === undefined || y1 === undefined || x3 === undefined || y3 === undefined) throw new Error('the Copy button has no box');
      const clickedAt = epochNow();
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      const copied = await evaluate<{ at: number; text: string; state: string }>(session, 'window.__benchCopied', { timeoutMs: 4000 });
      if (copied.state !== 'ok') throw new Error(`copy: ${copied.text}`);
      return copied.at - clickedAt;
    };

    // The peer: one run per load in an isolated world of its own, as in the in-page rounds (no
    // gc() here: this browser runs without --expose-gc, as a user's does). The first run of a
    // tab's renderer compiles the bundle (two runs on one load: the first took 1.7x the second,
    // median per page over the corpus), so it is not kept.
    const readabilityBeside = async (entry: BenchPage): Promise<number[]> => {
      const totals: number[] = [];
      for (let run = 0; run < 3; run++) {
        await open(page, origin + entry.path);
        const worlds = await worldsFor(session, 'isolated', ['readability']);
        await evaluate(session, peerBundle, { contextId: worlds.readability });
        const { times } = await evaluate<RunResult>(session, `${GLOBALS.readability}()`, { contextId: worlds.readability });
        if (run > 0) totals.push(times['total']!);
      }
      return totals;
    };

    // Warm-up: the first trigger after launch.
    await clickUntilPainted(`${origin}/blank/`);
    const measure = async (entry: BenchPage, errors: string[]): Promise<ExtensionFigures> => {
      const figures = { firstClickToPainted: [] as number[], firstClickRetried: 0, firstClickFailed: 0, clickToPainted: [] as number[], clickToInserted: [] as number[], copy: [] as number[], longestTask: [] as number[], failures: 0, workerStoppedToPainted: [] as number[], readabilityAlone: [] as number[] };
      if (!args.sameTab) {
        await newTab();
        const first = await clickUntilPainted(origin + entry.path);
        // Only a click that found no content script in the process counts as a first one.
        if (!first) figures.firstClickFailed++;
        else if (first.attempt > 0) figures.firstClickRetried++;
        else figures.firstClickToPainted.push(first.paintedAt - first.clickedAt);
      }
      for (let round = 0; round < warmClicksOn(entry.name, args.extensionRounds); round++) {
        const clicked = await clickUntilPainted(origin + entry.path);
        if (!clicked) {
          figures.failures++;
          continue;
        }
        figures.clickToPainted.push(clicked.paintedAt - clicked.clickedAt);
        figures.clickToInserted.push(clicked.insertedAt - clicked.clickedAt);
        figures.longestTask.push(Math.max(0, ...clicked.longTasks));
        try {
          const copy = await copyThroughButton();
          if (copy !== null) figures.copy.push(copy);
        } catch (error) {
          errors.push(`${label} copy: ${String(error).split('\n')[0]}`);
        }
      }
      // Last, so the page's other clicks find the worker running, as they always have.
      try {
        const stopped = await clickUntilPainted(origin + entry.path, 'stopped');
        if (stopped) figures.workerStoppedToPainted.push(stopped.paintedAt - stopped.clickedAt);
      } catch (error) {
        errors.push(`${label} click with the worker stopped: ${String(error).split('\n')[0]}`);
      }
      try {
        figures.readabilityAlone.push(...(await readabilityBeside(entry)));
      } catch (error) {
        errors.push(`${label} Readability alone beside the clicks: ${String(error).split('\n')[0]}`);
      }
      return figures;
    };
    return { manifest, measure, close: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Click → painted overlay and Copy as Markdown through the built extension, with a real
 * toolbar click (Extensions.triggerAction, as in docs/browser-testing.md). A fresh page load
 * before every click, so each click injects the content script as a user's first click on a
 * page does; each page in a new tab, whose first click is also the renderer's first. With
 * `--compare`, the same through a second build in a browser of its own, page by page.
 */
async function benchExtension(pages: BenchPage[], origin: string, args: Args, records: PageRecord[], peerBundle: string): Promise<{ contentScripts: unknown; backgroundTopLevel: string }> {
  const clickers: ExtensionClicker[] = [];
  try {
    const measured = await launchClicker(args.extensionDir, 'extension', origin, args, peerBundle);
    clickers.push(measured);
    if (args.compareDir) clickers.push(await launchClicker(args.compareDir, 'compared build', origin, args, peerBundle));
    for (const [index, entry] of pages.entries()) {
      const record = records[index]!;
      // With two builds, which one clicks a page first alternates: neither gains from the
      // machine's speed drifting during the run (it varies by a quarter from hour to hour).
      for (const clicker of index % 2 ? [...clickers].reverse() : clickers) {
        const figures = await clicker.measure(entry, record.errors);
        if (clicker === measured) record.extension = figures;
        else record.compareExtension = figures;
      }
    }
    return { contentScripts: measured.manifest['content_scripts'] ?? null, backgroundTopLevel: 'see src/background/index.ts' };
  } finally {
    // Every browser is closed, whichever fails to close.
    await Promise.allSettled(clickers.map((clicker) => clicker.close()));
  }
}

// ---------------------------------------------------------------- report

const READMARK_STAGES = ['clone', 'clean', 'layout', 'readerable', 'readability', 'sanitize', 'text', 'core', 'renderDom', 'renderLayout', 'paint', 'synchronous', 'prePaint', 'copyMarkdown', 'clipboard'];

const medianOf = (runs: RunResult[], key: string): number => median(runs.map((run) => run.times[key]).filter((value): value is number => value !== undefined));

/** Readmark's work before the overlay is painted, without the wait for the next frame. */
const readmarkWork = (runs: RunResult[]): number => medianOf(runs, 'synchronous');

function report(records: PageRecord[], args: Args): string {
  const lines: string[] = [];
  const measured = records.filter((record) => record.runs.readmark.length && record.runs.readability.length && record.runs.floor.length);
  const perPage = measured.map((record) => {
    const readmarkToPaint = medianOf(record.runs.readmark, 'prePaint');
    const work = readmarkWork(record.runs.readmark);
    const readability = medianOf(record.runs.readability, 'total');
    const defuddle = medianOf(record.runs.defuddle, 'total');
    const floor = medianOf(record.runs.floor, 'total');
    const kind = record.runs.readmark[0]?.kind ?? '?';
    return { record, kind, readmarkToPaint, work, readability, defuddle, floor };
  });

  lines.push(`Per page (medians of ${args.rounds} rounds, ms; each extractor in ${args.world === 'main' ? "the page's main world" : 'an isolated world of its own'}). "work" = Readmark before paint without the wait for the frame; "painted" adds it.`);
  lines.push(table(
    ['page', 'nodes', 'floor', 'Readab.', 'Defuddle', 'RM work', 'RM painted', 'RM/Readab.', 'RM/Def.', 'RM/floor', 'note'],
    perPage.map((row) => [
      row.record.name.slice(0, 40), String(row.record.nodes), fmt(row.floor), fmt(row.readability), fmt(row.defuddle), fmt(row.work), fmt(row.readmarkToPaint),
      fmt(row.work / row.readability, 2), fmt(row.work / row.defuddle, 2), fmt(row.work / row.floor, 2),
      [row.kind === 'not-article' ? 'not-article' : '', row.record.errors.length ? `${row.record.errors.length} errors` : ''].filter(Boolean).join(' '),
    ]),
  ));

  const corpus = perPage.filter((row) => row.record.name !== LONG_PAGE);
  const articles = corpus.filter((row) => row.kind === 'article');
  const long = perPage.find((row) => row.record.name === LONG_PAGE);
  const ratio = (rows: typeof perPage, key: 'work' | 'readmarkToPaint', other: 'readability' | 'defuddle' | 'floor'): number => median(rows.map((row) => row[key] / row[other]).filter(Number.isFinite));
  lines.push('');
  lines.push(`Overall: median of per-page ratios over ${corpus.length} corpus pages (${articles.length} where Readmark found an article${corpus.length - articles.length ? `; ${corpus.length - articles.length} it declined stop after the readerable check` : ''})`);
  lines.push(table(
    ['ratio', 'all pages', 'article pages', 'long page'],
    [
      ['Readmark work / Readability alone', fmt(ratio(corpus, 'work', 'readability'), 2), fmt(ratio(articles, 'work', 'readability'), 2), long ? fmt(long.work / long.readability, 2) : '–'],
      ['Readmark painted / Readability alone', fmt(ratio(corpus, 'readmarkToPaint', 'readability'), 2), fmt(ratio(articles, 'readmarkToPaint', 'readability'), 2), long ? fmt(long.readmarkToPaint / long.readability, 2) : '–'],
      ['Readmark work / Defuddle', fmt(ratio(corpus, 'work', 'defuddle'), 2), fmt(ratio(articles, 'work', 'defuddle'), 2), long ? fmt(long.work / long.defuddle, 2) : '–'],
      ['Readmark work / floor', fmt(ratio(corpus, 'work', 'floor'), 2), fmt(ratio(articles, 'work', 'floor'), 2), long ? fmt(long.work / long.floor, 2) : '–'],
    ],
  ));

  // Per stage: the distribution over corpus pages of each page's median, and the long page.
  lines.push('');
  lines.push('Per stage, ms: median / p95 / max over the corpus pages of each page\'s median; the long page\'s median');
  const stageRow = (label: string, values: number[], longValue: number): string[] => [label, fmt(median(values), 2), fmt(p95(values), 2), fmt(max(values), 2), fmt(longValue, 1)];
  const rows: string[][] = [];
  // The stages in the order the runs report them (the core may add stages; onStage names them).
  const stages = [...new Set([...READMARK_STAGES.slice(0, 3), ...records.flatMap((record) => record.runs.readmark.flatMap((run) => Object.keys(run.times))), ...READMARK_STAGES])];
  for (const stage of stages) {
    const values = corpus.map((row) => medianOf(row.record.runs.readmark, stage)).filter(Number.isFinite);
    const longValue = long ? medianOf(long.record.runs.readmark, stage) : Number.NaN;
    if (!values.length && !Number.isFinite(longValue)) continue;
    rows.push(stageRow(`Readmark ${stage}`, values, long ? medianOf(long.record.runs.readmark, stage) : Number.NaN));
  }
  for (const [method, key] of [['readability', 'clone'], ['readability', 'parse'], ['readability', 'total'], ['defuddle', 'total'], ['floor', 'clone'], ['floor', 'walk'], ['floor', 'total']] as const) {
    const values = corpus.map((row) => medianOf(row.record.runs[method], key)).filter(Number.isFinite);
    rows.push(stageRow(`${method} ${key}`, values, long ? medianOf(long.record.runs[method], key) : Number.NaN));
  }
  lines.push(table(['stage', 'median', 'p95', 'max', 'long page'], rows));

  const withExtension = records.filter((record) => record.extension && record.extension.clickToPainted.length);
  if (withExtension.length) {
    const corpusExt = withExtension.filter((record) => record.name !== LONG_PAGE);
    const longExt = withExtension.find((record) => record.name === LONG_PAGE)?.extension;
    const perPageMedian = (key: ExtensionSeries) => corpusExt.map((record) => median(record.extension![key])).filter(Number.isFinite);
    lines.push('');
    lines.push(args.sameTab
      ? `Through the extension (dist/chrome, Extensions.triggerAction; ${args.extensionRounds} clicks per page, all pages in one tab, a fresh page load before each): ms`
      : `Through the extension (dist/chrome, Extensions.triggerAction; each page in a new tab: its first click, then ${args.extensionRounds} clicks after loading it again there, ${warmClicksOn(LONG_PAGE, args.extensionRounds)} on the long page): ms`);
    const firstClicks = perPageMedian('firstClickToPainted');
    lines.push(table(
      ['measure', 'median', 'p95', 'max', 'long page', 'budget'],
      [
        ...(firstClicks.length || longExt?.firstClickToPainted.length ? [['first click in a new tab → painted', ...[median, p95, max].map((f) => fmt(f(firstClicks))), longExt?.firstClickToPainted.length ? fmt(median(longExt.firstClickToPainted)) : '–', '']] : []),
        ['click → overlay painted', ...[median, p95, max].map((f) => fmt(f(perPageMedian('clickToPainted')))), longExt ? fmt(median(longExt.clickToPainted)) : '–', '≤ 50 / ≤ 300'],
        ['click → overlay in DOM', ...[median, p95, max].map((f) => fmt(f(perPageMedian('clickToInserted')))), longExt ? fmt(median(longExt.clickToInserted)) : '–', ''],
        ['click, service worker stopped → painted', ...[median, p95, max].map((f) => fmt(f(perPageMedian('workerStoppedToPainted')))), longExt?.workerStoppedToPainted.length ? fmt(median(longExt.workerStoppedToPainted)) : '–', ''],
        ['Copy as Markdown click → "Copied"', ...[median, p95, max].map((f) => fmt(f(perPageMedian('copy')))), longExt ? fmt(median(longExt.copy)) : '–', '≤ 20 / ≤ 150'],
        ['longest task during the click', ...[median, p95, max].map((f) => fmt(f(perPageMedian('longestTask')))), longExt ? fmt(max(longExt.longestTask)) : '–', 'long page ≤ 300'],
        ['Readability alone, same tab, after', ...[median, p95, max].map((f) => fmt(f(perPageMedian('readabilityAlone')))), longExt ? fmt(median(longExt.readabilityAlone)) : '–', ''],
      ],
    ));
    // Only the pages whose peer ran, so both figures are over the same pages.
    const withPeer = corpusExt.filter((record) => record.extension!.readabilityAlone.length);
    const warmOverPeer = withPeer.map((record) => median(record.extension!.clickToPainted) / median(record.extension!.readabilityAlone)).filter(Number.isFinite);
    const inPagePeer = withPeer.map((record) => medianOf(record.runs.readability, 'total')).filter(Number.isFinite);
    const longOverPeer = longExt ? median(longExt.clickToPainted) / median(longExt.readabilityAlone) : Number.NaN;
    if (withPeer.length || Number.isFinite(longOverPeer)) {
      lines.push(`Machine speed beside the clicks: Readability alone ${fmt(median(perPageMedian('readabilityAlone')), 2)} ms median there${inPagePeer.length ? ` (in-page rounds: ${fmt(median(inPagePeer), 2)} ms on the same pages)` : ''}; warm click / Readability alone in its tab ${fmt(median(warmOverPeer), 2)} (median of per-page ratios)${Number.isFinite(longOverPeer) ? `, long page ${fmt(longOverPeer, 2)}` : ''}`);
    }
    const clicked = records.filter((record) => record.extension);
    const failures = clicked.reduce((sum, record) => sum + (record.extension?.failures ?? 0), 0);
    if (failures) lines.push(`(${failures} warm clicks never painted the overlay within 4 s, after retries)`);
    if (!args.sameTab) {
      const kept = clicked.filter((record) => record.extension!.firstClickToPainted.length).length;
      const retried = clicked.reduce((sum, record) => sum + record.extension!.firstClickRetried, 0);
      const failed = clicked.reduce((sum, record) => sum + record.extension!.firstClickFailed, 0);
      lines.push(`(first clicks kept on ${kept} of ${clicked.length} pages${retried ? `; ${retried} painted only after the click was retried, so are left out` : ''}${failed ? `; ${failed} never painted` : ''})`);
    }
  }
  const paired = records.filter((record) => record.extension && record.compareExtension);
  if (paired.length) lines.push('', ...pairedReport(paired, args));
  const errors = records.flatMap((record) => record.errors.map((error) => `${record.name}: ${error}`));
  if (errors.length) {
    lines.push('');
    lines.push(`Errors (${errors.length}):`);
    for (const error of errors.slice(0, 30)) lines.push(`  ${error}`);
  }
  return lines.join('\n');
}

/**
 * Two builds clicked page by page in the same run (`--compare`): per page, the median of B's
 * clicks minus the median of A's, and their ratio; the medians of those over the corpus pages.
 */
function pairedReport(records: PageRecord[], args: Args): string[] {
  const corpusPairs = records.filter((record) => record.name !== LONG_PAGE);
  const longPair = records.find((record) => record.name === LONG_PAGE);
  const rows: string[][] = [];
  for (const [label, key] of [['first click in a new tab → painted', 'firstClickToPainted'], ['click → overlay painted', 'clickToPainted'], ['Copy as Markdown click → "Copied"', 'copy'], ['click, service worker stopped → painted', 'workerStoppedToPainted'], ['Readability alone, same tab, after (the machine)', 'readabilityAlone']] as const) {
    const pairs = corpusPairs
      .map((record) => [median(record.extension![key]), median(record.compareExtension![key])] as const)
      .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    const longA = longPair ? median(longPair.extension![key]) : Number.NaN;
    const longB = longPair ? median(longPair.compareExtension![key]) : Number.NaN;
    if (!pairs.length && !Number.isFinite(longA) && !Number.isFinite(longB)) continue;
    rows.push([
      label,
      String(pairs.length),
      fmt(median(pairs.map(([a]) => a))),
      fmt(median(pairs.map(([, b]) => b))),
      fmt(median(pairs.map(([a, b]) => b - a))),
      fmt(median(pairs.map(([a, b]) => b / a)), 3),
      String(pairs.filter(([a, b]) => b < a).length),
      Number.isFinite(longA) || Number.isFinite(longB) ? `${fmt(longA)} → ${fmt(longB)}` : '–',
    ]);
  }
  return [
    `Paired through two builds in one run, which one clicks each page first alternating (A = ${args.extensionDir}, B = ${args.compareDir}): ms`,
    table(['measure', 'pages', 'A median', 'B median', 'B − A (median per page)', 'B / A (median per page)', 'pages B faster', 'long page A → B'], rows),
  ];
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.node) {
    const { benchNode } = await import('./node-bench.ts');
    await benchNode(args);
    return;
  }
  // Checked before the in-page rounds, which a bad path would otherwise waste.
  if (args.compareDir && !existsSync(join(args.compareDir, 'manifest.json'))) throw new Error(`--compare ${args.compareDir}: no manifest.json there (give an unpacked extension, such as another build's dist/chrome)`);
  if (args.compareDir && !args.extension) console.error('bench: --compare compares clicks through the extension, which --no-extension skips');
  const corpora = [{ prefix: 'readability', dir: READABILITY_PAGES }, ...args.corpora.map((dir, index) => ({ prefix: `corpus${index + 1}`, dir }))];
  let pages: BenchPage[] = corpora.flatMap((corpus) => corpusPages(corpus.dir, corpus.prefix));
  const long = longPage(args.longScale);
  pages.push({ name: LONG_PAGE, path: '/long/', file: null });
  if (args.only) pages = pages.filter((entry) => args.only!.test(entry.name));
  if (Number.isFinite(args.limit)) pages = [...pages.filter((entry) => entry.name !== LONG_PAGE).slice(0, args.limit), ...pages.filter((entry) => entry.name === LONG_PAGE)];

  // Every output (the profiled bundles, the profile, the raw figures) goes beside args.out.
  mkdirSync(dirname(args.out), { recursive: true });
  const loadBefore = loadavg();
  const speed: MachineSpeed = { start: probeMs() };
  const cpuAtStart = cpuTimes();
  let cpuAtExtension: CpuTimes | null = null;
  const { server, origin } = await startServer(corpora, long.html);
  const bundles = await buildBundles(!args.profile);
  console.error(`bench: ${pages.length} pages (long page: ${long.articleWords} article words, ${long.html.length} bytes), ${args.warmup} warm-up + ${args.rounds} rounds, ${origin}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  let records: PageRecord[] = [];
  try {
    if (args.profile) {
      const targets = pages.filter((entry) => args.profile!.test(entry.name));
      // The profiled (unminified) bundles, so the profile's line numbers can be read.
      for (const method of METHODS) writeFileSync(args.out.replace(/\.json$/, `-bundle-${method}.js`), bundles[method]);
      await profilePages(context, targets, origin, bundles, args.out.replace(/\.json$/, '-profile.json'), args.world);
      server.close(); // or the open server keeps the process alive
      return;
    }
    console.error(`chromium ${browser.version()}; in-page runs in ${args.world === 'main' ? "the page's main world (--main-world)" : 'an isolated world per extractor, as a content script runs'}`);
    records = args.extensionOnly
      ? pages.map((entry) => ({ name: entry.name, nodes: 0, runs: { floor: [], readability: [], defuddle: [], readmark: [] }, errors: [] }))
      : await benchInPage(context, pages, origin, args, bundles);
  } finally {
    await context.close();
    await browser.close();
  }
  try {
    if (args.extension) {
      speed.extension = probeMs();
      cpuAtExtension = cpuTimes();
      if (!existsSync(join(args.extensionDir, 'manifest.json'))) console.error(`bench: no ${args.extensionDir}/manifest.json (npm run build): skipping the extension measurements`);
      else {
        const { contentScripts } = await benchExtension(pages, origin, args, records, bundles.readability);
        console.log(`manifest content_scripts: ${contentScripts === null ? 'none (nothing runs in a page before activation)' : JSON.stringify(contentScripts)}`);
      }
    }
  } finally {
    server.close();
  }
  const loadAfter = loadavg();
  const cpuAtEnd = cpuTimes();
  speed.end = probeMs();
  const cpu = { inPage: cpuShares(cpuAtStart, cpuAtExtension ?? cpuAtEnd), extension: cpuShares(cpuAtExtension, cpuAtEnd) };
  console.log(report(records, args));
  console.log(`\nmachine: load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} at the start, ${loadAfter.map((value) => value.toFixed(2)).join(' ')} at the end (1, 5, 15 min)`);
  console.log(machineLine(speed, cpu));
  writeFileSync(args.out, JSON.stringify({ date: new Date().toISOString(), chromium: CHROMIUM_PATH, args: { ...args, only: args.only?.source ?? null, profile: null }, longPage: { articleWords: long.articleWords, bytes: long.html.length }, loadavg: { before: loadBefore, after: loadAfter }, machine: { probeMs: speed, cpu }, pages: records }, null, 1));
  console.error(`raw figures: ${args.out}`);
}

await main();
