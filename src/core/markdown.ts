import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { NOTE_PREFIX, NOTE_REF_PREFIX, noteNumber } from './footnotes.js';
import { isDisplayMath, texOfMath } from './math-tex.js';
import { normalizeText } from './text.js';
import type { Article, MarkdownOptions } from './types.js';

/**
 * Turndown escapes most Markdown syntax in text; these close the gaps it leaves,
 * so that text in the article never turns into formatting, raw HTML or a table.
 */
const EXTRA_ESCAPES: ReadonlyArray<[RegExp, string]> = [
  [/\|/g, '\\|'],
  [/</g, '\\<'],
  [/~/g, '\\~'],
  // A dollar sign in prose would open a formula in Markdown that reads `$…$` as math.
  [/\$/g, '\\$'],
  [/&(?=#?[a-z0-9]+;)/gi, '\\&'],
  [/^(\d+)\) /g, '$1\\) '],
  [/^#(?=$|\s)/g, '\\#'],
];

function createConverter(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  const escapeText = service.escape.bind(service);
  service.escape = (text: string) => EXTRA_ESCAPES.reduce((escaped, [pattern, replacement]) => escaped.replace(pattern, replacement), escapeText(text));
  service.use(gfm);

  // Every <pre> is a fenced block, with or without <code>, carrying the language
  // kept by prepare.ts; the fence is longer than any backtick run inside.
  service.addRule('fencedPre', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const code = (element.textContent ?? '').replace(/\n$/, '');
      const language = element.getAttribute('data-lang') ?? '';
      const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longestRun + 1);
      return `\n\n${fence}${language}\n${code}\n${fence}\n\n`;
    },
  });
  // Formulas as TeX between dollars (math.ts has put every kind of formula in this one form).
  service.addRule('math', {
    filter: (node) => node.localName === 'math',
    replacement: (_content, node) => {
      const math = node as Element;
      const tex = texOfMath(math);
      if (!tex) return '';
      return isDisplayMath(math) ? `\n\n$$${tex}$$\n\n` : `$${tex}$`;
    },
  });
  // A footnote reference marked by footnotes.ts whose note is in the tree.
  service.addRule('noteRef', {
    filter: (node) => node.nodeName === 'A' && noteNumber(node as Element, NOTE_REF_PREFIX) !== null,
    replacement: (_content, node) => `[^${noteNumber(node as Element, NOTE_REF_PREFIX)}]`,
  });
  // Ruby annotations would run into the text they annotate; the text alone reads right.
  service.addRule('rubyAnnotation', { filter: ['rt', 'rp'], replacement: () => '' });
  // A caption is its own paragraph under the image, in italics.
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ''),
  });
  // Media and embedded content that Markdown cannot hold become links to it.
  service.addRule('media', {
    filter: ['video', 'audio'],
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const src = element.getAttribute('src') ?? element.querySelector('source')?.getAttribute('src');
      return src ? `\n\n[${element.nodeName === 'VIDEO' ? 'Video' : 'Audio'}](${src})\n\n` : '';
    },
  });
  return service;
}

let converter: TurndownService | undefined;

/**
 * Prepares tables for the GFM plugin, which indexes a row's `childNodes` as cells:
 * whitespace and comments between cells go. A GFM table needs a header row; with
 * none, the plugin invents an empty one, so the first row is promoted instead.
 */
function normalizeTables(root: HTMLElement): void {
  for (const row of Array.from(root.querySelectorAll('tr'))) {
    for (const child of Array.from(row.childNodes)) {
      if (child.nodeType !== 1) child.remove();
    }
  }
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (table.querySelector('thead, table table') || !table.rows.length) continue;
    const firstRow = table.rows[0]!;
    if (Array.from(firstRow.cells).every((cell) => cell.localName === 'th')) continue;
    for (const cell of Array.from(firstRow.cells)) {
      const header = table.ownerDocument.createElement('th');
      for (const attribute of ['colspan', 'rowspan']) {
        const value = cell.getAttribute(attribute);
        if (value) header.setAttribute(attribute, value);
      }
      header.append(...Array.from(cell.childNodes));
      cell.replaceWith(header);
    }
  }
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Turndown leaves the indentation of inline content that wraps a block (an <a>
 * around a <div>, as news sites do for figures) at the start of a paragraph, where
 * Markdown reads four spaces as a code block. Outside lists and fences, a
 * paragraph's first line is never indented on purpose.
 */
function unindentParagraphs(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let inList = false;
  let previousBlank = true;
  return lines
    .map((line) => {
      const fenceMatch = FENCE.exec(line);
      if (fence) {
        if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
        previousBlank = false;
        return line;
      }
      if (fenceMatch && !inList) fence = fenceMatch[1]!;
      if (!line.trim()) {
        previousBlank = true;
        return line;
      }
      if (LIST_ITEM.test(line) && !/^\s{4,}/.test(line)) inList = true;
      else if (previousBlank && !/^\s/.test(line)) inList = false;
      const result = previousBlank && !inList && !fenceMatch ? line.trimStart() : line;
      previousBlank = false;
      return result;
    })
    .join('\n');
}

