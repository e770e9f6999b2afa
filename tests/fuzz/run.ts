// npm run fuzz -- [--seed N] [--count N] [--verbose]: the full fuzz run, with its figures.
import { parseArgs } from 'node:util';
import { fuzz } from './harness.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '300' }, verbose: { type: 'boolean', default: false } } });
const seed = Number(values.seed);
const count = Number(values.count);
const summary = await fuzz({ seed, count, onPage: (line) => (values.verbose ? console.log(line) : undefined) });
for (const finding of summary.findings) console.log(`${finding.problem}: seed ${finding.seed} ${finding.page} [${finding.mutations.join(',')}] force=${finding.force}: ${finding.detail.slice(0, 500)}`);
console.log(`seed ${seed}, pages ${summary.pages}, mutations ${summary.mutations}, runs ${summary.runs}, crashes ${summary.crashes}, hangs ${summary.hangs}, unsafe outputs ${summary.unsafe}, duration ${(summary.ms / 1000).toFixed(1)} s`);
process.exitCode = summary.findings.length > 0 ? 1 : 0;
