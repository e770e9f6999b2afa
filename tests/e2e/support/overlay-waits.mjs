// Waiting for a condition, and for the reader overlay, the same way in both browsers' drivers.
const POLL_MS = 100;

/** Polls `check` until it returns something truthy, and returns that; fails after `timeoutMs`. */
export async function waitFor(check, timeoutMs = 3000, message = 'condition') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * `overlay(page)` snapshots the overlay; `clickAction(page)` clicks the toolbar button.
 * `openTimeoutMs` is how long one click may take to open the reader in that browser.
 */
export function overlayWaits({ overlay, clickAction, openTimeoutMs }) {
  /** The overlay's snapshot once `predicate` holds for it; fails with the last snapshot after `timeoutMs`. */
  async function waitForOverlay(page, predicate, timeoutMs = 3000) {
    let last;
    try {
      return await waitFor(async () => {
        last = await overlay(page);
        return predicate(last) && last;
      }, timeoutMs, 'the overlay');
    } catch (error) {
      const seen = last?.present ? { open: last.open, title: last.title, status: last.status, theme: last.theme, fontSizeVar: last.fontSizeVar } : last;
      throw new Error(`${error.message}; last seen: ${JSON.stringify(seen)}`);
    }
  }

  /** One toolbar click, and the open reader's snapshot: a first click that is lost is a failure. */
  async function openWithAction(page) {
    await clickAction(page);
    try {
      return await waitForOverlay(page, (snapshot) => snapshot.open, openTimeoutMs);
    } catch (error) {
      throw new Error(`the reader did not open after one toolbar click: ${error.message}`);
    }
  }

  return { waitForOverlay, openWithAction };
}
