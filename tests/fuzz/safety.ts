// What counts as executable in the reader's output, checked on a parsed tree, not by regex alone.
import { JSDOM } from 'jsdom';

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

/** Markdown without its code: fenced blocks and code spans are shown as text, never run. */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[`~]*[ \t]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

/** Executable things in Markdown: raw tags that would run, and script or non-raster data link targets. */
export function unsafeInMarkdown(fullMarkdown: string): string[] {
  const found: string[] = [];
  const markdown = outsideCode(fullMarkdown);
  // A `<` after an odd number of backslashes is escaped: Markdown shows it as text.
  for (const match of markdown.matchAll(/(?<=(?:^|[^\\])(?:\\\\)*)<\s*(script|iframe|frame|object|embed|form|base|meta|svg|math)\b/gi)) found.push(`markdown <${match[1]}>`);
  for (const match of markdown.matchAll(/\bon[a-z]+\s*=\s*["']?[^\s>]*/gi)) {
    // Only inside a raw tag: `on...=` in text is escaped prose.
    const before = markdown.slice(Math.max(0, match.index - 200), match.index);
    if (/<[a-z][^<>]*$/i.test(before)) found.push(`markdown handler ${match[0].slice(0, 30)}`);
  }
  for (const match of markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
    const url = unsafeUrl(match[1] ?? '');
    if (url) found.push(`markdown link ${url}`);
  }
  return found;
}
