// `npm run eval -- --browser [--limit N] [--sample N] [--only REGEX]`: the trafilatura-eval scoring in
// headless Chromium, with the content script's pipeline (readLivePage: layout signals on the
// live page, then the core on a clone) where it really runs. Each page is served from
// 127.0.0.1 as its original bytes (Chromium decodes the charset itself; see contentTypeFor) under
// `Content-Security-Policy: script-src 'none'` (page scripts never run); every request to
// another host is aborted, so pages load offline and fast — which also means the pages'
// external stylesheets and images never load: the layout stage sees inline styles and
// <style> elements only. In the same page, for the same-run comparison: the core without
// the layout stage, and Readability alone.
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { metrics, normalize, sample, scorePage, sumScores, trafilaturaBytes, trafilaturaPages, type EvalPage, type Score } from '../support/corpus.ts';
import type { InPageResult, InPageRun } from './browser-entry.ts';
import { isValidUtf8 } from '../../src/node/decode.ts';
import { inPageBundleOptions } from '../../build.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-US'];
const PAGE_CSP = "script-src 'none'";
const VIEWPORT = { width: 1280, height: 800 };
/** A fresh tab every so many pages, so that one page's leftovers never weigh on the next hundred. */
const PAGES_PER_TAB = 50;

export const VARIANTS = ['layout', 'noLayout', 'readability'] as const;
export type Variant = (typeof VARIANTS)[number];
export const VARIANT_LABELS: Record<Variant, string> = {
  layout: 'Readmark (layout)',
  noLayout: 'Readmark (no layout)',
  readability: 'Readability alone',
};

export interface BrowserPageScore {
  file: string;
  layout: Score;
  noLayout: Score;
  readability: Score;
  kinds: Record<Variant, string>;
  /** The encoding Chromium decoded the page with. */
  characterSet: string;
  /** The body's computed visibility when evaluated (`hidden`: a page only its own scripts reveal). */
  bodyVisibility: string;
  ms: { load: number } & Record<Variant, number>;
  /** In-page exceptions, by variant. */
  errors: Partial<Record<Variant, string>>;
  /** The page could not be loaded or evaluated at all (navigation crash, evaluation timeout). */
  harnessError?: string;
  /** What the layout stage removed (`rule element`), at most 40 entries. */
  layoutRemovals: string[];
  layoutRemovalCount: number;
  /** Segments whose verdict the layout stage changed, compared with the core alone. */
  layoutDiff: { withLost: string[]; withGained: string[]; withoutDropped: string[]; withoutAdded: string[] };
}

export interface ScoreInChromiumOptions {
  /** Page load timeout; past it the page is evaluated as it stands. */
  loadTimeoutMs?: number;
  /** In-page evaluation timeout; past it the page counts as a crash and the tab is replaced. */
  evaluateTimeoutMs?: number;
  onPage?: (score: BrowserPageScore, done: number, total: number) => void;
  /** The bytes served for a page; trafilatura-eval's own by default (tests serve pages of their own). */
  bytesOf?: (page: EvalPage) => Uint8Array;
  /** Another in-page bundle defining `__readmarkEval` (for what-if runs); buildEvalBundle() by default. */
  bundle?: string;
}

/** The in-page bundle: browser-entry.ts and everything it imports (the shipped content-script code). */
export async function buildEvalBundle(): Promise<string> {
  const result = await build({
    ...inPageBundleOptions('chrome'),
    entryPoints: [`${ROOT}tests/corpus/browser-entry.ts`],
    write: false,
    minify: false,
  });
  return `${result.outputFiles![0]!.text}\n//# sourceURL=readmark-eval.js`;
}

/**
 * `text/html`, without a charset: Chromium reads the page's own declaration. The corpus kept
 * the bytes but not the HTTP headers, and Chromium never guesses UTF-8 for web content: a page
 * with no BOM and no `<meta charset>` in its first 1024 bytes, whose bytes are valid non-ASCII
 * UTF-8, gets `charset=utf-8`, standing in for the header its server sent (the Node decoder
 * reads such pages as UTF-8 too).
 */
