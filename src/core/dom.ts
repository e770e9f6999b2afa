/**
 * DOM calls a page's markup cannot shadow. A form exposes its fields as properties of the form
 * itself, hiding its own: with a field named "remove", `form.remove` is that field and
 * `form.remove()` throws. Its prototypes carry no such fields.
 */

/** True for an element; the constant, because a core without a window has no `Node` global. */
export function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** `element.remove()`, with the method looked up from the element's prototype. */
export function detach(element: Element): void {
  (Object.getPrototypeOf(element) as Element).remove.call(element);
}

type Getter<T> = (this: Element) => T;

/** A DOM getter read from the prototype: a form's field named "firstElementChild" overrides the property. */
function inheritedGetter<T>(object: object, name: string): Getter<T> {
  for (let prototype = Object.getPrototypeOf(object); prototype; prototype = Object.getPrototypeOf(prototype)) {
    const getter = Object.getOwnPropertyDescriptor(prototype, name)?.get;
    if (getter) return getter as Getter<T>;
  }
  throw new Error(`no ${name} getter`);
}

/** How to walk element children whatever a form's fields are named. */
export interface ElementSteps {
  firstChild: Getter<Element | null>;
  next: Getter<Element | null>;
  parent: Getter<Element | null>;
  children: Getter<HTMLCollection>;
}

export function elementSteps(anyElement: Element): ElementSteps {
  return {
    firstChild: inheritedGetter(anyElement, 'firstElementChild'),
    next: inheritedGetter(anyElement, 'nextElementSibling'),
    parent: inheritedGetter(anyElement, 'parentElement'),
    children: inheritedGetter(anyElement, 'children'),
  };
}
