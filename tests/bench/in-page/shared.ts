/** Helpers shared by the benchmark's in-page bundles (each bundle gets its own copy). */

export type Timings = Record<string, number>;

/** Resolves after the next frame has been produced: a task queued from requestAnimationFrame runs after that frame's paint. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

/** Words of text, for a sanity check that each extractor found the article. */
export function wordsOf(text: string | null | undefined): number {
  return (text ?? '').split(/\s+/).filter(Boolean).length;
}

export function install(name: string, value: unknown): void {
  (globalThis as Record<string, unknown>)[name] = value;
}