export function contentTypeFor(bytes: Uint8Array): string {
  const declared = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-16LE' }) === sniffHtmlEncoding(bytes, { defaultEncoding: 'windows-1252' });
  const nonAscii = bytes.some((byte) => byte > 0x7f);
  return !declared && nonAscii && isValidUtf8(bytes) ? 'text/html; charset=utf-8' : 'text/html';
}

/** Serves page i at /page/i as its raw bytes; anything else is 204 No Content (so a meta refresh never navigates away). */
async function startServer(pages: EvalPage[], bytesOf: (page: EvalPage) => Uint8Array): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const match = /^\/page\/(\d+)$/.exec(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const page = match ? pages[Number(match[1])] : undefined;
    if (!page) {
      response.writeHead(204, { 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const bytes = bytesOf(page);
    response.writeHead(200, { 'content-type': contentTypeFor(bytes), 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

interface Tab {
  page: Page;
  session: CDPSession;
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  return { page, session };
}

async function closeTab(tab: Tab): Promise<void> {
  await tab.session.detach().catch(() => undefined);
  await tab.page.close().catch(() => undefined);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the bundle in a fresh isolated world of the page's main frame, as a content script runs. */
async function evaluateInPage(tab: Tab, bundle: string, timeoutMs: number): Promise<InPageResult> {
  const { frameTree } = await tab.session.send('Page.getFrameTree');
  const { executionContextId } = await tab.session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'readmark-eval' });
  const call = tab.session.send('Runtime.evaluate', {
    expression: `${bundle}\n;globalThis.__readmarkEval()`,
    contextId: executionContextId,
    returnByValue: true,
    awaitPromise: true,
    timeout: timeoutMs,
  });
  const { result, exceptionDetails } = await withTimeout(call, timeoutMs + 5000, 'evaluate');
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as InPageResult;
}

const clip = (segment: string) => {
  const text = normalize(segment);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

function layoutDiff(page: EvalPage, layoutText: string, noLayoutText: string): BrowserPageScore['layoutDiff'] {
  const withLayout = normalize(layoutText);
  const without = normalize(noLayoutText);
  const diff: BrowserPageScore['layoutDiff'] = { withLost: [], withGained: [], withoutDropped: [], withoutAdded: [] };
  for (const segment of page.with) {
    const inLayout = withLayout.includes(normalize(segment));
    const inCore = without.includes(normalize(segment));
    if (inCore && !inLayout) diff.withLost.push(clip(segment));
    if (!inCore && inLayout) diff.withGained.push(clip(segment));
  }
  for (const segment of page.without) {
    const inLayout = withLayout.includes(normalize(segment));
    const inCore = without.includes(normalize(segment));
    if (inCore && !inLayout) diff.withoutDropped.push(clip(segment));
    if (!inCore && inLayout) diff.withoutAdded.push(clip(segment));
  }
  return diff;
}

function failedRun(error: string): InPageRun {
  return { text: '', kind: 'error', ms: 0, error };
}

/** Scores `pages` in one headless Chromium: Readmark with and without the layout stage, and Readability alone. */
export async function scoreInChromium(pages: EvalPage[], options: ScoreInChromiumOptions = {}): Promise<BrowserPageScore[]> {
  const loadTimeoutMs = options.loadTimeoutMs ?? 15000;
  const evaluateTimeoutMs = options.evaluateTimeoutMs ?? 60000;
  const bundle = options.bundle ?? (await buildEvalBundle());
  const { server, origin } = await startServer(pages, options.bytesOf ?? trafilaturaBytes);
  let browser: Browser | undefined;
  const scores: BrowserPageScore[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport: VIEWPORT });
    // Offline: only this server answers. A top-level navigation elsewhere (meta refresh) gets
    // 204 No Content, which leaves the page in place instead of loading an error page.
    await context.route('**/*', (route, request) => {
      const host = new URL(request.url()).hostname;
      if (host === '127.0.0.1') return route.continue();
      if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
      return route.abort();
    });
    let tab = await openTab(context);
    for (const [index, page] of pages.entries()) {
      if (index > 0 && index % PAGES_PER_TAB === 0) {
        await closeTab(tab);
        tab = await openTab(context);
      }
      const started = performance.now();
      let loadMs = 0;
      let result: InPageResult;
      let harnessError: string | undefined;
      try {
        await tab.page.goto(`${origin}/page/${index}`, { waitUntil: 'load', timeout: loadTimeoutMs }).catch((error: Error) => {
          // A page still loading after the timeout is evaluated as it stands.
          if (!/Timeout/i.test(error.message)) throw error;
        });
        loadMs = performance.now() - started;
        result = await evaluateInPage(tab, bundle, evaluateTimeoutMs);
        if (result.url !== `${origin}/page/${index}`) throw new Error(`the page navigated away, to ${result.url}`);
      } catch (caught) {
        harnessError = caught instanceof Error ? caught.message : String(caught);
        result = { layout: failedRun(harnessError), noLayout: failedRun(harnessError), readability: failedRun(harnessError), characterSet: '', url: '', bodyVisibility: '' };
        // The tab may be wedged (an endless evaluation, a crashed renderer): start a new one.
        await closeTab(tab);
        tab = await openTab(context);
      }
      const errors: BrowserPageScore['errors'] = {};
      for (const variant of VARIANTS) if (result[variant].error) errors[variant] = result[variant].error;
      const removals = result.layout.removals ?? [];
      const score: BrowserPageScore = {
        file: page.file,
        layout: scorePage(page, result.layout.text),
        noLayout: scorePage(page, result.noLayout.text),
        readability: scorePage(page, result.readability.text),
        kinds: { layout: result.layout.kind, noLayout: result.noLayout.kind, readability: result.readability.kind },
        characterSet: result.characterSet,
        bodyVisibility: result.bodyVisibility,
        ms: { load: loadMs, layout: result.layout.ms, noLayout: result.noLayout.ms, readability: result.readability.ms },
        errors,
        ...(harnessError ? { harnessError } : {}),
        layoutRemovals: removals.slice(0, 40),
        layoutRemovalCount: removals.length,
        layoutDiff: layoutDiff(page, result.layout.text, result.noLayout.text),
      };
      scores.push(score);
      options.onPage?.(score, scores.length, pages.length);
    }
    await closeTab(tab);
    await context.close();
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return scores;
}

export function totalOf(scores: BrowserPageScore[], variant: Variant): Score {
  return sumScores(scores.map((score) => score[variant]));
}

/** A page crashed when Readmark (either variant) threw or the page could not be evaluated. */
export function crashes(scores: BrowserPageScore[]): BrowserPageScore[] {
  return scores.filter((score) => score.harnessError || score.errors.layout || score.errors.noLayout);
}

/** Segments gained (with found, without not found) by `a` over `b` on one page: positive = `a` better. */
function netGain(a: Score, b: Score): { lost: number; added: number } {
  return { lost: b.truePositives - a.truePositives, added: a.falsePositives - b.falsePositives };
}

const format = (value: number) => value.toFixed(3);

/** The CLI: the same table as the Node `npm run eval`, for the three in-browser extractors. */
export async function runBrowserEval(args: string[]): Promise<void> {
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const limit = Number(value('--limit')) || Infinity;
  const only = value('--only') ? new RegExp(value('--only')!) : null;
  const sampleSize = Number(value('--sample')) || 0;
  const all = trafilaturaPages().filter((page) => !only || only.test(page.file));
  const pages = (sampleSize ? sample(all, sampleSize) : all).slice(0, limit);
  const started = performance.now();
  const scores = await scoreInChromium(pages, {
    onPage: (score, done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
      else if (done % 50 === 0 || done === total) process.stderr.write(`${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
      if (score.harnessError) process.stderr.write(`\n${score.file}: ${score.harnessError.split('\n')[0]}\n`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;

  console.log(`trafilatura-eval in headless Chromium: ${pages.length} pages, ${seconds.toFixed(0)} s (content-script pipeline; page scripts blocked; offline)`);
  console.log('extractor               precision  recall     F1');
  for (const variant of VARIANTS) {
    const { precision, recall, f1 } = metrics(totalOf(scores, variant));
    console.log(`${VARIANT_LABELS[variant].padEnd(23)} ${format(precision).padStart(9)} ${format(recall).padStart(7)} ${format(f1).padStart(6)}`);
  }
  const crashed = crashes(scores);
  console.log(`crashes: ${crashed.length}`);
  for (const score of crashed) console.log(`  ${score.file}: ${(score.harnessError ?? score.errors.layout ?? score.errors.noLayout ?? '').split('\n')[0]}`);
  const readabilityErrors = scores.filter((score) => !score.harnessError && score.errors.readability);
  if (readabilityErrors.length) console.log(`Readability alone threw on ${readabilityErrors.length} pages`);
  const hiddenBodies = scores.filter((score) => score.bodyVisibility === 'hidden');
  if (hiddenBodies.length) console.log(`pages whose body is still hidden at evaluation (revealed by their own scripts, blocked here): ${hiddenBodies.length}`);
  const mean = (variant: 'load' | Variant) => scores.reduce((sum, score) => sum + score.ms[variant], 0) / (scores.length || 1);
  console.log(`mean ms per page: load ${mean('load').toFixed(0)}, Readmark (layout) ${mean('layout').toFixed(0)}, Readmark (no layout) ${mean('noLayout').toFixed(0)}, Readability alone ${mean('readability').toFixed(0)}`);

  const regressions = scores
    .map((score) => ({ file: score.file, ...netGain(score.layout, score.readability) }))
    .filter((entry) => entry.lost > 0 || entry.added > 0)
    .sort((a, b) => b.lost + b.added - (a.lost + a.added));
  console.log(`\nworst regressions of Readmark (layout) against Readability alone (${regressions.length} pages; segments lost / boilerplate added):`);
  const signed = (count: number) => (count < 0 ? `${count}` : `+${count}`);
  for (const entry of regressions.slice(0, 15)) console.log(`  ${entry.file}: -${entry.lost} / ${signed(entry.added)}`);

  // What the layout stage buys, page by page: Readmark with it against Readmark without it.
  const effect = scores.map((score) => {
    const { lost, added } = netGain(score.layout, score.noLayout);
    return { score, net: -(lost + added) };
  });
  const helps = effect.filter((entry) => entry.net > 0).sort((a, b) => b.net - a.net);
  const hurts = effect.filter((entry) => entry.net < 0).sort((a, b) => a.net - b.net);
  const changed = effect.filter((entry) => Object.values(entry.score.layoutDiff).some((list) => list.length > 0)).length;
  console.log(`\nlayout stage against the core alone: changes the segment verdicts on ${changed} pages; helps on ${helps.length}, hurts on ${hurts.length}`);
  const show = (entry: (typeof effect)[number]) => {
    const { file, layoutDiff: diff, layoutRemovalCount } = entry.score;
    console.log(`  ${file}: net ${entry.net > 0 ? '+' : ''}${entry.net} (${layoutRemovalCount} layout removals)`);
    for (const segment of diff.withoutDropped.slice(0, 2)) console.log(`      boilerplate dropped: "${segment}"`);
    for (const segment of diff.withGained.slice(0, 2)) console.log(`      content gained: "${segment}"`);
    for (const segment of diff.withLost.slice(0, 2)) console.log(`      content lost: "${segment}"`);
    for (const segment of diff.withoutAdded.slice(0, 2)) console.log(`      boilerplate added: "${segment}"`);
  };
  console.log('where it helps most:');
  helps.slice(0, 5).forEach(show);
  console.log('where it hurts most:');
  hurts.slice(0, 5).forEach(show);

  mkdirSync(`${ROOT}test-results`, { recursive: true });
  writeFileSync(`${ROOT}test-results/eval-browser.json`, JSON.stringify({ seconds, scores }, null, 1));
  console.log('\nraw figures: test-results/eval-browser.json (Node figures: npm run eval without --browser)');
}
