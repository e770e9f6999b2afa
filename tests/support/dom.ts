import { parsePage, type ParsedPage } from '../../src/node/parse.ts';

/** A jsdom page for a unit test; closes itself when the test's `t.after` runs it. */
export function page(html: string, url = 'https://news.example/2024/05/story.html'): ParsedPage {
  return parsePage(html, url);
}

/** An article-shaped page around `body`, long enough for Readability to accept. */
export function articlePage(body: string, head = '<title>Test story</title>'): string {
  const filler = Array.from({ length: 6 }, (_, index) => `<p>Paragraph ${index + 1} of the story carries enough ordinary words, commas, and sentences, so that the reader treats this page as an article worth reading today.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head>${head}</head><body><article><h1>Test story</h1>${filler}\n${body}\n${filler}</article></body></html>`;
}
