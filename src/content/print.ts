/**
 * Print / Save as PDF prints the article alone. The page is hidden by print rules in the user
 * sheet injected with the reader (background/injection.ts): user-origin !important beats any
 * page rule, a page CSP cannot block it, and nothing is added to the page's DOM. The reader's
 * own print rules (reading-tools-styles.ts) make it black on white with link targets shown.
 */

/**
 * While the browser prints, the dialog leaves the top layer: a top-layer box is positioned on
 * the viewport, which would print one screenful; in normal flow the article runs across pages.
 * Both print paths come here: the Print button and the browser's own Print command.
 */
export function printInFlow(dialog: HTMLDialogElement, root: ShadowRoot, signal: AbortSignal): void {
  let focusAfter: HTMLElement | null = null;
  window.addEventListener('beforeprint', () => {
    if (!dialog.matches(':popover-open')) return;
    focusAfter = root.activeElement instanceof HTMLElement ? root.activeElement : null;
    dialog.hidePopover();
  }, { signal });
  window.addEventListener('afterprint', () => {
    if (!dialog.isConnected || dialog.matches(':popover-open')) return;
    dialog.showPopover();
    focusAfter?.focus({ preventScroll: true });
  }, { signal });
}

