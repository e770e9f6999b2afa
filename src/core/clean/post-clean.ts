import type { Removal } from '../types.js';
import { collapsedTextUpTo, linkTextLength } from '../text.js';
import { BLOCK_SELECTOR, WRITTEN_WITHOUT_SPACES, collapseWhitespace as collapse } from '../vocabulary.js';
import { removalOf } from './clean.js';
import { detach } from '../dom.js';

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
  /** Look at the candidates last first, so that a removal can expose the one before it. */
  fromTheEnd?: boolean;
}

export interface PostCleanContext {
  title: string;
  /** Text length of the whole article, to keep rules from eating it. */
  articleTextLength: number;
  /** The element's text, whitespace collapsed, or null when it is longer than `maxChars`. */
  text: (element: Element, maxChars: number) => string | null;
}

/** "Read more", "Related", "Lesen Sie auch", "À lire aussi" and the like, in the corpus languages. */
const RELATED_PHRASES = [
  'read (?:more|also|next)', 'related(?: (?:articles?|stories|posts|content|links|coverage|reading))?',
  'more (?:on this|from|stories|articles|news)', 'see also',
  'you (?:may|might) (?:also )?(?:like|enjoy|be interested)', 'recommended(?: for you)?', 'most (?:read|popular)',
  'trending', 'also read', 'further reading',
  '(?:das (?:thema )?)?(?:könnte|koennte) (?:sie|dich) auch interessieren', 'lesen sie (?:auch|mehr|hier)',
  'mehr (?:zum thema|dazu|lesen|aus)', 'weitere (?:artikel|beiträge|informationen|links|nachrichten|themen)',
  'weiterführende[rn]? links?', 'zum weiterlesen', 'mehr themen', 'neueste (?:artikel|beiträge)', 'auch interessant',
  'schon gelesen', 'passend (?:dazu|zum thema)', 'meist(?:gelesen|-diskutiert|diskutiert)',
  '(?:à|a) lire (?:aussi|également)', 'lire (?:aussi|la suite)', 'sur le même sujet', 'voir aussi',
  'dans la même rubrique', 'leer (?:también|más)', 'lea (?:también|más)', '(?:te|le) puede interesar',
  'noticias relacionadas', 'también te puede interesar', 'siehe auch', 'auch lesen',
  'verwandte (?:artikel|beiträge|themen)', 'empfohlene (?:artikel|beiträge)',
  'entdecke(?:n sie)? (?:jetzt |weitere |mehr )', 'heute empfehlen wir', 'articles? liés?',
  '(?:audios|vidéos|articles)(?: et (?:vidéos|audios))? sur le (?:même )?sujet',
  'similar (?:recipes|articles|posts|stories)', 'über den autor', 'about the author', 'vea también', 'puedes ver',
  'leggi anche', 'potrebbe interessarti', 'articoli correlati', 'czytaj (?:też|także|więcej)',
  'zobacz (?:też|także)', 'читайте также', '相关(?:文章|阅读|新闻)', '延伸阅读', '推荐阅读',
].join('|');
/** "Related", "Lesen Sie auch", with at most a few more words. */
const RELATED_LABEL = new RegExp(`^(?:${RELATED_PHRASES})\\b.{0,30}$`, 'iu');
/** "Lesen Sie auch: <a>another story</a>" as one paragraph. */
const RELATED_TEASER = new RegExp(`^(?:${RELATED_PHRASES})\\s*[:：»›>|-]`, 'iu');

/** A block that only says where the article was filed, who owns it, or how to share it. */
const BOILERPLATE_LINE =
  /^(?:(?:tags?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|keywords|categories|kategorien?|filed under|posted in|share(?: this)?(?: article)?|teilen|artikel teilen|like this|diesen artikel teilen|partager|compartir|condividi)\s*:|this entry was posted|(?:der|dieser) (?:beitrag|artikel|eintrag) wurde (?:am )?.{0,40}(?:veröffentlicht|erstellt|gepostet)|erstellt am .{0,60}(?:abgelegt|veröffentlicht) unter)|^(?:©|\(c\)|copyright\b).{0,120}$|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati/iu;

