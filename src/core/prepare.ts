/**
 * Rewrites of the page's clone that help Readability and the reader see what a
 * visitor sees: lazy images get their real source, embeds become links, code
 * blocks keep their language.
 */

const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-echo', 'data-img-src'];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
/** A `src` a lazy loader is about to replace: any small data URL or a file named like a placeholder. */
const PLACEHOLDER_SRC = /^data:image\/(?:gif|png|svg\+xml)|(?:^|[/._-])(?:blank|placeholder|spacer|lazy|loading|transparent|pixel|grey|gray)[._-]?[^/]*$/i;
/**
 * A file that is nothing but a placeholder (`blank.gif`, `lazy-placeholder.png`, `spacer.gif`),
 * named strictly enough that an image with only this `src` can be dropped: `grey-heron.jpg` is
 * a photograph.
 */
const PLACEHOLDER_FILE = /(?:^|\/)(?:(?:lazy|img|image|default|ajax|site)[._-])?(?:blank|placeholder|spacer|lazy|lazyload|loading|loader|transparent|pixel|grey|gray|empty|clear|1x1)(?:[._-](?:\d+(?:x\d+)?|placeholder|image|img|bg))?\.(?:gif|png|svg|jpe?g|webp)(?:[?#].*)?$/i;
/** An attribute value that is one image URL (the form Readability also copies over). */
const IMAGE_URL = /^\s*\S+\.(?:jpe?g|png|webp|gif|avif)(?:[?#]\S*)?\s*$/i;
const SVG_SHAPES = /<(?:path|circle|ellipse|line|polyline|polygon|text|image|use|g)\b/i;

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER_SRC.test(src.trim());
}

/** A `src` that shows nothing worth keeping: empty, a tiny raster data URL, an empty SVG, a placeholder file. */
function isOnlyPlaceholder(src: string | null): boolean {
  const value = src?.trim();
  if (!value) return true;
  if (/^data:image\/(?:gif|png|webp|jpeg);base64,/i.test(value)) return value.length < 200;
  if (/^data:image\/svg\+xml/i.test(value)) {
    let svg = value;
    try {
      svg = decodeURIComponent(value);
    } catch {
      // A base64 or malformed SVG is judged by its length alone.
    }
    return svg.length < 600 && !SVG_SHAPES.test(svg);
  }
  return PLACEHOLDER_FILE.test(value);
}

/** The candidates of a `srcset`; commas inside URLs (image CDNs' `w_400,h_300`) are kept. */
function srcsetCandidates(srcset: string): Array<{ url: string; size: number }> {
  return srcset
    .split(/,\s+|,(?=\S+\s)/)
    .map((candidate) => {
      const [url = '', descriptor = '1x'] = candidate.trim().split(/\s+/);
      const size = Number.parseFloat(descriptor) || 1;
      return { url, size };
    })
    .filter((candidate) => candidate.url);
}

/** The largest candidate of a `srcset`: what a reader wants in `src`, where Markdown takes it from. */
function largestCandidate(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  const candidates = srcsetCandidates(srcset);
  return candidates.reduce<{ url: string; size: number } | null>((best, candidate) => (!best || candidate.size > best.size ? candidate : best), null)?.url ?? null;
}

/**
 * Copies lazy-loading attributes into `src`/`srcset` where the real source sits in a data
 * attribute; a `<picture>` placeholder takes its sources' image; `<noscript>` fallbacks replace
 * the placeholder beside them; an image left with nothing but a placeholder goes.
 */
export function restoreLazyImages(doc: Document): void {
  unwrapNoscriptImages(doc);
  for (const image of Array.from(doc.querySelectorAll('img, source'))) {
    const isImage = image.localName === 'img';
    const lazyClass = /\blazy|lozad/i.test(image.getAttribute('class') ?? '');
    if (isImage && (isPlaceholder(image.getAttribute('src')) || lazyClass)) {
      const lazySrc = LAZY_SRC_ATTRIBUTES.map((name) => image.getAttribute(name)).find((value) => value && !isPlaceholder(value));
      if (lazySrc) image.setAttribute('src', lazySrc.trim());
    }
    if (!image.getAttribute('srcset') || (isImage && lazyClass)) {
      const lazySrcset = LAZY_SRCSET_ATTRIBUTES.map((name) => image.getAttribute(name)).find((value) => value && value.trim());
      if (lazySrcset) image.setAttribute('srcset', lazySrcset.trim());
    }
  }
  for (const image of Array.from(doc.querySelectorAll('img'))) {
    if (!isOnlyPlaceholder(image.getAttribute('src'))) continue;
    const real = largestCandidate(image.getAttribute('srcset')) ?? pictureSource(image) ?? imageUrlAttribute(image);
    if (real) image.setAttribute('src', real);
    // An image with nothing to show would be a blank box, or a grey GIF, in the reader.
    else image.remove();
  }
}

/** The image a `<picture>`'s sources offer, for its placeholder `<img>`. */
function pictureSource(image: Element): string | null {
  const picture = image.parentElement;
  if (picture?.localName !== 'picture') return null;
  for (const source of Array.from(picture.querySelectorAll('source'))) {
    const url = largestCandidate(source.getAttribute('srcset'));
    if (url) return url;
  }
  return null;
}

/** Any other attribute holding a single image URL (`data-lazyload`, `data-img`, ...). */
function imageUrlAttribute(image: Element): string | null {
  for (const attribute of Array.from(image.attributes)) {
    if (!['src', 'srcset', 'alt', 'title'].includes(attribute.name) && IMAGE_URL.test(attribute.value) && !isOnlyPlaceholder(attribute.value)) return attribute.value.trim();
  }
  return null;
}

/**
 * A `<noscript>` image replaces the placeholder image right before it (a page's own script
 * would have loaded it), or the noscript itself when no image is there; never a loaded image. Parsed with scripting off (jsdom) the fallback is elements already; in a
 * browser's clone it is text, read here with an inert DOMParser and copied attribute by attribute.
 */
function unwrapNoscriptImages(doc: Document): void {
  for (const noscript of Array.from(doc.querySelectorAll('body noscript'))) {
    const previous = noscript.previousElementSibling;
    const previousImage = previous && soleImage(previous);
    if (previousImage && !isOnlyPlaceholder(previousImage.getAttribute('src'))) continue;
    if (previousImage && LAZY_SRC_ATTRIBUTES.some((name) => !isPlaceholder(previousImage.getAttribute(name)))) continue;
    const fallback = noscriptImage(noscript, doc);
    if (!fallback || isTiny(fallback)) continue;
    // Without an image beside it (the browser's layout stage drops an unloaded 1×1 placeholder),
    // the fallback takes the noscript's own place.
    if (previousImage) {
      previousImage.replaceWith(fallback);
      noscript.remove();
    } else {
      noscript.replaceWith(fallback);
    }
  }
}

/** A fallback sized as a tracking pixel. */
function isTiny(image: Element): boolean {
  return ['width', 'height'].some((name) => {
    const value = image.getAttribute(name);
    return value !== null && Number.parseFloat(value) <= 2;
  });
}

/** `element` if it is an image, or its only image when it holds nothing else (a link around it). */
function soleImage(element: Element): Element | null {
  if (element.localName === 'img') return element;
  const images = element.querySelectorAll('img');
  return images.length === 1 && !element.textContent?.trim() ? images[0]! : null;
}

function noscriptImage(noscript: Element, doc: Document): Element | null {
  if (noscript.firstElementChild) {
    const image = soleImage(noscript);
    return image && !isOnlyPlaceholder(image.getAttribute('src')) ? image : null;
  }
  const markup = noscript.textContent ?? '';
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (!/<img\b/i.test(markup) || !Parser) return null;
  const parsed = new Parser().parseFromString(markup, 'text/html').body;
  const image = parsed && soleImage(parsed);
  if (!image || isOnlyPlaceholder(image.getAttribute('src'))) return null;
  const copy = doc.createElement('img');
  for (const attribute of Array.from(image.attributes)) copy.setAttribute(attribute.name, attribute.value);
  return copy;
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
