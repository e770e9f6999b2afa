// What counts as executable in the reader's output, checked on a parsed tree: the HTML as it is,
// the Markdown as a renderer turns it into HTML.
import { JSDOM } from 'jsdom';
import { markdownRenderer } from '../support/markdown-renderer.ts';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'link', 'portal']);
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/;

/** The URL as a browser reads its scheme: control characters and whitespace inside it are dropped. */
function schemeView(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'xlink:href', 'data', 'cite', 'background', 'lowsrc', 'dynsrc', 'ping', 'longdesc', 'manifest', 'codebase', 'icon']);

function unsafeUrl(value: string): string | null {
  // srcset's candidates are separated by commas; other URLs are one candidate.
  for (const candidate of value.split(/,\s+/)) {
    const url = schemeView(candidate);
    if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return url.slice(0, 40);
    if (url.startsWith('data:') && !RASTER_DATA.test(url)) return url.slice(0, 40);
  }
  return null;
}

/** Every executable thing in `html`, described; empty when safe. */
export function unsafeInHtml(html: string): string[] {
  const found: string[] = [];
  const dom = new JSDOM(`<!doctype html><body>${html}`);
  try {
    const walker = dom.window.document.createTreeWalker(dom.window.document.body, 1);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      const name = node.localName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(name)) found.push(`<${name}>`);
      for (const attribute of Array.from(node.attributes)) {
        const attributeName = attribute.name.toLowerCase();
        if (attributeName.startsWith('on')) found.push(`${name}[${attributeName}]`);
        if (attributeName === 'srcdoc' || attributeName === 'style') found.push(`${name}[${attributeName}]`);
        const url = URL_ATTRIBUTES.has(attributeName) ? unsafeUrl(attribute.value) : null;
        if (url) found.push(`${name}[${attributeName}=${url}]`);
      }
    }
  } finally {
    dom.window.close();
  }
  return found;
}

const renderer = markdownRenderer({ everyLink: true });

/** Every executable thing in `markdown` once rendered to HTML, described; empty when safe. */
export function unsafeInMarkdown(markdown: string): string[] {
  return unsafeInHtml(renderer.render(markdown)).map((found) => `markdown ${found}`);
}
