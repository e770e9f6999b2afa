/**
 * Scrolling inside the reader's own scroller. Not scrollIntoView(): it also scrolls every
 * scrollable ancestor, and the page under the reader must stay where the user left it.
 */

/** Scrolls `scroller` so that `target` starts `gap` pixels below its top edge. */
export function scrollToTarget(scroller: HTMLElement, target: Element, gap = 16): void {
  const offset = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += offset - gap;
}

/** Scrolls only when `target` is not wholly in view, to a third of the way down (reading line). */
export function keepInView(scroller: HTMLElement, target: Element): void {
  const box = target.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  scroller.scrollTop += box.top - view.top - view.height / 3;
}
