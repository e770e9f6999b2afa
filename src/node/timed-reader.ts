import { Worker } from 'node:worker_threads';
import type { PageReply, PageRequest } from './read-worker.js';

export type TimedReply = PageReply | { ok: false; timedOut: true; message: string };

/**
 * The heap of the thread that pages share. Without a cap V8 lets a batch's garbage grow to
 * gigabytes before it collects; with one it collects early and the batch stays flat.
 */
export const SHARED_HEAP_MB = 512;

type OutOfMemory = { ok: false; outOfMemory: true; message: string };

function failure(error: Error & { code?: string }): PageReply | OutOfMemory {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, outOfMemory: true, message: error.message } : { ok: false, message: error.message };
}

/**
 * Reads pages in a worker thread, one at a time, and terminates the thread when a page takes
 * longer than `timeoutMs` (extraction is synchronous: nothing else can stop it). The next page
 * gets a fresh thread; pages that finish in time share one, so jsdom loads once. A page that
 * needs more than the shared heap is read again alone, in a thread without the cap.
 */
export class TimedReader {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly timeoutMs: number,
    private readonly heapMb: number = SHARED_HEAP_MB,
    private readonly workerUrl: URL = new URL('./read-worker.js', import.meta.url),
  ) {}

  /** A thread, once it has loaded: its start-up is not the page's time. */
  private async readyWorker(capped: boolean): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(this.workerUrl, capped ? { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } } : {});
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
    }
    const worker = this.worker;
    await this.ready;
    return worker;
  }

  async read(request: PageRequest): Promise<TimedReply> {
    const reply = await this.readIn(request, true);
    if (reply.ok || !('outOfMemory' in reply)) return reply;
    const alone = await this.readIn(request, false);
    // The roomy thread is for this page only.
    await this.close();
    return alone;
  }

  private async readIn(request: PageRequest, capped: boolean): Promise<TimedReply | OutOfMemory> {
    let worker: Worker;
    try {
      worker = await this.readyWorker(capped);
    } catch (error) {
      this.worker = null;
      return failure(error as Error & { code?: string });
    }
    return new Promise((resolve) => {
      const settle = (reply: TimedReply | OutOfMemory) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(reply);
      };
      const onMessage = (reply: PageReply) => settle(reply);
      const onError = (error: Error & { code?: string }) => {
        this.worker = null;
        settle(failure(error));
      };
      const timer = setTimeout(() => {
        this.worker = null;
        void worker.terminate();
        settle({ ok: false, timedOut: true, message: `took longer than ${this.timeoutMs / 1000} s (--timeout-per-page); skipped` });
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
