import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { normalizeMath } from './math.js';
import { markCodeLanguages, restoreLazyImages } from './prepare.js';

export interface Extraction {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** Readability's article element, still unsanitized. */
  content: HTMLElement;
}

/** Readability's "is this an article" signal, on the cleaned clone. */
export function looksLikeArticle(doc: Document): boolean {
  return isProbablyReaderable(doc);
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/[ \t\n\r\f]+/g, " ").trim();
  return trimmed ? trimmed : null;
}

/** Readability's tuning knobs that a retry may change. */
export interface ExtractSettings {
  charThreshold?: number;
  nbTopCandidates?: number;
}

/** Runs Readability on `doc` (a clone: Readability rewrites the document it is given). */
export function extract(doc: Document, settings: ExtractSettings = {}): Extraction | null {
  restoreLazyImages(doc);
  markCodeLanguages(doc);
  normalizeMath(doc);
  const documentLang = nonEmpty(doc.documentElement.getAttribute('lang'));
  const documentDir = nonEmpty(doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir'));
  const result = new Readability<HTMLElement>(doc, { ...settings, serializer: (node) => node as HTMLElement }).parse();
  if (!result?.content) return null;
  const dir = nonEmpty(result.dir)?.toLowerCase() ?? documentDir?.toLowerCase() ?? null;
  return {
    title: nonEmpty(result.title) ?? nonEmpty(doc.title) ?? '',
    byline: nonEmpty(result.byline),
    siteName: nonEmpty(result.siteName),
    lang: nonEmpty(result.lang) ?? documentLang,
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
    publishedTime: nonEmpty(result.publishedTime),
    excerpt: nonEmpty(result.excerpt),
    content: result.content,
  };
}
