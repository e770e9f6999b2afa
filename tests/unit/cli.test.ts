import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SEED } from '../support/corpus.ts';
import { articlePage } from '../support/dom.ts';
import { TimedReader } from '../../src/node/timed-reader.ts';

const CLI = new URL('../../dist/node/cli.js', import.meta.url).pathname;
const seedPath = join(SEED, 'page.html');
const dir = mkdtempSync(join(tmpdir(), 'readmark-cli-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, ms: performance.now() - started });
    });
  });
}

let server: Server;
let origin = '';
before(async () => {
  server = createServer((request, response) => {
    if (request.url === '/story') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage('<p>Served over <a href="/next">HTTP</a>.</p>'));
    } else if (request.url === '/slow') {
      setTimeout(() => response.end('late'), 5000);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => server.closeAllConnections?.() ?? server.close());
after(() => server.close());

test('the seed page prints clean Markdown', async () => {
  const result = await run([seedPath]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /警方在6日表示，已经有数十人因为企图闯入政府大楼，而遭到警方杀害。/);
  assert.doesNotMatch(result.stdout, /div-gpt-ad|adsbygoogle|onclick/);
});

test('gzipped files, json lines, Markdown templates', async () => {
  const gz = join(dir, 'seed.html.gz');
  writeFileSync(gz, gzipSync(readFileSync(seedPath)));
  const result = await run(['--format', 'json', seedPath, gz]);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, 2);
  assert.equal(lines[1].input, gz);
  assert.equal(lines[0].markdown, lines[1].markdown);
  assert.match(lines[0].markdown, /^# 求俄派出维和部队/);
  const matter = await run(['--template', 'front-matter', '--url', 'https://www.secretchina.com/x.html', seedPath]);
  assert.match(matter.stdout, /^---\ntitle: "求俄派出维和部队/);
  assert.match(matter.stdout, /\nsource: "https:\/\/www\.secretchina\.com\/x\.html"\n/);
  const heading = await run(['--url', 'https://www.secretchina.com/x.html', seedPath]);
  assert.match(heading.stdout, /^# 求俄派出维和部队 哈萨克示威爆枪战数十人死\(图\)\n\n\[[^\]]+\]\(<https:\/\/www\.secretchina\.com\/x\.html>\)/);
  const bodyOnly = await run(['--template', 'none', seedPath]);
  assert.doesNotMatch(bodyOnly.stdout, /^#|^---/);
  const wrong = await run(['--template', 'yaml', seedPath]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /unknown template 'yaml'/);
});

test('text and html formats', async () => {
  const text = await run(['--format', 'text', seedPath]);
  assert.doesNotMatch(text.stdout, /<|!\[/);
  const html = await run(['--format', 'html', seedPath]);
  assert.match(html.stdout, /^<div>/);
});

test('a page with no article: a clear message, the others go on, exit 1', async () => {
  const login = join(dir, 'login.html');
  writeFileSync(login, '<title>Login</title><form><p>Sign in to read on.</p><input name="u"><input type="password" name="p"></form>');
  const result = await run([login, seedPath]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /login\.html: This page has too little text to be an article\. \(use --force to extract anyway\)/);
  assert.match(result.stdout, /警方在6日表示/);
});

test('an unreadable input says why, exit 2', async () => {
  const result = await run([join(dir, 'missing.html'), seedPath]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /missing\.html: ENOENT/);
  assert.match(result.stdout, /警方在6日表示/);
});

test('bad options print usage, exit 2', async () => {
  const result = await run(['--format', 'pdf', seedPath]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown format 'pdf'/);
  assert.match(result.stderr, /Usage: readmark/);
});

test('a URL is fetched, its links made absolute against it', async () => {
  const result = await run([`${origin}/story`]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`\\[HTTP\\]\\(${origin}/next\\)`));
});

test('a URL fetch gives up after --timeout', async () => {
  const result = await run(['--timeout', '0.5', `${origin}/slow`]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /slow: .*(timeout|aborted)/i);
  assert.ok(result.ms < 4000, `gave up after ${result.ms} ms`);
});

test('a page that outlasts --timeout-per-page: a clear message, the next input is read, exit 3', async () => {
  // Minutes of Readability: 10,000 levels capped into a wide level 513 deep, read past the bounds by --force.
  const slow = join(dir, 'slow.html');
  writeFileSync(slow, articlePage('<div>nested words, '.repeat(10_000)));
  const result = await run(['--force', '--timeout-per-page', '4', slow, seedPath]);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /slow\.html: took longer than 4 s \(--timeout-per-page\); skipped/);
  assert.match(result.stdout, /警方在6日表示/);
  assert.ok(result.ms < 30_000, `${result.ms} ms`);
});

test('a page past the bounds: too complex without --force, exit 1', async () => {
  const deep = join(dir, 'deep.html');
  writeFileSync(deep, articlePage('<div>nested words, '.repeat(2_000)));
  const result = await run([deep]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /deep\.html: This page is too complex to read: its elements nest 513 deep \(the limit is 256\)\./);
});

test('a page that needs more than the shared heap is read again alone, in a thread without the cap', async () => {
  // A heap too small even to load jsdom: the capped thread runs out of memory on every page.
  const reader = new TimedReader(30_000, 4, new URL('../../dist/node/read-worker.js', import.meta.url));
  try {
    const reply = await reader.read({ bytes: readFileSync(seedPath), options: { url: 'https://example.test/seed' }, template: 'none' });
    assert.equal(reply.ok, true, reply.ok ? '' : reply.message);
    if (reply.ok) assert.equal(reply.result.kind, 'article');
  } finally {
    await reader.close();
  }
});
