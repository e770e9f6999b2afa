// npm run eval: scores Readmark and Readability alone on all of trafilatura-eval
// (precision, recall, F1), and the words each keeps on the Readability test pages.
import { writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { halfOf, sample, trafilaturaPages } from '../support/corpus.ts';
import { metrics, total, type PageScore } from './score.ts';
import { readabilityWordsKept } from './words-kept.ts';
import { formatVerdictScore, judge, labelledPages, verdictScore } from './verdict-set.ts';

const args = process.argv.slice(2);

// --- browser scoring (npm run eval -- --browser [--limit N] [--only REGEX]): instead of the
// Node scoring below, the same table from headless Chromium; see ./browser-eval.ts.
if (args.includes('--browser')) {
  const { runBrowserEval } = await import('./browser-eval.ts');
  await runBrowserEval(args);
  process.exit(process.exitCode ?? 0);
}
// --- end of browser scoring
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const limit = option('--limit') ?? Infinity;
const sampleSize = option('--sample');
const allPages = trafilaturaPages();
const pages = (sampleSize ? sample(allPages, sampleSize) : allPages).slice(0, limit);
const workerCount = Number(args[args.indexOf('--workers') + 1]) || availableParallelism();
const started = performance.now();

/** Pages are dealt round-robin to one worker per core; each scores its share. */
async function scoreAll(): Promise<PageScore[]> {
  const results: PageScore[] = [];
  await Promise.all(
    Array.from({ length: workerCount }, (_, worker) => {
      const files = pages.filter((_, index) => index % workerCount === worker).map((page) => page.file);
      return new Promise<void>((resolve, reject) => {
        // Node 20 will not start a worker from a .ts file; the worker registers tsx, then imports it.
        const script = new URL('./score-worker.ts', import.meta.url).href;
        const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
        const thread = new Worker(bootstrap, { eval: true, workerData: { files } });
        thread.on('message', (score: PageScore) => {
          results.push(score);
          if (process.stderr.isTTY) process.stderr.write(`\r${results.length}/${pages.length}`);
        });
        thread.on('error', reject);
        thread.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`eval worker exited with ${code}`))));
      });
    }),
  );
  return results.sort((a, b) => a.file.localeCompare(b.file));
}

const scores = await scoreAll();
const format = (value: number) => value.toFixed(3);
console.log(`trafilatura-eval: ${pages.length} pages, ${((performance.now() - started) / 1000).toFixed(0)} s; the default path, as a user gets it`);
const halves = { all: scores, tune: scores.filter((score) => halfOf(score.url) === 'tune'), check: scores.filter((score) => halfOf(score.url) === 'check') };
console.log(`extractor                        ${Object.entries(halves).map(([name, part]) => `${name} (${part.length})`.padEnd(22)).join('')}`);
console.log(`                                 ${Object.keys(halves).map(() => 'P     R     F1'.padEnd(22)).join('')}`);
const rows = [
  ['Readmark', 'readmark'],
  ['Readmark, forced (diagnostic)', 'readmarkForced'],
  ['Readability alone', 'readability'],
] as const;
for (const [label, key] of rows) {
  const cells = Object.values(halves).map((part) => {
    const { precision, recall, f1 } = metrics(total(part, key));
    return `${format(precision)} ${format(recall)} ${format(f1)}`.padEnd(22);
  });
  console.log(`${label.padEnd(33)}${cells.join('')}`);
}
const refused = scores.filter((score) => score.refused);
console.log(`pages refused by the default path: ${refused.length} of ${scores.length}`);
for (const score of refused) console.log(`  ${score.file} (${halfOf(score.url)}): ${score.refused}`);

