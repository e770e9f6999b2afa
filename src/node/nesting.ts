import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';

type Tree = DefaultTreeAdapterMap;

/**
 * Chromium's HTML parser keeps at most this many open elements nested in the DOM: past it,
 * each new element or comment is attached to the current node's parent instead
 * (HTMLConstructionSite::AttachLater, kMaximumHTMLParserDOMTreeDepth), so content past the
 * limit becomes siblings under the element at depth 512 (the root element is 1), in document
 * order, while text stays in the element it was written in. parse5 has no such cap, and jsdom
 * pays for every insertion with a walk over the new node's ancestors.
 */
export const PARSER_MAX_DEPTH = 512;

/**
 * parse5's default tree adapter with Chromium's cap: the open-element count comes from the
 * parser's own push and pop hooks. Foster-parented nodes, template contents and the adoption
 * agency's moves are not capped, as in Chromium, which caps only insertions into the current node.
 */
function cappingAdapter(): { adapter: TreeAdapter<Tree>; capped: () => boolean } {
  let open = 0;
  let current: Tree['parentNode'] | null = null;
  let cappedAny = false;
  const adapter: TreeAdapter<Tree> = {
    ...defaultTreeAdapter,
    onItemPush(element) {
      open++;
      current = element;
    },
    onItemPop(_element, newTop) {
      open--;
      current = newTop;
    },
    appendChild(parent, child) {
      // Measured in Chromium: a comment moves one level deeper than an element does.
      const limit = defaultTreeAdapter.isCommentNode(child) ? PARSER_MAX_DEPTH + 1 : PARSER_MAX_DEPTH;
      const grandparent = parent === current && open > limit ? defaultTreeAdapter.getParentNode(parent) : null;
      if (grandparent) cappedAny = true;
      defaultTreeAdapter.appendChild(grandparent ?? parent, child);
    },
  };
  return { adapter, capped: () => cappedAny };
}

/**
 * The page parsed with Chromium's nesting cap, when the cap changed anything; null when the
 * markup nests no deeper than the limit (nearly every page), so the caller parses as before.
 */
export function cappedTree(html: string): Tree['document'] | null {
  // Fewer tags than the limit cannot nest past it.
  if (countUpTo(html, '<', PARSER_MAX_DEPTH) < PARSER_MAX_DEPTH) return null;
  const { adapter, capped } = cappingAdapter();
  const tree = parse(html, { treeAdapter: adapter });
  return capped() ? tree : null;
}

function countUpTo(text: string, character: string, limit: number): number {
  let count = 0;
  for (let index = text.indexOf(character); index !== -1 && count < limit; index = text.indexOf(character, index + 1)) count++;
  return count;
}

/**
 * Builds parse5's tree in `doc`, in place of its children, with DOM calls: jsdom parses markup, not trees.
 * Each node joins its parent before the parent joins the tree, leaves first: jsdom walks a new
 * node's ancestors on every insertion, which for a wide level at the limit's depth costs the
 * depth for every sibling. An attribute, element or doctype name the DOM refuses (the tokenizer
 * accepts `<a"b>` and `<!DOCTYPE h<div>`) is left out, an element's children kept.
 */
export function buildInto(doc: Document, tree: Tree['document'], options: { dropStyles: boolean }): void {
  // Pre-order: every node with the DOM parent it goes into.
  const placed: Array<[Node, Node]> = [];
  const stack: Array<[Tree['childNode'], Node]> = [];
  const pushChildren = (children: Tree['childNode'][], target: Node) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, target]);
  };
  doc.replaceChildren();
  pushChildren(tree.childNodes, doc);
  while (stack.length > 0) {
    const [node, target] = stack.pop()!;
    if (defaultTreeAdapter.isTextNode(node)) {
      placed.push([doc.createTextNode(node.value), target]);
    } else if (defaultTreeAdapter.isCommentNode(node)) {
      placed.push([doc.createComment(node.data), target]);
    } else if (defaultTreeAdapter.isDocumentTypeNode(node)) {
      const doctype = createDocumentType(doc, node);
      if (doctype) placed.push([doctype, target]);
    } else if (defaultTreeAdapter.isElementNode(node)) {
      if (options.dropStyles && node.tagName === 'style') continue;
      const element = createElement(doc, node);
      if (!element) {
        pushChildren(node.childNodes, target);
        continue;
      }
      placed.push([element, target]);
      if (node.tagName === 'template' && 'content' in node) {
        pushChildren(node.content.childNodes, (element as HTMLTemplateElement).content);
      } else {
        pushChildren(node.childNodes, element);
      }
    }
  }
  // Reverse pre-order: a node after all of its descendants, and a parent after its children.
  for (let index = placed.length - 1; index >= 0; index--) {
    const [node, parent] = placed[index]!;
    parent.insertBefore(node, parent.firstChild);
  }
}

function createDocumentType(doc: Document, node: Tree['documentType']): DocumentType | null {
  try {
    return doc.implementation.createDocumentType(node.name, node.publicId, node.systemId);
  } catch {
    return null;
  }
}

function createElement(doc: Document, node: Tree['element']): Element | null {
  let element: Element;
  try {
    element = doc.createElementNS(node.namespaceURI, node.tagName);
  } catch {
    return null;
  }
  for (const attribute of node.attrs) {
    const name = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
    try {
      element.setAttributeNS(attribute.namespace ?? null, name, attribute.value);
    } catch {
      // A name the DOM refuses: no page markup can address it either.
    }
  }
  return element;
}
