// Reads one mutated page in its own thread, so that the harness can end a page that hangs.
import { parentPort } from 'node:worker_threads';
import { extractArticle, toMarkdown } from '../../src/node/index.ts';
import { unsafeInHtml, unsafeInMarkdown } from './safety.ts';

export interface FuzzRequest {
  bytes: Uint8Array;
  force: boolean;
}

export interface FuzzReply {
  kind?: string;
  reason?: string;
  error?: string;
  unsafe: string[];
  ms: number;
}

parentPort?.on('message', async ({ bytes, force }: FuzzRequest) => {
  const started = performance.now();
  let reply: FuzzReply;
  try {
    const result = await extractArticle(bytes, { force, url: 'https://fuzz.example/page.html' });
    const ms = performance.now() - started;
    const unsafe = result.kind === 'article' ? [...unsafeInHtml(result.html), ...unsafeInMarkdown(toMarkdown(result))] : [];
    reply = { kind: result.kind, ...(result.kind === 'not-article' ? { reason: result.reason } : {}), unsafe, ms };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error), unsafe: [], ms: performance.now() - started };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage('ready');
