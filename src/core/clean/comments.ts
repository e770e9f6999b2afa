/**
 * Comment threads, recognised by their structure rather than by their share of the page: a
 * thread under a short article often holds most of the page's text, and Readability then takes
 * it for the story. A thread is a container named for comments (WordPress, Disqus, Coral,
 * Facebook and most CMSs name it so) holding several items signed with an author or a date, or
 * a run of schema.org `Comment` items wherever they sit.
 */
import type { CleaningRule } from './rules.js';
import { classAndIdNames } from '../vocabulary.js';

/** Class or id tokens of comment containers. */
const THREAD_NAME = /^(?:comments?|comment-?(?:list|area|section|thread|s|wrapper|container|stream)|comments-?(?:area|section|list|wrapper|container|block|stream|thread)|commentlist|disqus_thread|coral_thread|coral-comments|fb-comments|talk-stream|kommentare|commentaires|comentarios|commenti|reacties)$/i;
/** What signs one comment: its author, its date or a reply link. */
const SIGNATURE = '.comment-author, .comment-meta, .comment-metadata, .fn, .vcard, [itemprop~="author"], .author, .username, .user-name, .post-byline, time, .comment-date, .comment-reply-link, .reply';
const SCHEMA_COMMENT = '[itemtype*="schema.org/Comment" i]';
/** Fewer signed items than this may be an article's own author box. */
const MIN_SIGNED_ITEMS = 2;

/** Signed items inside `container`: each element that carries a signature counts once, by the item it signs. */
function signedItems(container: Element): number {
  const items = new Set<Element>();
  for (const signature of Array.from(container.querySelectorAll(SIGNATURE))) {
    const item = signature.closest(`li, article, ${SCHEMA_COMMENT}, [class*="comment" i], [class*="post" i]`);
    if (item && item !== container && container.contains(item)) items.add(item);
  }
  return items.size;
}

/** The page's headline is no part of a thread: a wrapper that holds it is the article's. */
function holdsHeadline(element: Element): boolean {
  return element.querySelector('h1') !== null;
}

function isThread(element: Element): boolean {
  return classAndIdNames(element).some((token) => THREAD_NAME.test(token)) && !holdsHeadline(element) && signedItems(element) >= MIN_SIGNED_ITEMS;
}

/** A schema.org Comment that is not inside another one (the outermost of a nested reply chain). */
function isTopComment(element: Element): boolean {
  return !element.parentElement?.closest(SCHEMA_COMMENT) && !holdsHeadline(element);
}

export const COMMENT_RULES: readonly CleaningRule[] = [
  // Structure proves a thread, so no share-of-page guard: a thread may hold most of the page.
  { family: 'comments', name: 'comment-thread', candidates: 'div, section, ol, ul, aside, article, footer', matches: isThread, maxShareOfPageText: 1 },
  { family: 'comments', name: 'schema-comment', candidates: SCHEMA_COMMENT, matches: isTopComment, maxShareOfPageText: 1 },
];