/** A line that is only a photo credit: "Getty Images", "TebNad/Shutterstock.com", "Crédits photos : Bestimage". */
const PHOTO_CREDIT = /^[^.!?]{0,60}(?:getty images|shutterstock(?:\.com)?|istock(?:photo)?(?:\.com)?|unsplash|wenn\.com|imago(?: images)?|picture[- ]alliance|bestimage|adobe ?stock|pixabay|pexels)\)?$/iu;

/** A line that is only a credit: "Foto: Sascha Klahn", "Bild: Jahr Media", "(© FEI/Christophe Taniere)", "Photograph by …". */
const CREDIT_LINE =
  /^[\s.([|–-]*(?:©|\(c\)|fotos?|bild(?:er)?|photos?|photograph(?:s|y)?|images?|imagen(?:es)?|imagem|cr[ée]dit(?:o|s)?(?: photos?)?|credits?|quelle|source|fuente|beitragsbild|titelbild|bildnachweis|bildquelle)\b\s*(?::|by\b|via\b|©)\s*[^.!?]{2,70}[.)\]]?\s*$|^\s*\(\s*©[^)]{2,70}\)\s*$/iu;

/** Prompts to share, rate or comment, and the comment section's state. */
const PROMPT =
  /^(?:.{0,40}\b(?:artikel|beitrag) (?:mit anderen )?(?:teilen|bewerten)|(?:möchten sie|hier können sie) den artikel|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|valora esta (?:noticia|nota)|\(?noch keine bewertungen\)?|(?:keine kommentare )?kommentare sind geschlossen|comments are closed|kommentare? schreiben|(?:du musst|sie müssen) eingeloggt sein|you must be logged in to post a comment|kommentare insgesamt|we want to hear what you think|submit (?:a|your) letter to the editor)/iu;

/** What a paywall says where the rest of the story would be. */
const PAYWALL =
  /(?:to (?:view|read|continue reading) the full (?:story|article)|subscribe (?:now )?to .{0,40}for the full (?:story|article)|already a subscriber|pour lire la suite|(?:registrieren|anmelden|abonnieren) und weiterlesen|para seguir leyendo)/iu;

/** Appeals to support the site, get its app or follow it. */
const APPEAL =
  /(?:would you consider supporting|consider supporting (?:us|our)|jede (?:kleine )?spende|hazte (?:miembro|socio)|download (?:the|our) \S+(?: \S+)? apps?\b|follow .{0,30} on (?:twitter|facebook|instagram)|canal de (?:telegram|youtube|whatsapp)|signing up to our newsletter|sign up here)/iu;

/** Legal notes and disclosures: reprint rights, disclaimers, licences, affiliate links. */
const LEGAL =
  /(?:copyrighted property of|written permission must be obtained|alle angaben ohne gewähr|(?:text|beitrag) wurde veröffentlicht unter der lizenz|gibt die meinung des autors wieder|is not responsible for the opinions|suggested citation|(?:this post|dieser beitrag) (?:contains|enthält) (?:references to products|werbung|affiliate)|(?:für|bei) (?:links|den verlinkungen) .{0,40}(?:provision|affiliate)|affiliate[- ]links?|^\*?werbung\b|^-?\s*anzeige\s*-)/iu;

/** A date or a time of day. */
const DATE =
  /\b\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zäé]*\.?\s+\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{1,2}:\d{2}(?:\s?[ap]m| uhr)?\b/giu;
