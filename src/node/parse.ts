import { JSDOM, VirtualConsole } from 'jsdom';

const quietConsole = new VirtualConsole();

export interface ParsedPage {
  document: Document;
  window: Window;
  close(): void;
}

/**
 * Parses a page with jsdom: no scripts run, no subresources load, so parsing a
 * hostile page here is as inert as reading it.
 */
export function parsePage(html: string, url: string | undefined): ParsedPage {
  const create = (markup: string): JSDOM => new JSDOM(markup, { url: url ?? 'about:blank', contentType: 'text/html', virtualConsole: quietConsole });
  let dom: JSDOM;
  try {
    dom = create(html);
  } catch {
    // jsdom's CSS parser throws on some real stylesheets (e.g. `calc(($a - $b) / 2)`)
    // while building the page; the article does not need the page's stylesheets.
    dom = create(html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''));
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