// The verdict: trafilatura-eval's pages are all articles; the labelled set adds the Readability
// test pages and hand-written pages of both kinds.
const outcomes = [];
for (const page of labelledPages()) outcomes.push(await judge(page));
console.log('\nthe article verdict, default path:');
for (const half of ['tune', 'check'] as const) {
  const entries = [
    ...halves[half].map((score) => ({ article: true, shown: !score.refused })),
    ...outcomes.filter((outcome) => outcome.page.half === half).map((outcome) => ({ article: outcome.page.article, shown: outcome.shown })),
  ];
  console.log(`  ${half.padEnd(5)} ${formatVerdictScore(verdictScore(entries))}`);
}
console.log(`  all   ${formatVerdictScore(verdictScore([...scores.map((score) => ({ article: true, shown: !score.refused })), ...outcomes.map((outcome) => ({ article: outcome.page.article, shown: outcome.shown }))]))}`);
for (const outcome of outcomes) {
  const wrong = outcome.shown !== outcome.page.article;
  if (wrong || outcome.missing.length || outcome.unwanted.length) {
    const verdict = wrong ? (outcome.shown ? 'shown, not an article' : `refused (${outcome.reason})`) : 'shown';
    console.log(`  ${outcome.page.name} [${outcome.page.half}]: ${verdict}${outcome.missing.length ? `; missing ${outcome.missing.length}` : ''}${outcome.unwanted.length ? `; unwanted ${outcome.unwanted.length}` : ''}`);
  }
}

const errors = scores.filter((score) => score.error);
console.log(`crashes: ${errors.length}`);
for (const error of errors) console.log(`  ${error.file}: ${error.error?.split('\n')[0]}`);

// Where Readmark does worse than Readability alone, page by page: the next place to look.
const regressions = scores
  .map((score) => ({ file: score.file, lost: score.readability.truePositives - score.readmark.truePositives, added: score.readmark.falsePositives - score.readability.falsePositives }))
  .filter((entry) => entry.lost > 0 || entry.added > 0)
  .sort((a, b) => b.lost + b.added - (a.lost + a.added));
console.log(`\nworst regressions against Readability alone (${regressions.length} pages; segments lost / boilerplate added):`);
for (const entry of regressions.slice(0, 15)) console.log(`  ${entry.file}: -${entry.lost} / +${entry.added}`);

// What each cleaning rule bought (boilerplate segments its removals held) and cost (article segments).
const byRule = new Map<string, { boilerplateRemoved: number; articleLost: number }>();
for (const score of scores) {
  for (const [rule, effect] of Object.entries(score.byRule)) {
    const sum = byRule.get(rule) ?? { boilerplateRemoved: 0, articleLost: 0 };
    sum.boilerplateRemoved += effect.boilerplateRemoved;
    sum.articleLost += effect.articleLost;
    byRule.set(rule, sum);
  }
}
console.log('\nsegments absent from Readmark\'s text that a rule\'s removals held (boilerplate removed / article text lost):');
for (const [rule, sum] of [...byRule].sort((a, b) => b[1].boilerplateRemoved - b[1].articleLost - (a[1].boilerplateRemoved - a[1].articleLost))) {
  console.log(`  ${rule.padEnd(40)} ${String(sum.boilerplateRemoved).padStart(4)} / ${sum.articleLost}`);
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/eval.json', JSON.stringify({ scores }, null, 1));
if (args.includes('--no-words')) process.exit(0);
const words = await readabilityWordsKept();
console.log(`\nreadability-test-pages: expected words kept, Readmark ${format(words.readmark)}, Readability alone ${format(words.readability)} (mean over ${words.pages} pages)`);
console.log(`pages where Readmark keeps < 99 % of what Readability alone keeps: ${words.below.length}`);
console.log('  (lost words by the rule that removed them; "unexplained" were lost by no removal)');
for (const entry of words.below) {
  const reasons = Object.entries(entry.lostTo).sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`).join(', ');
  console.log(`  ${entry.name}: ${format(entry.readmark)} vs ${format(entry.readability)}; lost: ${reasons}`);
}

writeFileSync('test-results/eval.json', JSON.stringify({ scores, words }, null, 1));
console.log('\nraw figures: test-results/eval.json');
