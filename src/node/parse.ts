import { JSDOM, VirtualConsole } from 'jsdom';
import { buildInto, cappedTree } from './nesting.js';

const quietConsole = new VirtualConsole();

export interface ParsedPage {
  document: Document;
  window: Window;
  close(): void;
}

/**
 * Parses a page with jsdom: no scripts run, no subresources load, so parsing a
 * hostile page here is as inert as reading it. Nesting is capped as Chromium's
 * parser caps it, so a page gives the same tree here as in the browser.
 */
export function parsePage(html: string, url: string | undefined): ParsedPage {
  const tree = cappedTree(html);
  const create = (markup: string): JSDOM => new JSDOM(markup, { url: url ?? 'about:blank', contentType: 'text/html', virtualConsole: quietConsole });
  const build = (dropStyles: boolean): JSDOM => {
    // A doctype in the markup keeps the document out of quirks mode, as the parser would.
    const dom = create(tree!.mode === 'quirks' ? '' : '<!doctype html>');
    buildInto(dom.window.document, tree!, { dropStyles });
    return dom;
  };
  let dom: JSDOM;
  try {
    dom = tree ? build(false) : create(html);
  } catch {
    // jsdom's CSS parser throws on some real stylesheets (e.g. `calc(($a - $b) / 2)`)
    // while building the page; the article does not need the page's stylesheets.
    dom = tree ? build(true) : create(html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''));
  }
  const window = dom.window as unknown as Window;
  return { document: window.document, window, close: () => dom.window.close() };
}

/** The page's own idea of its URL, for a page read from a file with no `--url`. */
export function canonicalUrl(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (candidate && /^https?:\/\//i.test(candidate.trim())) return candidate.trim();
  }
  return undefined;
}
