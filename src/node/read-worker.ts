import { parentPort } from 'node:worker_threads';
import { extractArticle, toMarkdown, type ExtractOptions } from './index.js';
import type { MarkdownTemplate, ReadResult } from '../core/types.js';

/** One page for the worker: its bytes and how to read them. */
export interface PageRequest {
  bytes: Uint8Array;
  options: ExtractOptions;
  template: MarkdownTemplate;
}

/** The result, and for an article its Markdown (made here, where jsdom is loaded already). */
export type PageReply = { ok: true; result: ReadResult; markdown: string | null } | { ok: false; message: string };

// Reads pages one at a time for the CLI, which ends this thread when a page outlasts its time.
parentPort?.on('message', async (request: PageRequest) => {
  let reply: PageReply;
  try {
    const result = await extractArticle(request.bytes, request.options);
    reply = { ok: true, result, markdown: result.kind === 'article' ? toMarkdown(result, { template: request.template }) : null };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
// Loaded: the page's time starts now, not while jsdom loads.
parentPort?.postMessage('ready');
