import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractOptions } from './index.js';
import type { ReadResult } from '../core/types.js';

/** One page for the worker: its bytes and how to read them. */
export interface PageRequest {
  bytes: Uint8Array;
  options: ExtractOptions;
}

export type PageReply = { ok: true; result: ReadResult } | { ok: false; message: string };

// Reads pages one at a time for the CLI, which ends this thread when a page outlasts its time.
parentPort?.on('message', async (request: PageRequest) => {
  let reply: PageReply;
  try {
    // A plain copy: the article's lazily made fields are read here, its DOM node is left behind.
    reply = { ok: true, result: { ...(await extractArticle(request.bytes, request.options)) } };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
// Loaded: the page's time starts now, not while jsdom loads.
parentPort?.postMessage('ready');
