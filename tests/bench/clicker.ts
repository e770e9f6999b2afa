/**
 * One browser with one unpacked extension loaded, clicked as a user clicks it: a real toolbar
 * click (CDP `Extensions.triggerAction` on the page's tab target, which grants activeTab, as in
 * ../shared/docs/browser-testing.md), and the overlay's host element watched from the page.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPage } from './pages.ts';
import { LONG_PAGE } from './pages.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-US'];

/** An extension to click: where it is, and the tag of the element its overlay puts on the page. */
export interface ExtensionSpec {
  label: string;
  dir: string;
  hostTag: string;
}

export interface ExtensionFigures {
  /** Click → painted of the first click in the page's new tab: the renderer's first run of the content script. */
  firstClickToPainted: number[];
  /** First clicks that painted only on a retry (the first trigger lost), so were no first click of the renderer, or never. */
  firstClickRetried: number;
  firstClickFailed: number;
  clickToPainted: number[];
  clickToInserted: number[];
  copy: number[];
  /** The longest task of each click, first, warm and stopped-worker clicks alike. */
  longestTask: number[];
  /** Warm clicks that never painted the overlay. */
  failures: number;
  /** Click → painted with the service worker stopped first, as Chrome stops it 30 s after its last event. */
  workerStoppedToPainted: number[];
  /** Readability alone (clone + parse) in the same tab after the clicks: the machine's speed beside them. */
  readabilityAlone: number[];
}

/** The figures of ExtensionFigures that are a series of times, one per click or run. */
export type ExtensionSeries = { [Key in keyof ExtensionFigures]: ExtensionFigures[Key] extends number[] ? Key : never }[keyof ExtensionFigures];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; [key: string]: unknown };
}

export interface ExtensionClicker {
  spec: ExtensionSpec;
  manifest: Record<string, unknown>;
  /** A page's first click in a new tab, its warm clicks (each with Copy), the click with the worker stopped, then the peer. */
  measure(entry: BenchPage, errors: string[]): Promise<ExtensionFigures>;
  /** A first click in a new tab, traced: every process's events from just before the click until the overlay is painted. */
  traceFirstClick(entry: BenchPage): Promise<TraceEvent[]>;
  close(): Promise<void>;
}

/** Warm clicks on the long page at least: its budget is a median, and 2 clicks of one build were seen 75 ms apart. */
const LONG_PAGE_MIN_CLICKS = 7;
export const warmClicksOn = (pageName: string, rounds: number): number => (pageName === LONG_PAGE ? Math.max(rounds, LONG_PAGE_MIN_CLICKS) : rounds);

/** Trace categories for the breakdown of a click (tests/bench/trace.ts reads them). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing', 'toplevel', '__metadata'];

/**
 * Records, in the page's main world, when the host element is put in and when the next frame
 * after it has run (a task queued from requestAnimationFrame runs after that frame's paint),
 * with user-timing marks for the trace, and the long tasks meanwhile.
 */
const watchOverlay = (hostTag: string): string => `(() => {
  const state = { insertedAt: 0, paintedAt: 0, longTasks: [] };
  window.__benchWatch = state;
  state.painted = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(hostTag)})) return;
      observer.disconnect();
      state.insertedAt = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { performance.mark('bench-painted'); state.paintedAt = performance.timeOrigin + performance.now(); resolve(state.paintedAt); };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.documentElement, { childList: true });
  });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry.duration); }).observe({ type: 'longtask' });
  return true;
})()`;

