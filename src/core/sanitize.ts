import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/**
 * The strict profile for article HTML: the page is hostile input, and what this
 * returns is put into the reader. No script, no event handler, no form, no frame,
 * no style (the reader styles the article), no `id`/`name` (DOM clobbering), and
 * only http(s), mailto and tel links.
 */
const ARTICLE_PROFILE: Config = {
  // DOMPurify's default tags are HTML, SVG and MathML; inline SVG is dropped (icons, and a
  // script vector the reader does not need). USE_PROFILES would override ALLOWED_ATTR.
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea',
    'datalist', 'output', 'dialog', 'svg', 'canvas', 'portal', 'slot', 'marquee', 'foreignobject', 'use', 'animate', 'set',
  ],
  ALLOWED_ATTR: [
    'href', 'src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope',
    'headers', 'lang', 'dir', 'datetime', 'cite', 'start', 'reversed', 'type', 'controls', 'poster',
    'data-lang', 'open', 'abbr', 'span', 'value',
    // MathML presentation attributes; `alttext` carries a formula's TeX source (see math.ts)
    'display', 'mathvariant', 'stretchy', 'fence', 'separator', 'accent', 'accentunder', 'columnalign', 'rowalign', 'mathsize', 'displaystyle', 'scriptlevel', 'alttext',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify's default shape (values with no scheme pass: `2`, `rtl`, relative paths),
  // narrowed to the http(s), mailto and tel schemes.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

const purifiers = new WeakMap<object, DOMPurify>();

function purifierFor(window: Window): DOMPurify {
  let purifier = purifiers.get(window);
  if (purifier) return purifier;
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!purifier.isSupported) throw new Error('DOMPurify is not supported by this DOM implementation; refusing to pass unsanitized HTML on');
  purifier.addHook('uponSanitizeElement', (node) => {
    // Returning a DOM, DOMPurify drops a whole element (and its text) for an `is`
    // attribute (a customized built-in); sites put whole articles in `<section is=…>`.
    // In this inert copy the attribute means nothing, so it goes first.
    if (node.nodeType === 1 && (node as Element).hasAttribute('is')) (node as Element).removeAttribute('is');
  });
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    // DOMPurify lets any data: URI through on images; only raster images are content.
    if (/^\s*data:/i.test(data.attrValue) && !SAFE_DATA_IMAGE.test(data.attrValue)) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'VIDEO' || node.nodeName === 'AUDIO') {
      node.setAttribute('controls', '');
      node.setAttribute('preload', 'none');
    }
    if (node.nodeName === 'OL' || node.nodeName === 'UL' || node.nodeName === 'LI') {
      const type = node.getAttribute('type');
      if (type && !/^[1aAiI]$|^(?:disc|circle|square)$/.test(type)) node.removeAttribute('type');
    }
  });
  purifiers.set(window, purifier);
  return purifier;
}

/**
 * Sanitizes `html` with the window's DOMPurify and returns the result as a body
 * element detached from any document the page can reach, plus its HTML. The body
 * must not be changed afterwards: the HTML is serialized from it when first read.
 */
/** The article sanitized, as the body of an inert document. */
export function sanitizeArticleHtml(html: string, window: Window): HTMLElement {
  return purifierFor(window).sanitize(html, { ...ARTICLE_PROFILE, RETURN_DOM: true }) as HTMLElement;
}

/** The same profile, returning a fragment ready to append (for the reader overlay). */
export function sanitizeToFragment(html: string, window: Window): DocumentFragment {
  return purifierFor(window).sanitize(html, { ...ARTICLE_PROFILE, RETURN_DOM_FRAGMENT: true }) as DocumentFragment;
}
