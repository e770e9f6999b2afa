import { collapsedTextUpTo } from '../text.js';
import { classAndIdNames, HIDDEN_INLINE_STYLE } from '../vocabulary.js';
import { AD_HOSTS, TRACKER_HOSTS, urlMatchesHosts } from './hosts.js';
import { COMMENT_RULES } from './comments.js';
import { CONSENT_RULES } from './consent.js';
import { NEXT_STORY_RULES } from './next-story.js';

/**
 * The cleaning rules, as data. Each rule names the elements it removes from the
 * page's clone before Readability runs. `candidates` is a CSS selector that finds
 * the elements to look at; `matches`, when present, narrows them down with what a
 * selector cannot express (sizes, URLs, text).
 *
 * Review rule: a rule must never fire on ordinary article markup. Every family has
 * a unit test with an element it must remove and one it must keep.
 */
export interface CleaningRule {
  family: RuleFamily;
  name: string;
  candidates: string;
  matches?: (element: Element, context: RuleContext) => boolean;
  /** An element holding more of the page's text than this share is kept (a misfire on a wrapper). */
  maxShareOfPageText?: number;
}

export type RuleFamily =
  | 'ad-slot'
  | 'ad-widget'
  | 'ad-label'
  | 'ad-iframe'
  | 'tracking-pixel'
  | 'tracker-host'
  | 'noscript-beacon'
  | 'hidden'
  | 'boilerplate'
  | 'comments'
  | 'consent'
  | 'next-story';

export interface RuleContext {
  /** Base URL for resolving relative `src` attributes. */
  baseUrl: string | undefined;
}

/** Words that label an ad in the page's own text, in the languages of the corpora. */
const AD_LABELS = new Set([
  'advertisement',
  'advertisements',
  'advertising',
  'sponsored',
  'sponsored content',
  'paid content',
  'promoted',
  'anzeige',
  'werbung',
  'publicité',
  'publicite',
  'pub',
  'publicidad',
  'pubblicità',
  'reklama',
  'advertentie',
  'реклама',
  '广告',
  '廣告',
  '広告',
  '광고',
]);

/** Class or id tokens that ad frameworks and CMS ad plugins use for their slots. */
const AD_TOKEN = /^(?:ad|ads|adv|advert|adverts|advertisement|advertising|adsense|adslot|adunit|adbox|adbanner|ad[-_]?(?:slot|unit|container|wrapper|box|banner|zone|block|space|placeholder|holder|frame|leaderboard|rectangle|skyscraper|billboard|mpu|sticky|inline|top|bottom|side|sidebar|article|content)|dfp[-_]?ad|gpt[-_]?ad|google[-_]?ads?|sponsored[-_]?(?:content|post|links?)?|native[-_]?ad)$/i;

