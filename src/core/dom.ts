/**
 * DOM calls a page's markup cannot shadow. A form exposes its fields as properties of the form
 * itself, hiding its own: with a field named "remove", `form.remove` is that field and
 * `form.remove()` throws. Its prototypes carry no such fields.
 */

/** `element.remove()`, with the method looked up from the element's prototype. */
export function detach(element: Element): void {
  (Object.getPrototypeOf(element) as Element).remove.call(element);
}