/**
 * Takes the notes marked by footnotes.ts out of the tree (a notes list left empty goes too),
 * by number; a reference whose note is missing loses its link, which leads nowhere.
 */
function takeFootnotes(root: HTMLElement): Map<number, HTMLElement> {
  const notes = new Map<number, HTMLElement>();
  for (const marker of Array.from(root.querySelectorAll('a[href]'))) {
    const number = noteNumber(marker, NOTE_PREFIX);
    const note = marker.parentElement;
    if (number === null || !note) continue;
    marker.remove();
    if (notes.has(number)) continue;
    notes.set(number, note);
  }
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const number = noteNumber(link, NOTE_REF_PREFIX);
    if (number !== null && !notes.has(number)) link.replaceWith(...Array.from(link.childNodes));
  }
  for (const note of notes.values()) {
    const list = note.parentElement;
    note.remove();
    if (list && /^[ou]l$/.test(list.localName) && !list.querySelector('li')) list.remove();
  }
  return notes;
}

/** `[^N]: …` for each note, its later paragraphs indented under it. */
function footnoteDefinitions(service: TurndownService, notes: Map<number, HTMLElement>): string {
  return [...notes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, note]) => {
      const holder = note.ownerDocument.createElement('div');
      holder.append(...Array.from(note.childNodes));
      const text = normalizeText(service.turndown(holder)).trim().replace(/\n{2,}/g, '\n\n').replace(/\n(?=.)/g, '\n    ');
      return `[^${number}]: ${text}`;
    })
    .join('\n\n');
}

/** Markdown of sanitized article HTML (an element, so no HTML parser is needed here). */
export function htmlToMarkdown(root: HTMLElement): string {
  converter ??= createConverter();
  const copy = root.cloneNode(true) as HTMLElement;
  normalizeTables(copy);
  const notes = takeFootnotes(copy);
  const body = unindentParagraphs(
    normalizeText(converter.turndown(copy))
      .replace(/<div class="joplin-table-wrapper">([\s\S]*?)<\/div>/g, '$1')
      .replace(/\n{3,}/g, '\n\n'),
  ).trim();
  return notes.size ? `${body}\n\n${footnoteDefinitions(converter, notes)}` : body;
}

type ArticleFields = Pick<Article, 'title' | 'url' | 'byline' | 'siteName' | 'publishedTime' | 'lang'>;

/** YAML front matter; values are JSON strings, which every YAML parser reads as plain strings. */
export function frontMatter(article: ArticleFields, options: MarkdownOptions = {}): string {
  const saved = (options.savedAt ?? new Date()).toISOString();
  const fields: Array<[string, string | null]> = [
    ['title', article.title],
    ['source', article.url],
    ['author', article.byline],
    ['site', article.siteName],
    ['published', article.publishedTime],
    ['lang', article.lang],
    ['saved', saved],
  ];
  const lines = fields.filter((entry): entry is [string, string] => !!entry[1]).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n`;
}

/** A date as the page gave it, shortened to its day when it is an ISO timestamp. */
function dayOf(published: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(published) ? published.slice(0, 10) : published;
}

/** Text for a Markdown line: no formatting, links or HTML from the page's metadata. */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}

/** `# Title`, then one line with the source link, the byline and the date. */
export function headingLines(article: ArticleFields): string {
  const lines: string[] = [];
  if (article.title) lines.push(`# ${plain(article.title)}`);
  const source: string[] = [];
  if (article.url) {
    const label = article.siteName ?? new URL(article.url).hostname;
    source.push(`[${plain(label)}](<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  } else if (article.siteName) {
    source.push(plain(article.siteName));
  }
  if (article.byline) source.push(plain(article.byline));
  if (article.publishedTime) source.push(plain(dayOf(article.publishedTime)));
  if (source.length) lines.push(source.join(' · '));
  return lines.length ? `${lines.join('\n\n')}\n\n` : '';
}

/**
 * The article as Markdown, from its sanitized tree, under the chosen template. The body's own
 * first heading is dropped when the template writes the same title above it.
 */
export function articleMarkdown(article: ArticleFields, body: HTMLElement, options: MarkdownOptions = {}): string {
  const template = options.template ?? 'heading';
  let markdown = htmlToMarkdown(body);
  if (template === 'none') return `${markdown}\n`;
  if (template === 'front-matter') return `${frontMatter(article, options)}${markdown}\n`;
  const [firstLine = '', ...rest] = markdown.split('\n');
  const firstHeading = /^#{1,2} /.test(firstLine) ? firstLine.replace(/^#+ /, '').replace(/\\(.)/g, '$1').trim() : null;
  if (article.title && firstHeading === article.title.trim()) markdown = rest.join('\n').trimStart();
  return `${headingLines(article)}${markdown}\n`;
}
