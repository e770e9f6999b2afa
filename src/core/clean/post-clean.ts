import type { Removal } from '../types.js';
import { collapsedTextUpTo, collapseWhitespace as collapse } from '../text.js';
import { removalOf } from './clean.js';

/**
 * Cleaning of Readability's output: what its scoring lets through at the edges
 * of an article. Rules read text and link density, since Readability has already
 * stripped the classes that the pre-cleaning rules read.
 */
export interface PostCleaningRule {
  family: 'boilerplate';
  name: string;
  candidates: string;
  matches: (element: Element, context: PostCleanContext) => boolean;
}

export interface PostCleanContext {
  title: string;
  /** Text length of the whole article, to keep rules from eating it. */
  articleTextLength: number;
}

function linkTextLength(element: Element): number {
  return Array.from(element.querySelectorAll('a')).reduce((sum, link) => sum + collapse(link.textContent).length, 0);
}


/** "Read more", "Related", "Lesen Sie auch", "À lire aussi" and the like, in the corpus languages. */
const RELATED_WORDS =
  /(?:read (?:more|also|next)|related(?: (?:articles?|stories|posts|content|links|coverage|reading))?|more (?:on this|from|stories|articles|news)|see also|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|recommended(?: for you)?|most (?:read|popular)|trending|also read|further reading|(?:das (?:thema )?)?(?:könnte|koennte) (?:sie|dich) auch interessieren|lesen sie (?:auch|mehr|hier)|mehr (?:zum thema|dazu|lesen|aus)|weitere (?:artikel|beiträge|informationen|links|nachrichten|themen)|weiterführende[rn]? links?|zum weiterlesen|mehr themen|neueste (?:artikel|beiträge)|auch interessant|schon gelesen|passend (?:dazu|zum thema)|meist(?:gelesen|-diskutiert|diskutiert)|(?:à|a) lire (?:aussi|également)|lire (?:aussi|la suite)|sur le même sujet|voir aussi|dans la même rubrique|leer (?:también|más)|lea (?:también|más)|(?:te|le) puede interesar|noticias relacionadas|también te puede interesar|leggi anche|potrebbe interessarti|articoli correlati|czytaj (?:też|także|więcej)|zobacz (?:też|także)|читайте также|相关(?:文章|阅读|新闻)|延伸阅读|推荐阅读)/;
const RELATED_LABEL = new RegExp(`^${RELATED_WORDS.source}\\b.{0,30}$`, 'i');
/** "Lesen Sie auch: <a>another story</a>" as one paragraph. */
const RELATED_TEASER = new RegExp(`^${RELATED_WORDS.source}\\s*[:：»›>|-]`, 'i');

/** A block that only says where the article was filed, who owns it, or how to share it. */
const BOILERPLATE_LINE =
  /^(?:(?:tags?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|keywords|categories|kategorien?|filed under|posted in|share(?: this)?(?: article)?|teilen|artikel teilen|like this|diesen artikel teilen|partager|compartir|condividi)\s*:|this entry was posted|dieser (?:beitrag|artikel|eintrag) wurde (?:am )?.{0,40}(?:veröffentlicht|erstellt|gepostet))|^(?:©|\(c\)|copyright\b).{0,120}$|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati/i;

/** A line that is only a photo credit: "Getty Images", "TebNad/Shutterstock.com", "Crédits photos : Bestimage". */
const PHOTO_CREDIT = /^[^.!?]{0,60}(?:getty images|shutterstock(?:\.com)?|istock(?:photo)?(?:\.com)?|unsplash|wenn\.com|imago(?: images)?|picture[- ]alliance|bestimage|adobe ?stock|pixabay|pexels)\)?$/i;

const NEWSLETTER = /newsletter/i;
const SUBSCRIBE = /subscri|sign(?:\s|-)?up|abonn|anmeld|inscri|suscr|iscriviti|e-?mail/i;

const BLOCKS = 'p, div, section, ul, ol, dl, table, h2, h3, h4, h5, h6, aside, footer, header, figure, blockquote';

/** Where membership, subscription and donation appeals send readers. */
const SUPPORT_URL = /(?:subscri|member|donat|support|contribut|abo(?:nn|\b)|spende|mitglied|soutien|don\b|dona|patreon|steady)/i;
/** The appeal's own words: "become a member", "support us", "诚征会员", "unterstützen Sie uns". */
const SUPPORT_APPEAL = /(?:become a (?:member|supporter|subscriber)|support (?:us|our|independent)|(?:make|give) a (?:donation|contribution)|donate|werden sie mitglied|unterstützen sie|jetzt spenden|devenez (?:membre|abonné)|soutenez|hazte socio|会员|訂閱|订阅|赞助|捐助|支持我们)/i;

