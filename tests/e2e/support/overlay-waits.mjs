// Waiting for the reader overlay, the same way in both browsers' drivers.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `overlay(page)` snapshots the overlay; `clickAction(page)` clicks the toolbar button.
 * `openTimeoutMs` is how long one click may take to open the reader in that browser.
 */
export function overlayWaits({ overlay, clickAction, openTimeoutMs }) {
  async function waitForOverlay(page, predicate, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await overlay(page);
      if (predicate(last)) return last;
      await sleep(100);
    }
    return last;
  }

  /** Clicks the toolbar button until the overlay is open (the first trigger after launch is sometimes lost). */
  async function openWithAction(page) {
    for (let attempt = 0; attempt < 3; attempt++) {
      await clickAction(page);
      const state = await waitForOverlay(page, (snapshot) => snapshot.open, openTimeoutMs);
      if (state.open) return state;
    }
    throw new Error('the reader did not open');
  }

  return { waitForOverlay, openWithAction };
}
