/**
 * Where the elements that cleaning removed from a clone of the live page sat in the tree as it
 * was cloned, as element-child indices from `body`. The live page still has that tree, so the
 * layout stage can skip the live elements whose copies cleaning already took (most of a long
 * page's chrome: menus, comment threads, footers), and remove what it finds from the cleaned
 * clone by place. No library keeps a correspondence between two DOM trees.
 */
import { elementSteps, type ElementSteps } from '../core/dom.js';

/** One element of the tree as cloned, with removals at or below it. */
export interface PlaceNode {
  /** The places (original child indices) of its children that cleaning removed, ascending. */
  removed: number[];
  /** Its children that stayed and have removals below them, by original child index. */
  below: Map<number, PlaceNode>;
}

export class CleanedPlaces {
  readonly root: PlaceNode = { removed: [], below: new Map() };
  private readonly steps: ElementSteps;
  private readonly nodes = new WeakMap<Element, PlaceNode>();
  /** Each parent's children by original index, listed when a removal first needs one. */
  private readonly originalIndices = new WeakMap<Element, Map<Element, number>>();

  /** `body`: the clone's body, before anything is removed from it. */
  constructor(private readonly body: Element) {
    this.steps = elementSteps(body);
    this.nodes.set(body, this.root);
  }

  /** Records `element`'s place; call it just before the element leaves the clone. Elements outside `body` are not recorded. */
  record(element: Element): void {
    const parent = this.steps.parent.call(element);
    const parentNode = parent && this.nodeOf(parent);
    if (!parent || !parentNode) return;
    const index = this.originalIndex(parent, element);
    const removed = parentNode.removed;
    let at = removed.length;
    while (at > 0 && removed[at - 1]! > index) at--;
    if (removed[at - 1] !== index) removed.splice(at, 0, index);
  }

  /** `element`'s node, made on the way down from `body`; null outside `body`. */
  private nodeOf(element: Element): PlaceNode | null {
    const known = this.nodes.get(element);
    if (known) return known;
    const parent = this.steps.parent.call(element);
    const parentNode = parent && this.nodeOf(parent);
    if (!parent || !parentNode) return null;
    const index = this.originalIndex(parent, element);
    let node = parentNode.below.get(index);
    if (!node) {
      node = { removed: [], below: new Map() };
      parentNode.below.set(index, node);
    }
    this.nodes.set(element, node);
    return node;
  }

  /**
   * `child`'s index among `parent`'s element children as cloned. The children are listed the
   * first time one of them is asked about, which comes before any of them is recorded removed:
   * their positions then are the original ones.
   */
  private originalIndex(parent: Element, child: Element): number {
    let indices = this.originalIndices.get(parent);
    if (!indices) {
      indices = new Map();
      let index = 0;
      for (let current = this.steps.firstChild.call(parent); current; current = this.steps.next.call(current)) indices.set(current, index++);
      this.originalIndices.set(parent, indices);
    }
    const index = indices.get(child);
    if (index === undefined) throw new Error('CleanedPlaces: unlisted element');
    return index;
  }
}

/** `original`'s index among the children that stayed: the removed places before it no longer count. */
export function indexAfterRemovals(node: PlaceNode | undefined, original: number): number {
  if (!node) return original;
  let before = 0;
  for (const removed of node.removed) {
    if (removed >= original) break;
    before++;
  }
  return original - before;
}
