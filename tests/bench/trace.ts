/**
 * `--trace REGEX`: where a first click's time goes. Each matching page is clicked once in a new
 * tab of each extension's browser with Chromium's tracing on (every process), and the time from
 * the click to the painted overlay is split into what the page's main thread and the service
 * worker did. Tracing slows everything (its buffers are written meanwhile): compare the shares
 * and the differences between the two extensions, not the absolute figures with untraced clicks.
 */
import type { TraceEvent } from './clicker.ts';
import { fmt, median, table } from './stats.ts';

export interface ClickBreakdown {
  /** Click → painted, traced. */
  total: number;
  /** The service worker's tasks during the click, and their time. */
  workerTasks: number;
  worker: number;
  /** Click → the content script's first line (the worker, the injection's round trips, the world's creation). */
  toScript: number;
  /** Script files injected (EvaluateScript of an extension URL in the page). */
  injections: number;
  /** The page's main thread, self times by kind. */
  compile: number;
  script: number;
  gc: number;
  forcedLayout: number;
  frame: number;
  worldSetup: number;
  other: number;
  /** The page's main thread idle after the script started: waiting on storage, messages, the frame. */
  idleAfterScript: number;
  fontLoads: number;
}

type Kind = 'compile' | 'script' | 'gc' | 'layout' | 'frame' | 'worldSetup' | 'other';

const KIND_OF: Array<[RegExp, Kind]> = [
  [/^(v8\.compile|v8\.compileModule|V8\.Compile|V8\.PreParse|V8\.Parse|FlushInstructionCache)/, 'compile'],
  [/GC|^V8\.GC/, 'gc'],
  [/^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation)$/, 'layout'],
  [/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|UpdateLayerTree|PaintImage|CompositeLayers|FireAnimationFrame|IntersectionObserverController)/, 'frame'],
  [/^(LocalWindowProxy::|V8\.DeserializeContext|ContextCreatedNotification|InstallConditionalFeatures)/, 'worldSetup'],
  [/^(EvaluateScript|FunctionCall|TimerFire|v8\.|RunMicrotasks|ParseHTML|BlinkScheduler_PerformMicrotaskCheckpoint|EventDispatch|V8\.Execute|V8\.MarkCandidatesForOptimization|V8\.Maglev)/, 'script'],
];
const kindOf = (name: string): Kind => KIND_OF.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
const isTopLevelTask = (event: TraceEvent): boolean => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask';

interface Span {
  event: TraceEvent;
  start: number;
  end: number;
  children: Span[];
  parent: Span | null;
}

/** The complete events of one thread, nested by time. */
function nest(events: TraceEvent[]): Span[] {
  const spans = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    .map((event): Span => ({ event, start: event.ts, end: event.ts + event.dur!, children: [], parent: null }));
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= span.start) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    span.parent = parent;
    (parent ? parent.children : roots).push(span);
    stack.push(span);
  }
  return roots;
}

const overlap = (start: number, end: number, from: number, to: number): number => Math.max(0, Math.min(end, to) - Math.max(start, from));
const insideScript = (span: Span): boolean => {
  for (let up = span.parent; up; up = up.parent) if (kindOf(up.event.name) === 'script') return true;
  return false;
};

