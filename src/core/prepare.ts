/**
 * Rewrites of the page's clone that help Readability and the reader see what a
 * visitor sees: lazy images get their real source, embeds become links, code
 * blocks keep their language.
 */

const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-echo', 'data-img-src'];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
const PLACEHOLDER_SRC = /^data:image\/(?:gif|png|svg\+xml)|(?:^|[/._-])(?:blank|placeholder|spacer|lazy|loading|transparent|pixel|grey|gray)[._-]?[^/]*$/i;

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER_SRC.test(src.trim());
}

/** Copies lazy-loading attributes into `src`/`srcset` where the real source sits in a data attribute. */
export function restoreLazyImages(doc: Document): void {
  for (const image of Array.from(doc.querySelectorAll('img, source'))) {
    const isImage = image.localName === 'img';
    if (isImage && isPlaceholder(image.getAttribute('src'))) {
      const lazySrc = LAZY_SRC_ATTRIBUTES.map((name) => image.getAttribute(name)).find((value) => value && !isPlaceholder(value));
      if (lazySrc) image.setAttribute('src', lazySrc.trim());
    }
    if (!image.getAttribute('srcset')) {
      const lazySrcset = LAZY_SRCSET_ATTRIBUTES.map((name) => image.getAttribute(name)).find((value) => value && value.trim());
      if (lazySrcset) image.setAttribute('srcset', lazySrcset.trim());
    }
    if (isImage && isPlaceholder(image.getAttribute('src'))) {
      const firstCandidate = image.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0];
      if (firstCandidate) image.setAttribute('src', firstCandidate);
    }
  }
}

const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang|highlight-source|brush:?)-?\s*([A-Za-z0-9_+#.-]+)/;

/** Keeps a code block's language across Readability, which strips classes. */
export function markCodeLanguages(doc: Document): void {
  for (const pre of Array.from(doc.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    const classes = [pre.getAttribute('class'), code?.getAttribute('class'), pre.parentElement?.getAttribute('class')].filter(Boolean).join(' ');
    const language = LANGUAGE_CLASS.exec(classes)?.[1] ?? pre.getAttribute('data-lang') ?? pre.getAttribute('data-language') ?? code?.getAttribute('data-lang');
    if (language && /^[A-Za-z0-9_+#.-]{1,32}$/.test(language)) pre.setAttribute('data-lang', language.toLowerCase());
  }
}

/** Absolute `http(s)` URL of `value` against `base`, or null. */
export function absoluteHttpUrl(value: string | null | undefined, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Makes every link, image and media URL in `root` absolute. */
export function absolutizeUrls(root: ParentNode, base: string | undefined): void {
  if (!base) return;
  for (const element of Array.from(root.querySelectorAll('[href], [src], [poster], [srcset], [cite]'))) {
    for (const name of ['href', 'src', 'poster', 'cite']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      try {
        element.setAttribute(name, new URL(value.trim(), base).href);
      } catch {
        element.removeAttribute(name);
      }
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null) element.setAttribute('srcset', absolutizeSrcset(srcset, base));
  }
}

function absolutizeSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+|,(?=\S+\s)/)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      if (!url) return '';
      try {
        return [new URL(url, base).href, ...descriptor].join(' ');
      } catch {
        return '';
      }
    })
    .filter(Boolean)
    .join(', ');
}

/**
 * Replaces embedded frames (videos, tweets, maps) with a link to what they show:
 * a frame would run the embedder's script inside the reader.
 */
export function framesToLinks(root: ParentNode, base: string | undefined): void {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  for (const frame of Array.from(root.querySelectorAll('iframe, embed, object'))) {
    const url = absoluteHttpUrl(frame.getAttribute('src') ?? frame.getAttribute('data-src') ?? frame.getAttribute('data'), base);
    if (!url) {
      frame.remove();
      continue;
    }
    const paragraph = doc.createElement('p');
    const link = doc.createElement('a');
    link.setAttribute('href', url);
    link.textContent = frame.getAttribute('title')?.trim() || `Embedded content: ${new URL(url).hostname}`;
    paragraph.append(link);
    frame.replaceWith(paragraph);
  }
}

/**
 * Rebuilds customized built-in elements (`<section is="x-layout">`) as plain ones.
 * DOMPurify drops such an element with all its text when it returns a DOM, and the
 * HTML serializer writes an element's `is` value back even after the attribute is gone.
 */
export function replaceCustomizedBuiltIns(root: ParentNode): void {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  for (const element of Array.from(root.querySelectorAll('[is]'))) {
    const plain = doc.createElementNS(element.namespaceURI, element.localName);
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name !== 'is') plain.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    }
    plain.append(...Array.from(element.childNodes));
    element.replaceWith(plain);
  }
}