/** A pixel size from an attribute or inline style value: `1`, `0px`, `1.0`. */
function pixelSize(value: string | null | undefined): number | null {
  if (value == null) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

function inlineStyleSize(element: Element, property: 'width' | 'height'): number | null {
  const style = element.getAttribute('style');
  if (!style) return null;
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;!]+)`, 'i').exec(style);
  return match ? pixelSize(match[1]) : null;
}

function isPixelSized(element: Element): boolean {
  const sizes = [
    pixelSize(element.getAttribute('width')),
    pixelSize(element.getAttribute('height')),
    inlineStyleSize(element, 'width'),
    inlineStyleSize(element, 'height'),
  ].filter((size): size is number => size !== null);
  return sizes.length > 0 && sizes.some((size) => size <= 1);
}

function mediaUrls(element: Element): string[] {
  return ['src', 'data-src', 'href'].map((name) => element.getAttribute(name)).filter((url): url is string => !!url);
}

/** Longer than any ad label. */
const AD_LABEL_MAX_CHARS = 64;

function isAdLabel(element: Element): boolean {
  if (element.childElementCount > 2) return false;
  const text = collapsedTextUpTo(element, AD_LABEL_MAX_CHARS);
  return text !== null && AD_LABELS.has(text.toLowerCase().replace(/[\s:·–—-]+$/u, ''));
}

const NOSCRIPT_MEDIA = /<(img|iframe)\b[^>]*>/gi;
const NOSCRIPT_SRC = /\bsrc\s*=\s*["']?([^"'\s>]+)/i;
const NOSCRIPT_PIXEL = /\b(?:width|height)\s*=\s*["']?\s*[01](?:px)?\s*["'\s/>]/i;

/**
 * A `<noscript>` that holds only a tracking image or frame. Its content is read as
 * markup, since a browser with scripting on keeps it as text.
 */
function isNoscriptBeacon(element: Element, context: RuleContext): boolean {
  const markup = element.innerHTML;
  const textWithoutTags = markup.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '');
  if (textWithoutTags.length > 0) return false;
  const media = markup.match(NOSCRIPT_MEDIA);
  if (!media) return false;
  return media.every((tag) => {
    if (/^<iframe/i.test(tag)) return true;
    const src = NOSCRIPT_SRC.exec(tag)?.[1] ?? '';
    return NOSCRIPT_PIXEL.test(tag) || urlMatchesHosts(src, TRACKER_HOSTS, context.baseUrl) || urlMatchesHosts(src, AD_HOSTS, context.baseUrl);
  });
}

/**
 * Class tokens that describe the article itself, not a part of the page: negations
 * (`no-share`, `has-paywall`) and WordPress post classes (`tag-foo`, `category-bar`).
 */
const DESCRIPTIVE_TOKEN = /^(?:(?:no|not|without|has|with|is|category|topics?|custom_tags|format|status|type|sdg)[-_]|post-\d|tag-(?!list|cloud|links))/i;

/**
 * The words of an element's class and id: `c-articleShare__bar` → c, article, share, bar.
 * Site chrome repeats a few names thousands of times (menu items, teasers, comments), so the
 * words are kept by name; the cache is emptied when full, as the Node library reads page after page.
 */
const wordsByName = new Map<string, string[]>();
const NAMES_KEPT = 10_000;
function nameWords(element: Element): string[] {
  const classes = element.getAttribute('class') ?? '';
  const id = element.getAttribute('id') ?? '';
  // The class's length first: no two pairs of values make the same key.
  const key = `${classes.length}:${classes}${id}`;
  let words = wordsByName.get(key);
  if (!words) {
    const kept = classes.split(/\s+/).filter((token) => !DESCRIPTIVE_TOKEN.test(token));
    words = `${kept.join(' ')} ${id}`
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (wordsByName.size >= NAMES_KEPT) wordsByName.clear();
    wordsByName.set(key, words);
  }
  return words;
}

/** True when the element's class/id words include one of `words`, or one of the `pairs` in a row. */
function namedAs(words: ReadonlySet<string>, pairs: ReadonlyArray<readonly [string, string]> = []) {
  return (element: Element): boolean => {
    if (!element.hasAttribute('class') && !element.hasAttribute('id')) return false;
    const names = nameWords(element);
    return names.some((name, index) => words.has(name) || pairs.some(([first, second]) => name === first && names[index + 1] === second));
  };
}

/** The article itself, and its byline (Readability reads the byline from the page). */
const ARTICLE_PARTS = 'article, main, [itemprop="articleBody"], [role="main"], .hentry, [rel~="author"], [itemprop~="author"], .byline, .author';
/** The article's containers without its byline: an author box links its author too. */
const ARTICLE_CONTAINERS = 'article, main, [itemprop="articleBody"], [role="main"], .hentry';

/** Never strip a wrapper of the article itself, whatever its class says. */
function holdsArticle(element: Element, parts = ARTICLE_PARTS): boolean {
  return element.matches(parts) || !!element.querySelector(parts);
}

/** Longer than a byline ("Tech Industry by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil"). */
const BYLINE_MAX_CHARS = 120;

/**
 * An author box is a bio: the article's containers protect it, and so does the byline's own
 * markup (`rel=author`, `.byline`), but only in a block as short as a byline: every bio box
 * links its author too.
 */
function holdsArticleOrByline(element: Element): boolean {
  if (holdsArticle(element, ARTICLE_CONTAINERS)) return true;
  return holdsArticle(element) && collapsedTextUpTo(element, BYLINE_MAX_CHARS) !== null;
}

/** More paragraph text than any share bar, pager or tag list holds. */
const WRAPPER_PROSE_CHARS = 800;

/** True when the element's paragraphs hold at least `WRAPPER_PROSE_CHARS` characters. */
function holdsProse(element: Element): boolean {
  let length = 0;
  for (const paragraph of Array.from(element.querySelectorAll('p'))) {
    length += paragraph.textContent?.length ?? 0;
    if (length >= WRAPPER_PROSE_CHARS) return true;
  }
  return false;
}

/**
 * `keepProse`: for names that sites also give to wrappers of the story itself
 * (`documentContent__sharingContainer` around a whole article), an element with
 * paragraphs of prose is not the boilerplate its name says.
 */
const boilerplate = (name: string, candidates: string, test: (element: Element) => boolean, options: { keepProse?: boolean; isArticle?: (element: Element) => boolean } = {}): CleaningRule => ({
  family: 'boilerplate',
  name,
  candidates,
  // The cheap name test first: holdsArticle searches the whole subtree.
  matches: (element) => test(element) && !(options.isArticle ?? holdsArticle)(element) && !(options.keepProse && holdsProse(element)),
  // Page chrome is small next to the article; a big match is the article's own wrapper.
  maxShareOfPageText: 0.25,
});

/**
 * What the ad-slot and ad-widget rules read: an element's class and id, and the data
 * attributes GPT, Adform and Outbrain mark their slots with (those carry neither at times).
 */
const NAMED = '[class], [id], [data-google-query-id], [data-adform], [data-widget-id]';
// Attribute values compare case-sensitively, as they did as CSS selectors.
const GPT_SLOT_ID = /^(?:div-gpt-ad|google_ads_iframe|gpt-ad)/;
const HEADER_BIDDING_ID = /^(?:apstag|prebid|crt-|sas_)/;
const HEADER_BIDDING_CLASS = /prebid|criteo/;
const NATIVE_AD_ID = /^(?:taboola|outbrain|rc-widget|mgid|plista|zergnet)/;
const NATIVE_AD_CLASS = /taboola|trc_related|OUTBRAIN|outbrain|rc-widget|mgid|plista|zergnet|(?:^|\s)ob-widget(?:\s|$)/;

/** Native-ad and content-recommendation widgets: Taboola, Outbrain, Revcontent, MGID, Plista, ZergNet. */
function isNativeAdWidget(element: Element): boolean {
  if (NATIVE_AD_ID.test(element.id) || NATIVE_AD_CLASS.test(element.getAttribute('class') ?? '')) return true;
  return element.hasAttribute('data-widget-id') && (element.getAttribute('data-src') ?? '').includes('outbrain');
}

/** The elements a site names as a region of its page (comments, share bar, tag list): rule data, not the block vocabulary. */
const NAMED_REGIONS = 'div, section, aside, ul, ol, nav, footer, header, p, span, form, dl, table, figure';

/**
 * What is never the story, however much of the page it holds. Recovery applies these to the
 * uncleaned copy too: a thread that dominates a page must not come back through it.
 */
export const NOT_THE_STORY_RULES: readonly CleaningRule[] = [...COMMENT_RULES, ...CONSENT_RULES, ...NEXT_STORY_RULES];

export const CLEANING_RULES: readonly CleaningRule[] = [
  // First, so that the whole <noscript> goes rather than only the image inside it.
  // `<noscript>` fallbacks that only load a tracking image or a tag-manager frame.
  { family: 'noscript-beacon', name: 'noscript-tracker', candidates: 'noscript', matches: isNoscriptBeacon },
  // The page's chrome next, before the ad and hidden rules: it holds most of a long page's elements,
  // which the rules after it then need not look at.
  // Site navigation: menus, menu bars, site search.
  boilerplate('navigation', 'nav, [role="navigation"], [role="menubar"], [role="search"]', () => true),
  // The page footer and the site banner: legal links, copyright, logo.
  boilerplate('page-footer', 'footer, [role="contentinfo"]', () => true),
  boilerplate('site-header', 'body > header, [role="banner"]', () => true),
  // What is not the story, whatever share of the page it holds: comment threads (by their
  // structure), consent dialogs (by their platform's markup), the next story appended on scroll.
  ...NOT_THE_STORY_RULES,
  // Dialogs: log-in, age checks, consent and sign-up pop-ups.
  boilerplate('dialog', 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]', () => true),
  // From here on, the rules all look at NAMED_REGIONS: the engine queries them once, in this order.
  // Comment threads and comment forms (WordPress's "Leave a reply" form is #respond).
  // Its commenters' names are often marked `.author`: the byline's markup protects only a block as short as a byline.
  boilerplate('comments', NAMED_REGIONS, namedAs(new Set(['comments', 'commentlist', 'disqus', 'respond', 'kommentare', 'commentaires']), [['comment', 'list'], ['comment', 'form'], ['comment', 'respond'], ['comments', 'area']]), { isArticle: holdsArticleOrByline }),
  // Breadcrumb trails, pagers, skip links.
  boilerplate('breadcrumb-pager', NAMED_REGIONS, namedAs(new Set(['breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'skiplink', 'skiplinks']), [['post', 'navigation'], ['nav', 'links'], ['skip', 'link'], ['skip', 'links']]), { keepProse: true }),
  // Share bars and social follow buttons.
  boilerplate('share-bar', NAMED_REGIONS, namedAs(new Set(['share', 'sharing', 'shares', 'sharebar', 'sharedaddy', 'shariff', 'addthis', 'addtoany', 'a2a', 'social', 'socials', 'sociallinks', 'follow'])), { keepProse: true }),
  // "Related", "More stories", "Recommended for you" teaser lists. Not "read more":
  // that is as often the expander holding the rest of the story.
  boilerplate('related-links', NAMED_REGIONS, namedAs(new Set(['related', 'recommended', 'recommendations', 'morestories', 'crosslinks', 'outbrain', 'popular', 'trending', 'mostread', 'weitere', 'empfehlungen']), [['more', 'stories'], ['more', 'articles'], ['most', 'read'], ['most', 'popular'], ['also', 'read'], ['you', 'may'], ['see', 'also']])),
  // Newsletter and subscription boxes.
  boilerplate('newsletter', NAMED_REGIONS, namedAs(new Set(['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin', 'mailchimp', 'mc4wp']), [['sign', 'up']])),
  // Pop-ups marked only by their class: modals, dialogs.
  boilerplate('modal', NAMED_REGIONS, namedAs(new Set(['modal', 'dialog', 'popup']))),
  // Cookie and consent banners.
  boilerplate('cookie-banner', NAMED_REGIONS, namedAs(new Set(['cookie', 'cookies', 'consent', 'gdpr', 'onetrust', 'didomi', 'usercentrics', 'cookiebot', 'truste', 'cookielaw']))),
  // Author boxes, tag lists and post metadata lines around the article.
  boilerplate('author-box', NAMED_REGIONS, namedAs(new Set(['authorbox', 'authorbio', 'saboxplugin']), [['author', 'box'], ['author', 'bio'], ['author', 'info'], ['about', 'author'], ['author', 'card'], ['author', 'description']]), { isArticle: holdsArticleOrByline }),
  boilerplate('tag-list', NAMED_REGIONS, namedAs(new Set(['tags', 'taglist', 'tagcloud', 'keywords', 'categories', 'schlagworte']), [['tag', 'list'], ['post', 'tags'], ['entry', 'tags'], ['tag', 'links']]), { keepProse: true }),
  // AdSense units and anything carrying AdSense slot attributes.
  { family: 'ad-slot', name: 'adsense', candidates: 'ins.adsbygoogle, [data-ad-client], [data-ad-slot], [data-ad-unit], [data-adunit], [data-ad-unit-path]' },
  // The rules up to native-ad-network read only an element's class and id, so they share
  // one query; a CSS list of substring selectors (`[class*="taboola"]`, …) costs a
  // selector match per element and alternative, 6 ms on the benchmark's long page.
  // Google Publisher Tag / DFP slots (GPT needs an id on each slot) and the frames GPT renders into them.
  { family: 'ad-slot', name: 'google-publisher-tag', candidates: NAMED, matches: (element) => GPT_SLOT_ID.test(element.id) || element.hasAttribute('data-google-query-id') },
  // Header-bidding and ad-server containers (Prebid, Amazon TAM, Criteo, Smart, Adform).
  { family: 'ad-slot', name: 'header-bidding', candidates: NAMED, matches: (element) => HEADER_BIDDING_ID.test(element.id) || HEADER_BIDDING_CLASS.test(element.getAttribute('class') ?? '') || element.hasAttribute('data-adform') },
  // Elements whose own class or id token names an ad slot (`ad-slot`, `advertisement`, `dfp-ad`).
  { family: 'ad-slot', name: 'ad-class-token', candidates: NAMED, matches: (element) => classAndIdNames(element).some((token) => AD_TOKEN.test(token)) },
  // Native-ad and content-recommendation widgets (Taboola, Outbrain, Revcontent, MGID, Plista, ZergNet).
  { family: 'ad-widget', name: 'native-ad-network', candidates: NAMED, matches: isNativeAdWidget },
  // Frames served by ad networks.
  { family: 'ad-iframe', name: 'ad-host-frame', candidates: 'iframe', matches: (element, context) => mediaUrls(element).some((url) => urlMatchesHosts(url, AD_HOSTS, context.baseUrl)) },
  // A short element that only says "Advertisement"/"Sponsored"/"Anzeige"/"广告": the label above an ad.
  { family: 'ad-label', name: 'ad-label-text', candidates: 'div, span, p, aside, section, small, header, figcaption, h2, h3, h4, h5, h6', matches: isAdLabel },
  // Images and frames declared 0 or 1 px in either dimension by attribute or inline style.
  { family: 'tracking-pixel', name: 'pixel-sized', candidates: 'img, iframe', matches: (element) => isPixelSized(element) },
  // Images and frames whose source is a known analytics or ad-tracking host.
  { family: 'tracker-host', name: 'tracker-host-media', candidates: 'img, iframe, source, embed, object', matches: (element, context) => mediaUrls(element).some((url) => urlMatchesHosts(url, TRACKER_HOSTS, context.baseUrl)) },
  // Elements hidden by the `hidden` attribute.
  { family: 'hidden', name: 'hidden-attribute', candidates: 'body [hidden]' },
  // Decoration hidden from assistive technology (`aria-hidden="true"`); Readability's own image fallback class is kept.
  { family: 'hidden', name: 'aria-hidden', candidates: 'body [aria-hidden="true"]', matches: (element) => !element.classList.contains('fallback-image') },
  // Inline `display:none` and `visibility:hidden`.
  { family: 'hidden', name: 'inline-style-hidden', candidates: 'body [style]', matches: (element) => HIDDEN_INLINE_STYLE.test(element.getAttribute('style') ?? '') },
];
