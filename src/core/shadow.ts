/**
 * Shadow trees flattened into their hosts, as a user sees them: the host's children become
 * its shadow tree's content, each `<slot>` replaced by the host's children assigned to it (or
 * by its fallback content when none are), and light children no slot takes are dropped, since
 * they are not shown. Readability, cleaning and Markdown then read the text on screen. One
 * walk serves both shells: Node finds declarative `<template shadowrootmode>` roots, the
 * browser live shadow roots of the page its clone was made from.
 */
import { isElement } from './dom.js';

/** The shadow root `element` hosts (or a fragment standing for it), or null. */
export type ShadowRootOf = (element: Element) => DocumentFragment | null;

/** The host's children waiting for a slot, by slot name ('' for the default slot). */
class SlotAssignment {
  private readonly byName = new Map<string, Node[]>();
  private readonly taken = new Set<string>();

  /** `outer`: the assignment of the tree the host itself sits in, for its children's own slots. */
  constructor(lightChildren: Node[], readonly outer: SlotAssignment | null) {
    for (const child of lightChildren) {
      const name = isElement(child) ? (child.getAttribute('slot') ?? '') : isText(child) ? '' : null;
      if (name === null) continue;
      const list = this.byName.get(name) ?? [];
      list.push(child);
      this.byName.set(name, list);
    }
  }

  /** The nodes the slot named `name` shows; only the first slot of a name gets any. */
  take(name: string): Node[] {
    if (this.taken.has(name)) return [];
    this.taken.add(name);
    return this.byName.get(name) ?? [];
  }
}

const TEXT_NODE = 3;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE;
}

/**
 * A node's children through the prototype's getters: a form's field named "childNodes" or
 * "children" overrides the property itself.
 */
function childNodesOf(node: Node): Node[] {
  const firstChild = inheritedGetter<Node | null>(node, 'firstChild');
  const nextSibling = inheritedGetter<Node | null>(node, 'nextSibling');
  const children: Node[] = [];
  for (let child = firstChild.call(node); child; child = nextSibling.call(child)) children.push(child);
  return children;
}

function inheritedGetter<T>(object: object, name: string): (this: Node) => T {
  for (let prototype = Object.getPrototypeOf(object); prototype; prototype = Object.getPrototypeOf(prototype)) {
    const getter = Object.getOwnPropertyDescriptor(prototype, name)?.get;
    if (getter) return getter as (this: Node) => T;
  }
  throw new Error(`no ${name} getter`);
}

function isSlot(element: Element): boolean {
  return element.localName === 'slot' && element.namespaceURI === HTML_NAMESPACE;
}

/**
 * Flattens, in place, every shadow tree in `root` (nested ones too) into its host. The shadow
 * content is copied into `root`'s document, so it may come from another document (a live page).
 */
export function flattenShadowTrees(root: Document | Element | DocumentFragment, shadowRootOf: ShadowRootOf): void {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Node).ownerDocument!;
  const pending: Node[] = childNodesOf(root);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!isElement(node)) continue;
    const shadow = shadowRootOf(node);
    if (!shadow) {
      pending.push(...childNodesOf(node));
      continue;
    }
    const element = node;
    const assignment = new SlotAssignment(lightChildren(element, shadow), null);
    element.replaceChildren(...composedChildren(shadow, assignment, doc, shadowRootOf));
  }
}

/** `host`'s children other than the declarative template its shadow root came from. */
function lightChildren(host: Element, shadow: DocumentFragment): Node[] {
  return childNodesOf(host).filter((child) => !(isElement(child) && child.localName === 'template' && (child as HTMLTemplateElement).content === shadow));
}

/** Copies of `parent`'s children as rendered inside the tree whose slots `assignment` fills. */
function composedChildren(parent: Node, assignment: SlotAssignment | null, doc: Document, shadowRootOf: ShadowRootOf): Node[] {
  return childNodesOf(parent).flatMap((child) => composed(child, assignment, doc, shadowRootOf));
}

function composed(node: Node, assignment: SlotAssignment | null, doc: Document, shadowRootOf: ShadowRootOf): Node[] {
  if (!isElement(node)) return [doc.importNode(node, false)];
  if (assignment && isSlot(node)) {
    const assigned = assignment.take(node.getAttribute('name') ?? '');
    // Assigned nodes belong to the host's tree and render with its slots; fallback content with this tree's.
    if (assigned.length > 0) return assigned.flatMap((child) => composed(child, assignment.outer, doc, shadowRootOf));
    return composedChildren(node, assignment, doc, shadowRootOf);
  }
  const copy = doc.importNode(node, false);
  const shadow = shadowRootOf(node);
  if (shadow) {
    const inner = new SlotAssignment(lightChildren(node, shadow), assignment);
    copy.append(...composedChildren(shadow, inner, doc, shadowRootOf));
  } else {
    copy.append(...composedChildren(node, assignment, doc, shadowRootOf));
  }
  return [copy];
}

/** Elements the HTML standard lets attach a shadow root, besides custom elements. */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * The content of `element`'s declarative shadow root: its first `<template shadowrootmode>`
 * child, which a parser that does not attach declarative roots (jsdom) leaves in place.
 */
export function declarativeShadowRoot(element: Element): DocumentFragment | null {
  if (element.namespaceURI !== HTML_NAMESPACE || !(SHADOW_HOSTS.has(element.localName) || element.localName.includes('-'))) return null;
  for (const child of childNodesOf(element)) {
    if (!isElement(child) || child.localName !== 'template' || child.namespaceURI !== HTML_NAMESPACE) continue;
    const mode = child.getAttribute('shadowrootmode')?.toLowerCase();
    if (mode === 'open' || mode === 'closed') return (child as HTMLTemplateElement).content;
  }
  return null;
}

/** Flattens the declarative shadow roots of a parsed page (jsdom leaves them as templates). */
export function flattenDeclarativeShadowRoots(doc: Document): void {
  if (doc.querySelector('template[shadowrootmode]')) flattenShadowTrees(doc, declarativeShadowRoot);
}
