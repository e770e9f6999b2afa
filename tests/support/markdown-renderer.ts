import MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';

/**
 * Markdown rendered as GitHub renders it: CommonMark plus GFM tables, strikethrough and
 * footnotes, raw HTML on. `everyLink` turns markdown-it's own filter of script and data links
 * off, so that a safety check sees what the Markdown asks for.
 */
export function markdownRenderer(options: { everyLink?: boolean } = {}): ReturnType<typeof MarkdownIt> {
  const renderer = new MarkdownIt({ html: true }).enable(['table', 'strikethrough']).use(footnotes);
  if (options.everyLink) renderer.validateLink = () => true;
  return renderer;
}