/** The words of a dateline: "Aktualisiert am", "Posted on", "Kategorie", "Aufrufe", weekdays. */
const DATELINE_WORDS =
  /\b(?:aktualisiert(?: am)?|veröffentlicht(?: am)?|publiziert|erstellt am|stand|datum|published|updated|posted(?: on)?|date|kategorie|category|rubrik|von|by|am|um|uhr|at|on|in|aufrufe|views|comments?|kommentare?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;

/** A line that only dates the article: "Aktualisiert: 11.04.2020, 10:27", "23.10.2018 | Politik". */
function isDateline(text: string): boolean {
  if (text.length > 90) return false;
  DATE.lastIndex = 0;
  if (!DATE.test(text)) return false;
  const rest = text.replace(DATE, ' ').replace(DATELINE_WORDS, ' ').replace(/[\s|:,.\-–·•/()]+/g, ' ').trim();
  return rest.length <= 30 && rest.split(' ').filter(Boolean).length <= 3;
}

/** A block with text and no block inside it that has text of its own. */
function isLeafBlock(element: Element): boolean {
  return !Array.from(element.querySelectorAll(BLOCK_SELECTOR)).some(hasText);
}

const NEWSLETTER = /newsletter/iu;
const SUBSCRIBE = /subscri|sign(?:\s|-)?up|abonn|anmeld|inscri|suscr|iscriviti|e-?mail/iu;

/** The elements the text rules below read as one box of text: rule data, not the block vocabulary. */
const TEXT_BOXES = 'p, div, section, ul, ol, dl, table, h2, h3, h4, h5, h6, aside, footer, header, figure, blockquote';

/** Where membership, subscription and donation appeals send readers. */
const SUPPORT_URL = /(?:subscri|member|donat|support|contribut|abo(?:nn|\b)|spende|mitglied|soutien|don\b|dona|patreon|steady)/iu;
/** The appeal's own words: "become a member", "support us", "诚征会员", "unterstützen Sie uns". */
const SUPPORT_APPEAL = /(?:become a (?:member|supporter|subscriber)|support (?:us|our|independent)|(?:make|give) a (?:donation|contribution)|donate|werden sie mitglied|unterstützen sie|jetzt spenden|devenez (?:membre|abonné)|soutenez|hazte socio|会员|訂閱|订阅|赞助|捐助|支持我们)/iu;

export const POST_CLEANING_RULES: readonly PostCleaningRule[] = [
  // The article's title repeated as its first heading: the reader shows the title above.
  {
    family: 'boilerplate',
    name: 'duplicate-title',
    candidates: 'h1, h2',
    matches: (element, context) => {
      if (!context.title) return false;
      const title = collapse(context.title).toLowerCase();
      return context.text(element, title.length)?.toLowerCase() === title && isFirstText(element);
    },
  },
  // A "Related"/"Read more" label, with the list of links it introduces.
  {
    family: 'boilerplate',
    name: 'related-label',
    candidates: TEXT_BOXES + ', strong, b, span',
    matches: (element, context) => {
      // 80 characters once the trailing punctuation is gone; a few more before.
      const text = context.text(element, 120)?.replace(/[:：»›>.…]+$/u, '').trim();
      return !!text && text.length <= 80 && RELATED_LABEL.test(text);
    },
  },
  // A one-paragraph teaser: "Lesen Sie auch: <a>another story</a>".
  {
    family: 'boilerplate',
    name: 'related-teaser',
    candidates: 'p, div, li, h3, h4',
    matches: (element, context) => {
      const text = context.text(element, 300);
      return text !== null && !!element.querySelector('a') && RELATED_TEASER.test(text);
    },
  },
  // Lists and blocks that are mostly links: teasers, tag clouds, link lists.
  {
    family: 'boilerplate',
    name: 'link-dense-block',
    candidates: 'ul, ol, dl, div, section, aside, nav, table',
    matches: (element, context) => {
      // The live collection stops at the second link; a static query would list them all.
      if (element.getElementsByTagName('a').item(1) === null) return false;
      // Its text gives both its share of the article and its link density.
      const text = context.text(element, Math.floor(context.articleTextLength * 0.3));
      if (!text) return false;
      return linkTextLength(element) / text.length >= 0.7;
    },
  },
  // Tag lines, "Posted in", copyright and "all rights reserved" lines.
  {
    family: 'boilerplate',
    name: 'boilerplate-line',
    candidates: TEXT_BOXES,
    matches: (element, context) => {
      const text = context.text(element, 250);
      return !!text && BOILERPLATE_LINE.test(text);
    },
  },
  // Membership, subscription and donation appeals: a short block of appeal words around a
  // link to the site's subscribe/member/donate page.
  {
    family: 'boilerplate',
    name: 'support-appeal',
    candidates: `${TEXT_BOXES}, [href]`,
    matches: (element, context) => {
      const text = context.text(element, 600);
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
    matches: (element, context) => {
      const text = context.text(element, 80);
      return !!text && PHOTO_CREDIT.test(text);
    },
  },
  // Newsletter sign-up boxes.
  {
    family: 'boilerplate',
    name: 'newsletter-box',
    candidates: TEXT_BOXES,
    matches: (element, context) => {
      const text = context.text(element, 400);
      if (text === null || text.length > context.articleTextLength * 0.3) return false;
      return NEWSLETTER.test(text) && SUBSCRIBE.test(text);
    },
  },
  // A short block that is one link and little else: a teaser for another page.
  {
    family: 'boilerplate',
    name: 'link-only-block',
    candidates: 'p, h2, h3, h4, h5, h6, blockquote',
    matches: (element, context) => {
      const text = context.text(element, 160);
      // A teaser is a headline: a few words at least. Links in tables and lists are the content.
      if (!text || text.length < LINK_ONLY_MIN_CHARS || (!WRITTEN_WITHOUT_SPACES.test(text) && text.split(' ').length < 3) || element.closest('table, ul, ol')) return false;
      const links = element.querySelectorAll('a');
      const href = links[0]?.getAttribute('href') ?? '';
      return links.length === 1 && !!href && !href.startsWith('#') && collapse(links[0]!.textContent).length / text.length >= 0.8;
    },
  },
  // Credit lines: "Foto: X", "Bild: X", "(© X)".
  { family: 'boilerplate', name: 'credit-line', candidates: 'p, figcaption, div, span, small, em, cite', matches: (element, context) => lineMatches(context, element, 90, CREDIT_LINE) },
  // Prompts to share, rate or comment.
  { family: 'boilerplate', name: 'prompt', candidates: 'p, h2, h3, h4, h5, h6, div, li, span', matches: (element, context) => lineMatches(context, element, 130, PROMPT) },
  // Paywall notices.
  { family: 'boilerplate', name: 'paywall-notice', candidates: 'p, h2, h3, h4, div', matches: (element, context) => lineMatches(context, element, 250, PAYWALL) },
  // Appeals to support the site, install its app, follow it.
  { family: 'boilerplate', name: 'appeal', candidates: 'p, h2, h3, h4, div, figcaption', matches: (element, context) => lineMatches(context, element, 300, APPEAL) },
  // Reprint notes, disclaimers, licences, affiliate disclosures.
  { family: 'boilerplate', name: 'legal-note', candidates: 'p, div, em, span', matches: (element, context) => lineMatches(context, element, 300, LEGAL) },
  // Datelines at the top or the bottom of the article.
  {
    family: 'boilerplate',
    name: 'dateline',
    candidates: 'p, div, span, time, h2, h3, h4, h5, h6',
    matches: (element, context) => {
      const text = context.text(element, 90);
      return !!text && isDateline(text) && !element.closest('table, ul, ol') && isLeafBlock(element) && (isFirstText(element) || isLastText(element));
    },
  },
  // Headings and labels the article ends on: the title of a section that was not kept.
  {
    family: 'boilerplate',
    name: 'trailing-heading',
    candidates: 'h1, h2, h3, h4, h5, h6, p',
    fromTheEnd: true,
    matches: (element, context) => {
      const text = context.text(element, 100);
      if (!text || !isLastText(element)) return false;
      if (/^h[1-6]$/.test(element.localName)) return true;
      // A short paragraph that is a label: ends in a colon, or is all bold and no sentence.
      const only = element.children.length === 1 ? element.children[0]! : null;
      const allBold = !!only && /^(?:strong|b)$/.test(only.localName) && collapse(only.textContent) === text;
      return text.length <= 60 && (text.endsWith(':') || (allBold && !/[.!?…]$/.test(text)));
    },
  },
];

const LINK_ONLY_MIN_CHARS = 20;

/** The element's whole text, up to `maxChars`, matches `pattern`. */
function lineMatches(context: PostCleanContext, element: Element, maxChars: number, pattern: RegExp): boolean {
  const text = context.text(element, maxChars);
  return !!text && pattern.test(text);
}

/** True when no text comes before `element` in its article. */
function isFirstText(element: Element): boolean {
  return !textBeside(element, 'previousSibling');
}

/** True when no text comes after `element` in its article. */
function isLastText(element: Element): boolean {
  return !textBeside(element, 'nextSibling');
}

/** Content without text: a heading over pictures still heads something. */
const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed, table';

/**
 * True when `node` holds any non-blank text: stops at the first such text node, since
 * reading a large sibling's whole text for every candidate made the edge rules quadratic.
 */
function hasText(node: Node): boolean {
  if (node.nodeType === 3) return /\S/.test(node.nodeValue ?? '');
  if (node.nodeType !== 1) return false;
  const walker = node.ownerDocument!.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (/\S/.test(text.nodeValue ?? '')) return true;
  }
  return false;
}

function textBeside(element: Element, direction: 'previousSibling' | 'nextSibling'): boolean {
  let node: Node | null = element;
  while (node && node.parentNode) {
    for (let sibling = node[direction]; sibling; sibling = sibling[direction]) {
      if (hasText(sibling)) return true;
      if (sibling.nodeType === 1 && ((sibling as Element).matches(MEDIA) || (sibling as Element).querySelector(MEDIA))) return true;
    }
    node = node.parentNode;
    if ((node as Element).id?.startsWith('readability-')) break;
  }
  return false;
}

const MAX_SHARE_OF_ARTICLE = 0.5;

/** The longest text any rule reads but one; longer elements are cached as "too long". */
const CACHED_TEXT_CHARS = 600;

/**
 * Each element's collapsed text, read once, and read again only after something inside it
 * was removed: every rule reads the text of most blocks.
 */
class TextCache {
  private readonly texts = new Map<Element, string | null>();

  constructor(private readonly root: Element) {}

  upTo(element: Element, maxChars: number): string | null {
    if (maxChars > CACHED_TEXT_CHARS) return collapsedTextUpTo(element, maxChars);
    let text = this.texts.get(element);
    if (text === undefined) {
      text = collapsedTextUpTo(element, CACHED_TEXT_CHARS);
      this.texts.set(element, text);
    }
    return text !== null && text.length <= maxChars ? text : null;
  }

  /** `element` is about to go: the texts of the blocks around it change. */
  forget(element: Element): void {
    for (let node: Element | null = element; node; node = node === this.root ? null : node.parentElement) this.texts.delete(node);
  }
}

/**
 * A rule's candidates as a test on one element. Rules name tags and `[href]`, which are
 * tested without the selector engine (one walk of the article serves all rules).
 */
function candidateTest(selector: string): (element: Element) => boolean {
  const parts = selector.split(',').map((part) => part.trim());
  if (!parts.every((part) => /^[a-z][a-z0-9]*$/.test(part) || part === '[href]')) return (element) => element.matches(selector);
  const tags = new Set(parts.filter((part) => part !== '[href]'));
  const orHref = parts.includes('[href]');
  return (element) => tags.has(element.localName) || (orHref && element.hasAttribute('href'));
}

/** Applies the post-cleaning rules to Readability's article element, in place. */
export function postClean(article: Element, title: string, rules: readonly PostCleaningRule[] = POST_CLEANING_RULES, options: { recordText?: boolean } = {}): Removal[] {
  const removals: Removal[] = [];
  const texts = new TextCache(article);
  const context: PostCleanContext = { title, articleTextLength: collapse(article.textContent).length, text: (element, maxChars) => texts.upTo(element, maxChars) };
  // Rules only remove, so the elements in the article at the start, in document order, less
  // the removed ones, are what each rule's own query would find.
  const elements = Array.from(article.querySelectorAll('*'));
  for (const rule of rules) {
    const isCandidate = candidateTest(rule.candidates);
    const candidates = elements.filter(isCandidate);
    if (rule.fromTheEnd) candidates.reverse();
    for (const element of candidates) {
      if (!article.contains(element)) continue;
      if (!rule.matches(element, context)) continue;
      // A rule that matched most of the article has misfired (a short story with a
      // copyright notice in its only block): the article stays.
      if (collapse(element.textContent).length > context.articleTextLength * MAX_SHARE_OF_ARTICLE) continue;
      removals.push(removalOf(rule, element, options.recordText));
      texts.forget(element);
      detach(element);
    }
  }
  return removals;
}
