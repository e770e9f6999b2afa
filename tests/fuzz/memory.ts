// npm run fuzz:memory -- [--pages N]: N corpus pages through one CLI process, its resident size sampled.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TRAFILATURA_EVAL, trafilaturaPages } from '../support/corpus.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' } } });
const all = trafilaturaPages().map((page) => join(TRAFILATURA_EVAL, 'pages', `${page.file}.gz`));
const inputs = Array.from({ length: Number(values.pages) }, (_, index) => all[index % all.length]!);
const cli = new URL('../../dist/node/cli.js', import.meta.url).pathname;
const child = spawn(process.execPath, [cli, '--force', '--format', 'json', ...inputs], { stdio: ['ignore', 'pipe', 'ignore'] });
let done = 0;
child.stdout.on('data', (chunk: Buffer) => (done += chunk.toString().split('\n').length - 1));
const samples: Array<{ pages: number; rssMb: number }> = [];
const sampler = setInterval(() => {
  try {
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    if (rss) samples.push({ pages: done, rssMb: Math.round(Number(rss) / 1024) });
  } catch {
    // the process has ended
  }
}, 1000);
await new Promise((resolve) => child.on('exit', resolve));
clearInterval(sampler);
const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))]!;
console.log(`pages ${done}; RSS MB at 10 % ${at(0.1).rssMb}, 50 % ${at(0.5).rssMb}, 90 % ${at(0.9).rssMb}, max ${Math.max(...samples.map((sample) => sample.rssMb))}`);
for (const sample of samples.filter((_, index) => index % 30 === 0)) console.log(`  after ${sample.pages} pages: ${sample.rssMb} MB`);