export async function evaluate<T>(session: CDPSession, expression: string, options: { timeoutMs?: number; contextId?: number } = {}): Promise<T> {
  const call = session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, ...(options.contextId === undefined ? {} : { contextId: options.contextId }) });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${expression.slice(0, 60)}`)), options.timeoutMs ?? 60000).unref());
  const { result, exceptionDetails } = await Promise.race([call, timeout]);
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
}

/** A fresh isolated world in the page just loaded, as a content script gets. */
export async function isolatedWorld(session: CDPSession, name: string): Promise<number> {
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: name });
  return executionContextId;
}

interface DomNode {
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

const isElement = (tag: string, className: string) => (node: DomNode): boolean => {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf('class');
  return node.nodeName === tag && index >= 0 && index % 2 === 0 && (attributes[index + 1] ?? '').split(/\s+/).includes(className);
};

const epochNow = (): number => performance.timeOrigin + performance.now();

type WorkerState = 'running' | 'stopped';

interface Click {
  clickedAt: number;
  insertedAt: number;
  paintedAt: number;
  longTasks: number[];
  /** 0 unless the first trigger was lost and the page loaded and clicked again. */
  attempt: number;
}

/**
 * A browser with the extension in `spec.dir` loaded, its first trigger after launch done.
 * `peer` is the Readability-alone bundle run beside the clicks (global `__benchReadability`).
 */
export async function launchClicker(spec: ExtensionSpec, origin: string, warmClicks: number, peer: string): Promise<ExtensionClicker> {
  // A snapshot, so a rebuild running meanwhile cannot change it under the browser.
  const extensionDir = mkdtempSync(join(tmpdir(), 'readmark-bench-ext-'));
  cpSync(spec.dir, extensionDir, { recursive: true });
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
      args: [...BROWSER_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--enable-unsafe-extension-debugging'],
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
    // Each page in a tab of its own, whose first click is a reader's first click on a site: a
    // renderer that has never run the content script. One tab for every page made a page's
    // figures depend on how many were measured before it (the renderer's heap grows).
    let page: Page = await context.newPage();
    let session: CDPSession = await context.newCDPSession(page);
    const newTab = async (): Promise<void> => {
      const next = await context.newPage();
      await page.close();
      page = next;
      session = await context.newCDPSession(page);
    };

    const trigger = async (worker: WorkerState, beforeClick?: () => Promise<void>): Promise<number> => {
      const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
      const tab = (targetInfos as Array<{ targetId: string; url: string }>).find((target) => target.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      if (worker === 'stopped') await stopWorker();
      else {
        // The worker a stopped-worker click started again (the browser keeps it 30 s after its last event).
        const live = context.serviceWorkers().find((candidate) => candidate.url().startsWith(workerUrlPrefix)) ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
        await live.evaluate(() => 0);
      }
      await beforeClick?.();
      const clickedAt = epochNow();
      await browserSession.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      return clickedAt;
    };

    const clickUntilPainted = async (url: string, worker: WorkerState = 'running', beforeClick?: () => Promise<void>): Promise<Click | null> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await open(page, url);
        await evaluate(session, watchOverlay(spec.hostTag));
        const clickedAt = await trigger(worker, beforeClick);
        try {
          await evaluate(session, 'window.__benchWatch.painted', { timeoutMs: 4000 });
          // Let the long-task observer deliver the task that painted the overlay.
          await new Promise((resolve) => setTimeout(resolve, 100));
          const state = await evaluate<Omit<Click, 'clickedAt' | 'attempt'>>(session, '({ insertedAt: __benchWatch.insertedAt, paintedAt: __benchWatch.paintedAt, longTasks: __benchWatch.longTasks })');
          return { clickedAt, ...state, attempt };
        } catch {
          // The first trigger after launch is sometimes lost (browser-testing.md): load again and click again.
        }
      }
      return null;
    };

    /** A real mouse click on the overlay's Copy button, until its status says so; null where there is none. */
    const copyThroughButton = async (): Promise<number | null> => {
      const { root: documentNode } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      // The overlay's own shadow root only: pages have buttons and spans of these classes too (cnn).
      const root = findNode(documentNode, (node) => node.nodeName === spec.hostTag.toUpperCase())?.shadowRoots?.[0];
      // Only an article has something to copy (a page Readmark declines shows a notice).
      if (!root || !findNode(root, isElement('ARTICLE', 'content'))) return null;
      const button = findNode(root, isElement('BUTTON', 'copy'));
      const status = findNode(root, isElement('SPAN', 'status'));
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

    // The peer: one run per load in an isolated world of its own; the first run of a tab's
    // renderer compiles the bundle, so it is not kept.
    const readabilityBeside = async (entry: BenchPage): Promise<number[]> => {
      const totals: number[] = [];
      for (let run = 0; run < 3; run++) {
        await open(page, origin + entry.path);
        const world = await isolatedWorld(session, 'bench-readability');
        await evaluate(session, peer, { contextId: world });
        const { times } = await evaluate<{ times: Record<string, number> }>(session, '__benchReadability()', { contextId: world });
        if (run > 0) totals.push(times['total']!);
      }
      return totals;
    };

    // Warm-up: the first trigger after launch.
    await clickUntilPainted(`${origin}/blank/`);

    const measure = async (entry: BenchPage, errors: string[]): Promise<ExtensionFigures> => {
      const figures: ExtensionFigures = { firstClickToPainted: [], firstClickRetried: 0, firstClickFailed: 0, clickToPainted: [], clickToInserted: [], copy: [], longestTask: [], failures: 0, workerStoppedToPainted: [], readabilityAlone: [] };
      await newTab();
      const first = await clickUntilPainted(origin + entry.path);
      // Only a click that found no content script in the process counts as a first one.
      if (!first) figures.firstClickFailed++;
      else if (first.attempt > 0) figures.firstClickRetried++;
      else figures.firstClickToPainted.push(first.paintedAt - first.clickedAt);
      if (first) figures.longestTask.push(Math.max(0, ...first.longTasks));
      for (let round = 0; round < warmClicksOn(entry.name, warmClicks); round++) {
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
          errors.push(`${spec.label} copy: ${String(error).split('\n')[0]}`);
        }
      }
      // Last, so the page's other clicks find the worker running.
      try {
        const stopped = await clickUntilPainted(origin + entry.path, 'stopped');
        if (stopped) {
          figures.workerStoppedToPainted.push(stopped.paintedAt - stopped.clickedAt);
          figures.longestTask.push(Math.max(0, ...stopped.longTasks));
        }
      } catch (error) {
        errors.push(`${spec.label} click with the worker stopped: ${String(error).split('\n')[0]}`);
      }
      try {
        figures.readabilityAlone.push(...(await readabilityBeside(entry)));
      } catch (error) {
        errors.push(`${spec.label} Readability alone beside the clicks: ${String(error).split('\n')[0]}`);
      }
      return figures;
    };

    const traceFirstClick = async (entry: BenchPage): Promise<TraceEvent[]> => {
      await newTab();
      const events: TraceEvent[] = [];
      const collect = (payload: { value: TraceEvent[] }): void => {
        events.push(...payload.value);
      };
      browserSession.on('Tracing.dataCollected' as never, collect as never);
      const complete = new Promise<void>((resolve) => browserSession.once('Tracing.tracingComplete' as never, () => resolve()));
      // Started once the page is loaded and watched, just before the click: the trace holds the click and nothing of the load.
      let tracing = false;
      const startTracing = async (): Promise<void> => {
        if (tracing) return; // a lost click's retry: the trace is thrown away below
        tracing = true;
        await browserSession.send('Tracing.start' as never, { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' } as never);
        await evaluate(session, "performance.mark('bench-click')");
      };
      let clicked: Click | null = null;
      try {
        clicked = await clickUntilPainted(origin + entry.path, 'running', startTracing);
      } finally {
        await browserSession.send('Tracing.end' as never).catch(() => undefined);
        await complete;
        browserSession.off('Tracing.dataCollected' as never, collect as never);
      }
      if (!clicked || clicked.attempt > 0) throw new Error(`${spec.label}: the traced first click on ${entry.name} was lost`);
      return events;
    };

    return { spec, manifest, measure, traceFirstClick, close: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
