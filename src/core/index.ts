export { readArticle, type ReadInput } from './read-article.js';
export { cleanDocument, type CleanResult } from './clean/clean.js';
export { CLEANING_RULES, type CleaningRule, type RuleFamily } from './clean/rules.js';
export { sanitizeArticleHtml, sanitizeToFragment } from './sanitize.js';
export { htmlToMarkdown, frontMatter } from './markdown.js';
export { blockText, countWords, readingMinutes, wordTotal } from './text.js';
export type * from './types.js';
export { BROWSER_BOUNDS, NODE_BOUNDS, exceededBound, tooComplex, type PageBounds } from './page-bounds.js';
