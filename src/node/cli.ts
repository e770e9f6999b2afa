import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { MARKDOWN_TEMPLATES, type Article, type MarkdownTemplate } from '../core/types.js';
import { TimedReader } from './timed-reader.js';

const USAGE = `Usage: readmark [options] FILE|URL ...

Prints the article of each page as Markdown (or HTML, text, JSON).
FILE may be gzipped (.gz); '-' reads standard input.

Options:
  --url URL            the page's URL, for relative links (one input only)
  --format FORMAT      markdown (default), html, text or json (one JSON line per input)
  --template TEMPLATE  how Markdown starts: heading (default: the title, then the
                       source link, byline and date), front-matter (YAML) or none
  --force              extract even when the page does not look like an article
  --timeout SECONDS    time limit for fetching a URL (default 20)
  --timeout-per-page SECONDS
                       time limit for reading one page (default 30): a page
                       that takes longer is skipped and the next one read
  -h, --help           show this help

A page past the reader's bounds (nesting depth, element count, time) has
no article unless --force is given.

Exit status: 0 every input had an article; 1 some input had none;
2 some input could not be read, or the options were wrong;
3 some input took longer than --timeout-per-page (the highest applies).`;

const FORMATS = ['markdown', 'html', 'text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface Page {
  bytes: Uint8Array;
  url?: string;
  charset?: string;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function fetchPage(url: string, timeoutSeconds: number): Promise<Page> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1]?.trim();
  return { bytes: new Uint8Array(await response.arrayBuffer()), url: response.url || url, ...(charset ? { charset } : {}) };
}

async function loadPage(input: string, timeoutSeconds: number): Promise<Page> {
  if (/^https?:\/\//i.test(input)) return fetchPage(input, timeoutSeconds);
  const raw = input === '-' ? await readStdin() : await readFile(input);
  const isGzip = raw[0] === 0x1f && raw[1] === 0x8b;
  return { bytes: isGzip ? gunzipSync(raw) : raw };
}

function render(result: Article, markdown: string, format: Format, input: string): string {
  switch (format) {
    case 'html':
      return `${result.html}\n`;
    case 'text':
      return `${result.text}\n`;
    case 'json':
      return `${JSON.stringify({ input, ...result, markdown })}\n`;
    case 'markdown':
      return markdown;
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'markdown' },
        template: { type: 'string', default: 'heading' },
        force: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '20' },
        'timeout-per-page': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`readmark: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as Format;
  const template = values.template as MarkdownTemplate;
  const timeout = Number(values.timeout);
  const timeoutPerPage = Number(values['timeout-per-page']);
  const problem =
    positionals.length === 0 ? 'no input given' :
    !FORMATS.includes(format) ? `unknown format '${values.format}' (choose ${FORMATS.join(', ')})` :
    !MARKDOWN_TEMPLATES.includes(template) ? `unknown template '${values.template}' (choose ${MARKDOWN_TEMPLATES.join(', ')})` :
    values.url && positionals.length > 1 ? '--url applies to one input only' :
    !(timeout > 0) ? '--timeout must be a positive number of seconds' :
    !(timeoutPerPage > 0) ? '--timeout-per-page must be a positive number of seconds' : null;
  if (problem) {
    process.stderr.write(`readmark: ${problem}\n\n${USAGE}\n`);
    return 2;
  }

  let status = 0;
  const reader = new TimedReader(timeoutPerPage * 1000);
  for (const input of positionals) {
    try {
      const page = await loadPage(input, timeout);
      const url = values.url ?? page.url;
      const reply = await reader.read({ bytes: page.bytes, template, options: { force: values.force, ...(url ? { url } : {}), ...(page.charset ? { charset: page.charset } : {}) } });
      if (!reply.ok) {
        process.stderr.write(`readmark: ${input}: ${reply.message}\n`);
        status = Math.max(status, 'timedOut' in reply ? 3 : 2);
        continue;
      }
      const { result } = reply;
      if (result.kind === 'not-article') {
        process.stderr.write(`readmark: ${input}: ${result.message}${values.force ? '' : ' (use --force to extract anyway)'}\n`);
        if (format === 'json') process.stdout.write(`${JSON.stringify({ input, ...result })}\n`);
        status = Math.max(status, 1);
        continue;
      }
      process.stdout.write(render(result, reply.markdown ?? '', format, input));
      if (format !== 'json' && positionals.length > 1) process.stdout.write('\n');
    } catch (error) {
      process.stderr.write(`readmark: ${input}: ${(error as Error).message}\n`);
      status = Math.max(status, 2);
    }
  }
  await reader.close();
  return status;
}

process.exitCode = await main(process.argv.slice(2));
