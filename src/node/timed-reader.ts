import { Worker } from 'node:worker_threads';
import type { PageReply, PageRequest } from './read-worker.js';

export type TimedReply = PageReply | { ok: false; timedOut: true; message: string };

/**
 * Reads pages in a worker thread, one at a time, and terminates the thread when a page takes
 * longer than `timeoutMs` (extraction is synchronous: nothing else can stop it). The next page
 * gets a fresh thread; pages that finish in time share one, so jsdom loads once.
 */
export class TimedReader {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly timeoutMs: number) {}

  /** A thread, once it has loaded: its start-up is not the page's time. */
  private async readyWorker(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(new URL('./read-worker.js', import.meta.url));
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
    let worker: Worker;
    try {
      worker = await this.readyWorker();
    } catch (error) {
      this.worker = null;
      return { ok: false, message: (error as Error).message };
    }
    return new Promise((resolve) => {
      const settle = (reply: TimedReply) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(reply);
      };
      const onMessage = (reply: PageReply) => settle(reply);
      const onError = (error: Error) => {
        this.worker = null;
        settle({ ok: false, message: error.message });
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