export const POST_CLEANING_RULES: readonly PostCleaningRule[] = [
  // The article's title repeated as its first heading: the reader shows the title above.
  {
    family: 'boilerplate',
    name: 'duplicate-title',
    candidates: 'h1, h2',
    matches: (element, context) => {
      if (!context.title) return false;
      const title = collapse(context.title).toLowerCase();
      return collapsedTextUpTo(element, title.length)?.toLowerCase() === title && isFirstText(element);
    },
  },
  // A "Related"/"Read more" label, with the list of links it introduces.
  {
    family: 'boilerplate',
    name: 'related-label',
    candidates: BLOCKS + ', strong, b, span',
    matches: (element) => {
      // 80 characters once the trailing punctuation is gone; a few more before.
      const text = collapsedTextUpTo(element, 120)?.replace(/[:：»›>.…]+$/u, '').trim();
      return !!text && text.length <= 80 && RELATED_LABEL.test(text);
    },
  },
  // A one-paragraph teaser: "Lesen Sie auch: <a>another story</a>".
  {
    family: 'boilerplate',
    name: 'related-teaser',
    candidates: 'p, div, li, h3, h4',
    matches: (element) => {
      const text = collapsedTextUpTo(element, 300);
      return text !== null && !!element.querySelector('a') && RELATED_TEASER.test(text);
    },
  },
  // Lists and blocks that are mostly links: teasers, tag clouds, link lists.
  {
    family: 'boilerplate',
    name: 'link-dense-block',
    candidates: 'ul, ol, dl, div, section, aside, nav, table',
    matches: (element, context) => {
      if (element.querySelectorAll('a').length < 2) return false;
      // The element's text is read once: for its share of the article and for its link density.
      const length = collapse(element.textContent).length;
      if (length === 0 || length > context.articleTextLength * 0.3) return false;
      return linkTextLength(element) / length >= 0.7;
    },
  },
  // Tag lines, "Posted in", copyright and "all rights reserved" lines.
  {
    family: 'boilerplate',
    name: 'boilerplate-line',
    candidates: BLOCKS,
    matches: (element) => {
      const text = collapsedTextUpTo(element, 250);
      return !!text && BOILERPLATE_LINE.test(text);
    },
  },
  // Membership, subscription and donation appeals: a short block of appeal words around a
  // link to the site's subscribe/member/donate page.
  {
    family: 'boilerplate',
    name: 'support-appeal',
    candidates: `${BLOCKS}, [href]`,
    matches: (element, context) => {
      const text = collapsedTextUpTo(element, 600);
      if (text === null) return false;
      const linksToSupport = (link: Element) => SUPPORT_URL.test(link.getAttribute('href') ?? '');
      // The appeal's banner: an image and no text, linking to the support page.
      if (element.hasAttribute('href')) return text === '' && linksToSupport(element) && !!element.querySelector('img');
      if (text.length > context.articleTextLength * 0.3 || !SUPPORT_APPEAL.test(text)) return false;
      return Array.from(element.querySelectorAll('[href]')).some(linksToSupport);
    },
  },
  // Photo credits on a line of their own (a credit inside a caption's sentence stays).
  {
    family: 'boilerplate',
    name: 'photo-credit',
    candidates: 'p, div, span, small, figcaption, cite, em, i, b, strong',
    matches: (element) => {
      const text = collapsedTextUpTo(element, 80);
      return !!text && PHOTO_CREDIT.test(text);
    },
  },
  // Newsletter sign-up boxes.
  {
    family: 'boilerplate',
    name: 'newsletter-box',
    candidates: BLOCKS,
    matches: (element, context) => {
      const text = collapsedTextUpTo(element, 400);
      return text !== null && text.length <= context.articleTextLength * 0.3 && NEWSLETTER.test(text) && SUBSCRIBE.test(text);
    },
  },
];

/** True when no text comes before `element` in its article. */
function isFirstText(element: Element): boolean {
  let node: Node | null = element;
  while (node && node.parentNode) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (collapse(sibling.textContent)) return false;
    }
    node = node.parentNode;
    if ((node as Element).id?.startsWith('readability-')) break;
  }
  return true;
}

const MAX_SHARE_OF_ARTICLE = 0.5;

/** Applies the post-cleaning rules to Readability's article element, in place. */
export function postClean(article: Element, title: string, rules: readonly PostCleaningRule[] = POST_CLEANING_RULES, options: { recordText?: boolean } = {}): Removal[] {
  const removals: Removal[] = [];
  const context: PostCleanContext = { title, articleTextLength: collapse(article.textContent).length };
  for (const rule of rules) {
    for (const element of Array.from(article.querySelectorAll(rule.candidates))) {
      if (!article.contains(element)) continue;
      if (!rule.matches(element, context)) continue;
      // A rule that matched most of the article has misfired (a short story with a
      // copyright notice in its only block): the article stays.
      if (collapse(element.textContent).length > context.articleTextLength * MAX_SHARE_OF_ARTICLE) continue;
      removals.push(removalOf(rule, element, options.recordText));
      element.remove();
    }
  }
  return removals;
}
