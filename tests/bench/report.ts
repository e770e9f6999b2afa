/** The bench's tables: the speed contract, the clicks in detail, the paired builds, the in-page stages. */
import type { ExtensionFigures, ExtensionSeries } from './clicker.ts';
import type { Method, RunResult } from './in-page.ts';
import { LONG_PAGE } from './pages.ts';
import { fmt, max, median, p95, table } from './stats.ts';

export interface PageRecord {
  name: string;
  errors: string[];
  inPage?: Record<Method, RunResult[]>;
  /** Clicks through each extension, by its label ('readmark', 'reference', 'compare'). */
  clicks: Record<string, ExtensionFigures | undefined>;
}

/** What the contract reads from one extension besides its clicks. */
export interface ExtensionFacts {
  label: string;
  dir: string;
  contentScripts: unknown;
  contentScriptKb: number;
}

const corpusOf = (records: PageRecord[]): PageRecord[] => records.filter((record) => record.name !== LONG_PAGE);
const longOf = (records: PageRecord[]): PageRecord | undefined => records.find((record) => record.name === LONG_PAGE);
const perPage = (records: PageRecord[], label: string, key: ExtensionSeries): number[] => corpusOf(records).map((record) => median(record.clicks[label]?.[key] ?? [])).filter(Number.isFinite);
const longMedian = (records: PageRecord[], label: string, key: ExtensionSeries): number => median(longOf(records)?.clicks[label]?.[key] ?? []);

/** Median over the corpus pages of the per-page ratio of first clicks, `label` over the reference reader. */
function firstClickRatio(records: PageRecord[], label: string): { ratio: number; pages: number } {
  const ratios = corpusOf(records)
    .map((record) => median(record.clicks[label]?.firstClickToPainted ?? []) / median(record.clicks['reference']?.firstClickToPainted ?? []))
    .filter(Number.isFinite);
  return { ratio: median(ratios), pages: ratios.length };
}

const verdict = (value: number, budget: number): string => (Number.isFinite(value) ? (value <= budget ? 'pass' : 'FAIL') : '–');

/** One line per figure of the contract: its budget, each build's result and whether it passes; the reference reader's own figure beside. */
export function contractTable(records: PageRecord[], builds: ExtensionFacts[]): string {
  const corpusPages = corpusOf(records).length;
  const rows: string[][] = [];
  const line = (measure: string, budget: string, value: (label: string, facts: ExtensionFacts | null) => number, limit: number | null, digits = 1, reference = true): void => {
    const cells = builds.flatMap((facts) => {
      const result = value(facts.label, facts);
      return [fmt(result, digits), limit === null ? '' : verdict(result, limit)];
    });
    rows.push([measure, budget, ...cells, reference ? fmt(value('reference', null), digits) : '']);
  };
  line('first click in a new tab → painted, median', '', (label) => median(perPage(records, label, 'firstClickToPainted')), null);
  const ratioCells = builds.flatMap((facts) => {
    const { ratio } = firstClickRatio(records, facts.label);
    return [fmt(ratio, 2), `${verdict(ratio, 1.6)}${ratio <= 1.25 ? ', goal met' : ''}`];
  });
  rows.push([`first click / reference reader's (median of ${firstClickRatio(records, builds[0]!.label).pages} per-page ratios)`, '≤ 1.6 (goal 1.25)', ...ratioCells, '1.00']);
  line('warm click → painted, median', '≤ 50 ms', (label) => median(perPage(records, label, 'clickToPainted')), 50);
  line('long page: warm click → painted', '≤ 300 ms', (label) => longMedian(records, label, 'clickToPainted'), 300);
  line('Copy as Markdown → "Copied", median', '≤ 20 ms', (label) => median(perPage(records, label, 'copy')), 20, 1, false);
  line('long page: Copy', '≤ 150 ms', (label) => longMedian(records, label, 'copy'), 150, 1, false);
  line('longest task, any click, any page', '≤ 300 ms', (label) => max(records.flatMap((record) => record.clicks[label]?.longestTask ?? [])), 300, 0);
  line('click, service worker stopped → painted, median', '(reported)', (label) => median(perPage(records, label, 'workerStoppedToPainted')), null);
  line('long page: first click → painted', '(reported)', (label) => longMedian(records, label, 'firstClickToPainted'), null);
  line('long page: click, worker stopped → painted', '(reported)', (label) => longMedian(records, label, 'workerStoppedToPainted'), null);
  rows.push(['content scripts declared in the manifest', 'none', ...builds.flatMap((facts) => [facts.contentScripts === null ? 'none' : 'some', facts.contentScripts === null ? 'pass' : 'FAIL']), '']);
  line('content.js, KB', '≤ 250 KB', (_label, facts) => facts?.contentScriptKb ?? Number.NaN, 250, 1, false);
  const header = ['contract', 'budget', ...builds.flatMap((facts) => [facts.label, 'pass']), 'reference'];
  return [`The speed contract: medians over ${corpusPages} corpus pages (each page's median) and the long page; ms unless said.`, table(header, rows)].join('\n');
}

