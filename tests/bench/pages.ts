/** The bench's pages (the Readability test pages, any --corpus, the long page) and the server that serves them. */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize as normalizePath } from 'node:path';

export const LONG_PAGE = 'long-page (generated)';

export interface BenchPage {
  name: string;
  /** Path on the bench server. */
  path: string;
}

export function corpusPages(dir: string, prefix: string): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html'))) {
      pages.push({ name: entry.name, path: `/${prefix}/${encodeURIComponent(entry.name)}/` });
    } else if (entry.isFile() && /\.html?$/i.test(entry.name)) {
      pages.push({ name: entry.name, path: `/${prefix}/${encodeURIComponent(entry.name)}` });
    }
  }
  return pages;
}

/** The pages' own scripts never run; everything else may load, but only from this server. */
const PAGE_CSP = "default-src 'self' data: blob: 'unsafe-inline'; script-src 'none'; object-src 'none'";
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

export async function startServer(corpora: Array<{ prefix: string; dir: string }>, long: string): Promise<{ server: Server; origin: string }> {
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