export function breakDown(events: TraceEvent[]): ClickBreakdown {
  const click = events.find((event) => event.name === 'bench-click');
  const painted = events.find((event) => event.name === 'bench-painted');
  if (!click || !painted) throw new Error('the trace has no bench-click or bench-painted mark');
  const from = click.ts;
  const to = painted.ts;
  const threadNames = new Map(events.filter((event) => event.ph === 'M' && event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, String(event.args?.name)]));
  const onMain = events.filter((event) => event.pid === click.pid && event.tid === click.tid);
  const onWorker = events.filter((event) => threadNames.get(`${event.pid}:${event.tid}`) === 'ServiceWorker thread');

  const workerTasks = nest(onWorker).filter((span) => isTopLevelTask(span.event) && overlap(span.start, span.end, from, to) > 0);
  const injected = onMain.filter((event) => event.name === 'EvaluateScript' && event.ts >= from && String(event.args?.data?.['url'] ?? '').startsWith('chrome-extension://'));
  const scriptStart = Math.min(to, ...injected.map((event) => event.ts));

  const selfTimes: Record<Kind, number> = { compile: 0, script: 0, gc: 0, layout: 0, frame: 0, worldSetup: 0, other: 0 };
  let forcedLayout = 0;
  let busyAfterScript = 0;
  const visit = (span: Span): void => {
    const own = overlap(span.start, span.end, from, to) - span.children.reduce((sum, child) => sum + overlap(child.start, child.end, from, to), 0);
    const kind = kindOf(span.event.name);
    if (kind === 'layout' && insideScript(span)) forcedLayout += own;
    else selfTimes[kind === 'layout' ? 'frame' : kind] += own;
    span.children.forEach(visit);
  };
  for (const root of nest(onMain)) {
    if (!overlap(root.start, root.end, from, to)) continue;
    visit(root);
    if (isTopLevelTask(root.event)) busyAfterScript += overlap(root.start, root.end, scriptStart, to);
  }
  const ms = (us: number): number => us / 1000;
  return {
    total: ms(to - from),
    workerTasks: workerTasks.length,
    worker: ms(workerTasks.reduce((sum, span) => sum + overlap(span.start, span.end, from, to), 0)),
    toScript: ms(scriptStart - from),
    injections: injected.length,
    compile: ms(selfTimes.compile),
    script: ms(selfTimes.script),
    gc: ms(selfTimes.gc),
    forcedLayout: ms(forcedLayout),
    frame: ms(selfTimes.frame),
    worldSetup: ms(selfTimes.worldSetup),
    other: ms(selfTimes.other),
    idleAfterScript: ms(to - scriptStart - busyAfterScript),
    fontLoads: onMain.filter((event) => event.name === 'BeginRemoteFontLoad' && event.ts >= from && event.ts <= to).length,
  };
}

const COLUMNS: Array<[keyof ClickBreakdown, string]> = [
  ['total', 'click→painted'],
  ['workerTasks', 'SW tasks'],
  ['worker', 'SW busy'],
  ['toScript', 'click→script'],
  ['injections', 'scripts'],
  ['worldSetup', 'world'],
  ['compile', 'compile'],
  ['script', 'JS run'],
  ['gc', 'GC'],
  ['forcedLayout', 'forced style/layout'],
  ['frame', 'frame style/layout/paint'],
  ['other', 'other'],
  ['idleAfterScript', 'idle after script'],
  ['fontLoads', 'font loads'],
];

/** Per page and extension, then the medians and Readmark − reference. */
export function traceReport(rows: Array<{ page: string; extension: string; breakdown: ClickBreakdown }>): string {
  const cell = (value: number, key: keyof ClickBreakdown): string => fmt(value, key === 'workerTasks' || key === 'injections' || key === 'fontLoads' ? 0 : 1);
  const extensions = [...new Set(rows.map((row) => row.extension))];
  const medians = extensions.map((extension) => {
    const own = rows.filter((row) => row.extension === extension);
    return { extension, values: COLUMNS.map(([key]) => median(own.map((row) => row.breakdown[key]))) };
  });
  const summary = medians.map(({ extension, values }) => [`median, ${extension}`, '', ...values.map((value, index) => cell(value, COLUMNS[index]![0]))]);
  if (medians.length >= 2) {
    const [first, second] = medians;
    summary.push([`${first!.extension} − ${second!.extension}`, '', ...first!.values.map((value, index) => fmt(value - second!.values[index]!, 1))]);
  }
  return [
    'First click in a new tab, traced (ms; the page\'s main thread by kind of work, self time; the service worker\'s tasks):',
    table(['page', 'extension', ...COLUMNS.map(([, label]) => label)], [
      ...rows.map((row) => [row.page.slice(0, 24), row.extension, ...COLUMNS.map(([key]) => cell(row.breakdown[key], key))]),
      ...summary,
    ]),
  ].join('\n');
}