/** Each extension's clicks in detail: median / p95 / max over the corpus pages, and the long page. */
export function clicksTable(records: PageRecord[], labels: string[]): string {
  const rows: string[][] = [];
  for (const label of labels) {
    for (const [measure, key] of [['first click in a new tab → painted', 'firstClickToPainted'], ['warm click → painted', 'clickToPainted'], ['warm click → overlay in DOM', 'clickToInserted'], ['click, worker stopped → painted', 'workerStoppedToPainted'], ['Copy as Markdown → "Copied"', 'copy'], ['longest task of a click', 'longestTask'], ['Readability alone, same tab, after', 'readabilityAlone']] as const) {
      const values = perPage(records, label, key);
      if (!values.length) continue;
      rows.push([label, measure, fmt(median(values)), fmt(p95(values)), fmt(max(values)), fmt(key === 'longestTask' ? max(longOf(records)?.clicks[label]?.longestTask ?? []) : longMedian(records, label, key))]);
    }
  }
  const lost = labels.map((label) => {
    const figures = records.map((record) => record.clicks[label]).filter((entry): entry is ExtensionFigures => entry !== undefined);
    const retried = figures.reduce((sum, entry) => sum + entry.firstClickRetried, 0);
    const failed = figures.reduce((sum, entry) => sum + entry.firstClickFailed + entry.failures, 0);
    return retried || failed ? `${label}: ${retried} first clicks painted only when clicked again (left out), ${failed} clicks never painted` : '';
  }).filter(Boolean);
  return ['Clicks in detail, ms (each page\'s median; then median / p95 / max over the corpus pages; the long page):', table(['extension', 'measure', 'median', 'p95', 'max', 'long page'], rows), ...lost].join('\n');
}

/** Two builds clicked page by page in one run (`--compare`): per page, B's median minus A's, and their ratio. */
export function pairedTable(records: PageRecord[], a: ExtensionFacts, b: ExtensionFacts): string {
  const rows: string[][] = [];
  for (const [measure, key] of [['first click in a new tab → painted', 'firstClickToPainted'], ['warm click → painted', 'clickToPainted'], ['Copy as Markdown → "Copied"', 'copy'], ['click, worker stopped → painted', 'workerStoppedToPainted'], ['Readability alone, same tab (the machine)', 'readabilityAlone']] as const) {
    const pairs = corpusOf(records)
      .map((record) => [median(record.clicks[a.label]?.[key] ?? []), median(record.clicks[b.label]?.[key] ?? [])] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (!pairs.length) continue;
    rows.push([measure, String(pairs.length), fmt(median(pairs.map(([x]) => x))), fmt(median(pairs.map(([, y]) => y))), fmt(median(pairs.map(([x, y]) => y - x))), fmt(median(pairs.map(([x, y]) => y / x)), 3), String(pairs.filter(([x, y]) => y < x).length), `${fmt(longMedian(records, a.label, key))} → ${fmt(longMedian(records, b.label, key))}`]);
  }
  return [`Paired, page by page in one run (A = ${a.label}: ${a.dir}; B = ${b.label}: ${b.dir}), ms:`, table(['measure', 'pages', 'A', 'B', 'B − A (median per page)', 'B / A', 'pages B faster', 'long page A → B'], rows)].join('\n');
}

const STAGE_ORDER = ['clone', 'clean', 'layout', 'readerable', 'readability', 'sanitize', 'text', 'core', 'renderDom', 'renderLayout', 'paint', 'synchronous', 'prePaint', 'wholeArticle', 'copyMarkdown', 'clipboard'];

/** The in-page diagnostics: each stage's median over the corpus pages (of each page's median), and the long page. */
export function inPageTable(records: PageRecord[]): string {
  const measured = records.filter((record) => record.inPage?.readmark.length);
  const medianOf = (runs: RunResult[] | undefined, key: string): number => median((runs ?? []).map((run) => run.times[key]).filter((value): value is number => value !== undefined));
  const stages = [...new Set([...STAGE_ORDER, ...measured.flatMap((record) => record.inPage!.readmark.flatMap((run) => Object.keys(run.times)))])];
  const rows: string[][] = [];
  const row = (method: Method, stage: string): void => {
    const values = corpusOf(measured).map((record) => medianOf(record.inPage![method], stage)).filter(Number.isFinite);
    const long = medianOf(longOf(measured)?.inPage?.[method], stage);
    if (values.length || Number.isFinite(long)) rows.push([`${method} ${stage}`, fmt(median(values), 2), fmt(p95(values), 2), fmt(max(values), 2), fmt(long, 1)]);
  };
  for (const stage of stages) row('readmark', stage);
  for (const stage of ['clone', 'parse', 'total']) row('readability', stage);
  return ['In the page, without the extension (diagnostic; isolated worlds, gc() before each run), ms: median / p95 / max over the corpus pages of each page\'s median; the long page', table(['stage', 'median', 'p95', 'max', 'long page'], rows)].join('\n');
}
