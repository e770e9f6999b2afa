/**
 * Which block pick mode outlines: the block under the pointer, widened to its ancestors and
 * narrowed back toward it. Pure: the page's layout comes in through `PickLayout`.
 */

export interface PickLayout {
  /** The widest block pick mode offers (the page's body). */
  top: Element;
  /** True for an element laid out as a block of its own (not inline text, not `display: contents`). */
  isBlock(element: Element): boolean;
  /** True when two elements have the same box: widening to a wrapper of the same size would change nothing the user sees. */
  sameBox(a: Element, b: Element): boolean;
}

export interface PickState {
  /** The block under the pointer (or where keyboard picking started): narrowing goes back toward it. */
  pointed: Element;
  /** The block outlined, which Enter or a click takes: `pointed` or one of its ancestors. */
  chosen: Element;
}

/** The nearest block at or around `element`, never above `layout.top`. */
export function blockAround(element: Element, layout: PickLayout): Element {
  if (!layout.top.contains(element)) return layout.top;
  let current = element;
  while (current !== layout.top && !layout.isBlock(current) && current.parentElement) current = current.parentElement;
  return current;
}

/**
 * The state once the pointer is over `element`. Moving inside a block the user has widened to
 * keeps it chosen: the outline does not jump back to a paragraph at every twitch of the mouse.
 */
export function pointAt(previous: PickState | null, element: Element, layout: PickLayout): PickState {
  const pointed = blockAround(element, layout);
  const widened = previous !== null && previous.chosen !== previous.pointed;
  if (widened && previous.chosen !== pointed && previous.chosen.contains(pointed)) return { pointed, chosen: previous.chosen };
  return { pointed, chosen: pointed };
}

/** One step wider: the nearest ancestor block with a box of its own, up to `layout.top`. */
export function widen(state: PickState, layout: PickLayout): PickState {
  let candidate = state.chosen;
  while (candidate !== layout.top && candidate.parentElement) {
    candidate = candidate.parentElement;
    if (candidate === layout.top || (layout.isBlock(candidate) && !layout.sameBox(candidate, state.chosen))) return { ...state, chosen: candidate };
  }
  return state;
}

/** One step narrower, toward `pointed`: the next block on the way down whose box differs. */
export function narrow(state: PickState, layout: PickLayout): PickState {
  if (state.chosen === state.pointed || !state.chosen.contains(state.pointed)) return state;
  const path: Element[] = [];
  for (let current: Element | null = state.pointed; current && current !== state.chosen; current = current.parentElement) path.unshift(current);
  let index = path.findIndex((candidate) => candidate === state.pointed || (layout.isBlock(candidate) && !layout.sameBox(candidate, state.chosen)));
  if (index === -1) return state;
  // The innermost of wrappers that share one box, as widening stops at it coming up.
  while (path[index] !== state.pointed && layout.isBlock(path[index + 1]!) && layout.sameBox(path[index + 1]!, path[index]!)) index++;
  return { ...state, chosen: path[index]! };
}

/** The previous or next sibling block of the chosen one (arrow keys left and right), which becomes the pointed block too. */
export function step(state: PickState, direction: 'previous' | 'next', layout: PickLayout): PickState {
  if (state.chosen === layout.top) return state;
  for (let sibling = neighbour(state.chosen, direction); sibling; sibling = neighbour(sibling, direction)) {
    if (layout.isBlock(sibling)) return { pointed: sibling, chosen: sibling };
  }
  return state;
}

function neighbour(element: Element, direction: 'previous' | 'next'): Element | null {
  return direction === 'next' ? element.nextElementSibling : element.previousElementSibling;
}
