import browser from 'webextension-polyfill';
import { articleBody } from './article-body.js';
import { articleMarkdown } from '../core/markdown.js';
import { sanitizeArticleHtml } from '../core/sanitize.js';
import type { Article, ExceededLimit, NotAnArticleReason, ReadResult } from '../core/types.js';
import type { MessageName } from '../shared/i18n.js';
import { t } from '../shared/i18n.js';
import { errorMessage } from '../shared/messages.js';
import { FONT_SIZE_RANGE, LINE_WIDTHS, THEMES, type LineWidth, type Options, type Theme } from '../shared/options.js';
import { writeClipboard } from './clipboard.js';
import { element } from '../shared/element.js';
import { HOST_TAG } from './extract-page.js';
import { OVERLAY_CSS } from './overlay-styles.js';
import { readerKeyAction, type ReaderKeyAction } from '../shared/reader-keys.js';
import { ReadingTools } from './reading-tools.js';

const MEASURES: Record<LineWidth, string> = { narrow: '54ch', medium: '68ch', wide: '90ch' };
const THEME_LABELS: Record<Theme, MessageName> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };
const WIDTH_LABELS: Record<LineWidth, MessageName> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };
const NOT_ARTICLE_MESSAGES: Record<NotAnArticleReason, MessageName> = {
  listing: 'notArticleListing',
  links: 'notArticleLinks',
  'too-little-text': 'notArticleTooLittleText',
  'no-content': 'noArticle',
  // The browser reports its bounds as a content kind of their own, never as this result.
  'too-complex': 'noArticle',
};

export type ReaderContent =
  /** `body`: the sanitized article tree the pipeline made, for an article; `aside`: a note shown above it (a part of the page). */
  | { kind: 'result'; result: ReadResult; body: HTMLElement | null; aside?: HTMLElement }
  | { kind: 'too-complex'; limit: ExceededLimit }
  | { kind: 'error'; message: string };

export interface OverlayCallbacks {
  /** The user asked to extract a page that does not look like an article. */
  showAnyway(): Promise<ReaderContent>;
  saveOptions(patch: Partial<Options>): void;
  /** The user asked to point at the right part of the page (pick mode). */
  pickPart(): void;
  /** Called once the overlay is gone and the page is as it was. */
  closed(): void;
}

const BOUND_MESSAGES: Record<ExceededLimit['what'], MessageName> = { depth: 'pageTooDeep', elements: 'pageTooLarge', nesting: 'pageTooNested', time: 'pageTooSlow' };

/** What the notice says for a page past a bound, its numbers in the reader's language. */
export function boundMessage(limit: ExceededLimit, lang?: string): string {
  const count = (value: number) => value.toLocaleString(lang || undefined);
  if (limit.what === 'time') return t('pageTooSlow', count(limit.limit / 1000));
  return t(BOUND_MESSAGES[limit.what], [count(limit.value), count(limit.limit)]);
}

/** The publisher's calendar date (not the reader's time zone's), or null when `value` is no date. */
function parseDate(value: string): { date: Date; calendar: boolean } | null {
  const calendarDate = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = calendarDate ? new Date(Date.UTC(Number(calendarDate[1]), Number(calendarDate[2]) - 1, Number(calendarDate[3]))) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, calendar: !!calendarDate };
}

function formatDate(value: string, lang: string | null): string {
  const parsed = parseDate(value);
  if (!parsed) return value;
  try {
    return parsed.date.toLocaleDateString(lang ?? undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: parsed.calendar ? 'UTC' : undefined });
  } catch {
    return parsed.date.toISOString().slice(0, 10);
  }
}

/**
 * The date as `2024-05-01` at once, in the reader's words a moment later: the first
 * locale-aware date format in a page loads the browser's locale data, 20–60 ms measured
 * in Chromium, which would otherwise come before the overlay's first paint.
 */
function dateElement(value: string, lang: string | null): HTMLTimeElement {
  const parsed = parseDate(value);
  const time = element('time', { dateTime: value, textContent: parsed ? parsed.date.toISOString().slice(0, 10) : value });
  if (parsed) {
    requestIdleCallback(() => {
      if (time.isConnected) time.textContent = formatDate(value, lang);
    }, { timeout: 1000 });
  }
  return time;
}

/**
 * The reader: a <dialog> in the top layer (as a manual popover), inside a closed shadow root.
 * The top layer is above any z-index and unaffected by the page's transforms. Not showModal():
 * making the page inert restyles every element of it, which measured 10-16 ms on typical
 * news pages and 100 ms on the benchmark's long page (scratch measurement in Chromium); the
 * dialog covers the viewport, so the pointer cannot reach the page, and a focus trap keeps
 * the keyboard in. `aria-modal` tells assistive technology the rest is out of reach.
 */
export class ReaderOverlay {
  private readonly host = document.createElement(HOST_TAG);
  private readonly root: ShadowRoot;
  private readonly dialog = element('dialog');
  private readonly scroller = element('div', { className: 'scroller', tabIndex: 0 });
  private readonly status = element('span', { className: 'status' });
  private readonly themeSelect = element('select');
  private readonly widthSelect = element('select');
  private readonly returnFocusTo: Element | null;
  private readonly tools: ReadingTools;
  private readonly scrollBefore = { x: window.scrollX, y: window.scrollY };
  /** The article shown and its sanitized tree; its Markdown is made when Copy asks, not before the reader is painted. */
  private shown: { article: Article; body: HTMLElement | null } | null = null;
  private closing = false;
  /** Out of the page while pick mode shows it (stepAside), and back with stepBack; where the article was scrolled to. */
  private aside = false;
  private scrolledBeforeAside = 0;
  /** Settles once the article is whole in the reader: a long one's later blocks follow its first frame. */
  complete: Promise<void> = Promise.resolve();

  constructor(content: ReaderContent, private options: Options, private readonly callbacks: OverlayCallbacks) {
    this.returnFocusTo = document.activeElement;
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.host.setAttribute('style', 'all: initial !important; display: block !important; position: fixed !important; width: 0 !important; height: 0 !important;');
    this.root.append(element('style', { textContent: OVERLAY_CSS }), this.dialog);
    this.dialog.setAttribute('aria-labelledby', 'readmark-title');
    this.dialog.setAttribute('aria-modal', 'true');
    this.dialog.setAttribute('popover', 'manual');
    this.dialog.lang = browserUiLanguage();
    // `all: initial` on the host leaves `direction` inherited from the page: the UI sets its own.
    this.dialog.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
    this.tools = new ReadingTools({
      root: this.root,
      dialog: this.dialog,
      scroller: this.scroller,
      report: (message, state) => {
        this.status.textContent = message;
        this.status.dataset['state'] = state;
      },
      markdownFile: () => this.markdownFile(),
      saveOptions: (patch) => this.changeOptions(patch),
    }, options);
    this.dialog.append(this.toolbar(), this.tools.contentsPanel, this.scroller);

    this.applyOptions(options);
    this.render(content);
  }

  open(): void {
    // Read before the host goes in: the background's user sheet then reveals a hidden root.
    if (getComputedStyle(document.documentElement).display === 'none') this.host.setAttribute('data-reveal-root', '');
    document.documentElement.append(this.host);
    // The open attribute, not show(): show()'s focusing steps lay the whole dialog out while it
    // is still in the page's flow, and showPopover() then lays it out again in the top layer
    // (1-5 ms on news pages, scratch measurement in Chromium). Focus is set below, once.
    this.dialog.toggleAttribute('open', true);
    this.dialog.showPopover();
    this.listen();
  }

  private listen(): void {
    document.addEventListener('focusin', this.keepFocusInside, true);
    document.addEventListener('keydown', this.onKeydown, true);
    this.scroller.focus({ preventScroll: true });
  }

  /** Leaves the page to pick mode, everything in the reader kept as it is for stepBack(). */
  stepAside(): void {
    if (this.aside || this.closing) return;
    this.aside = true;
    // A box out of the document loses its scroll position.
    this.scrolledBeforeAside = this.scroller.scrollTop;
    document.removeEventListener('focusin', this.keepFocusInside, true);
    document.removeEventListener('keydown', this.onKeydown, true);
    if (this.dialog.matches(':popover-open')) this.dialog.hidePopover();
    this.host.remove();
  }

  /** Back over the page, as it was or showing `content`. */
  stepBack(content?: ReaderContent): void {
    if (!this.aside || this.closing) return;
    this.aside = false;
    if (content) this.render(content);
    document.documentElement.append(this.host);
    this.dialog.showPopover();
    if (!content) this.scroller.scrollTop = this.scrolledBeforeAside;
    this.listen();
  }

  /** Focus that lands in the page while the reader is open (a page script, a stray click) comes back. */
  private readonly keepFocusInside = (event: FocusEvent): void => {
    if (event.target !== this.host) this.scroller.focus({ preventScroll: true });
  };

  /**
   * On the document, not the dialog: Esc closes and Tab stays inside even when nothing in the
   * reader has focus (after a click on its text, or a blur).
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const action = readerKeyAction(event, this.root.activeElement);
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      this.runKey(action);
    } else if (event.key === 'Tab') {
      this.keepTabInside(event);
    }
  };

  private runKey(action: ReaderKeyAction): void {
    const { fontSize, theme } = this.options;
    if (action === 'close') this.close();
    else if (action === 'larger') this.changeOptions({ fontSize: Math.min(FONT_SIZE_RANGE.max, fontSize + FONT_SIZE_RANGE.step) });
    else if (action === 'smaller') this.changeOptions({ fontSize: Math.max(FONT_SIZE_RANGE.min, fontSize - FONT_SIZE_RANGE.step) });
    else if (action === 'theme') this.changeOptions({ theme: THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]! });
    else if (action === 'copy') void this.copy();
    else this.tools.run(action);
  }

  /** Tab and Shift+Tab cycle through the dialog's controls and never leave it. */
  private keepTabInside(event: KeyboardEvent): void {
    const focusable = Array.from(this.root.querySelectorAll<HTMLElement>('button, select, input, a[href], [tabindex="0"], video[controls], audio[controls]'))
      .filter((candidate) => !candidate.hasAttribute('disabled') && candidate.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = this.root.activeElement;
    if (event.shiftKey && (active === first || !active)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !active)) {
      event.preventDefault();
      first.focus();
    }
  }

  get isOpen(): boolean {
    return (this.host.isConnected || this.aside) && !this.closing;
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.aside = false;
    document.removeEventListener('focusin', this.keepFocusInside, true);
    document.removeEventListener('keydown', this.onKeydown, true);
    this.tools.dispose();
    if (this.dialog.matches(':popover-open')) this.dialog.hidePopover();
    if (this.dialog.open) this.dialog.close();
    this.host.remove();
    if (this.returnFocusTo instanceof HTMLElement || this.returnFocusTo instanceof SVGElement) this.returnFocusTo.focus({ preventScroll: true });
    if (window.scrollX !== this.scrollBefore.x || window.scrollY !== this.scrollBefore.y) {
      window.scrollTo({ left: this.scrollBefore.x, top: this.scrollBefore.y, behavior: 'instant' });
    }
    this.callbacks.closed();
  }

  /** The Markdown of what the overlay shows, under the chosen template, when it shows an article. */
  markdown(): string | null {
    if (!this.shown) return null;
    const { article, body } = this.shown;
    return articleMarkdown(article, body ?? sanitizeArticleHtml(article.html, window), { template: this.options.markdownTemplate });
  }

  /** The Markdown and the title a downloaded file is named from, when the overlay shows an article. */
  markdownFile(): { markdown: string; title: string } | null {
    const markdown = this.markdown();
    return markdown === null || !this.shown ? null : { markdown, title: this.shown.article.title };
  }

  applyOptions(options: Options): void {
    this.options = options;
    this.dialog.dataset['theme'] = options.theme;
    this.dialog.style.setProperty('--font-size', `${options.fontSize}px`);
    this.dialog.style.setProperty('--measure', MEASURES[options.lineWidth]);
    this.themeSelect.value = options.theme;
    this.widthSelect.value = options.lineWidth;
    this.tools.applyOptions(options);
  }

  private toolbar(): HTMLElement {
    const copy = element('button', { type: 'button', className: 'copy', textContent: t('copyMarkdown') });
    copy.addEventListener('click', () => void this.copy());
    const smaller = element('button', { type: 'button', className: 'smaller', textContent: 'A−', title: t('fontSmaller') });
    smaller.setAttribute('aria-label', t('fontSmaller'));
    smaller.addEventListener('click', () => this.changeOptions({ fontSize: Math.max(FONT_SIZE_RANGE.min, this.options.fontSize - FONT_SIZE_RANGE.step) }));
    const larger = element('button', { type: 'button', className: 'larger', textContent: 'A+', title: t('fontLarger') });
    larger.setAttribute('aria-label', t('fontLarger'));
    larger.addEventListener('click', () => this.changeOptions({ fontSize: Math.min(FONT_SIZE_RANGE.max, this.options.fontSize + FONT_SIZE_RANGE.step) }));
    this.themeSelect.className = 'theme';
    this.themeSelect.append(...THEMES.map((theme) => element('option', { value: theme, textContent: t(THEME_LABELS[theme]) })));
    this.themeSelect.addEventListener('change', () => this.changeOptions({ theme: this.themeSelect.value as Theme }));
    this.widthSelect.className = 'width';
    this.widthSelect.append(...LINE_WIDTHS.map((width) => element('option', { value: width, textContent: t(WIDTH_LABELS[width]) })));
    this.widthSelect.addEventListener('change', () => this.changeOptions({ lineWidth: this.widthSelect.value as LineWidth }));
    const pick = element('button', { type: 'button', className: 'pick', textContent: t('pickPart'), title: t('pickTitle') });
    pick.addEventListener('click', () => this.callbacks.pickPart());
    const close = element('button', { type: 'button', className: 'close', textContent: `✕ ${t('close')}` });
    close.addEventListener('click', () => this.close());
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    const bar = element('div', { className: 'toolbar' }, [
      copy,
      ...this.tools.exportControls,
      this.status,
      element('span', { className: 'spacer' }),
      pick,
      ...this.tools.readingControls,
      smaller,
      larger,
      element('label', {}, [t('theme'), this.themeSelect]),
      element('label', {}, [t('lineWidth'), this.widthSelect]),
      close,
    ]);
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', t('toolbarLabel'));
    return bar;
  }

  private changeOptions(patch: Partial<Options>): void {
    this.applyOptions({ ...this.options, ...patch });
    this.callbacks.saveOptions(patch);
  }

  private async copy(): Promise<void> {
    const markdown = this.markdown();
    if (markdown === null) return;
    this.status.textContent = '';
    delete this.status.dataset['state'];
    try {
      await writeClipboard(markdown);
      this.status.textContent = t('copied');
      this.status.dataset['state'] = 'ok';
    } catch (error) {
      this.status.textContent = t('copyFailed', errorMessage(error));
      this.status.dataset['state'] = 'error';
    }
  }

  private render(content: ReaderContent): void {
    this.shown = null;
    this.complete = Promise.resolve();
    const main = element('main');
    if (content.kind === 'error') {
      main.append(this.notice(t('readerError', content.message)));
    } else if (content.kind === 'too-complex') {
      main.append(this.notice(boundMessage(content.limit, this.dialog.lang), this.showAnywayButton()));
    } else if (content.result.kind === 'not-article') {
      main.append(this.notice(t(NOT_ARTICLE_MESSAGES[content.result.reason]), this.showAnywayButton()));
    } else {
      const article = content.result;
      this.shown = { article, body: content.body };
      if (article.lang) main.lang = article.lang;
      if (article.dir) main.dir = article.dir;
      const { body, rest } = articleBody(article, content.body);
      main.append(this.header(article), ...(content.aside ? [content.aside] : []), body);
      if (rest) {
        // Once the first frame is out, in an idle period (the page's own tasks go first), with a
        // bound. Appended below the screen, they move nothing the user sees.
        this.complete = new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(() => {
          // Not for an article the reader no longer shows (closed, or rendered again).
          if (body.isConnected) rest();
          resolve();
        }, { timeout: 100 })));
      }
    }
    this.scroller.setAttribute('aria-labelledby', 'readmark-title');
    this.scroller.replaceChildren(main);
    this.scroller.scrollTop = 0;
    this.tools.show(main, this.shown?.article ?? null, this.complete);
  }

  private showAnywayButton(): HTMLElement {
    const button = element('button', { type: 'button', className: 'show-anyway', textContent: t('showAnyway') });
    button.addEventListener('click', () => {
      button.disabled = true;
      void this.callbacks.showAnyway().then((content) => {
        if (this.closing) return;
        this.render(content);
        this.scroller.focus({ preventScroll: true });
      });
    });
    return button;
  }

  private notice(message: string, action?: HTMLElement): HTMLElement {
    const notice = element('div', { className: 'notice' }, [element('h1', { className: 'title', id: 'readmark-title', textContent: message })]);
    if (action) notice.append(action);
    return notice;
  }

  private header(article: Article): HTMLElement {
    const meta = element('p', { className: 'meta' });
    if (article.byline) meta.append(element('span', { className: 'byline', textContent: article.byline }));
    if (article.siteName) meta.append(element('span', { className: 'site', textContent: article.siteName }));
    if (article.publishedTime) {
      meta.append(element('span', {}, [dateElement(article.publishedTime, article.lang)]));
    }
    meta.append(element('span', { className: 'reading-time', textContent: t('readingTime', String(article.readingMinutes)) }));
    const original = element('a', { className: 'original', href: location.href, textContent: t('viewOriginal') });
    return element('header', {}, [
      element('h1', { className: 'title', id: 'readmark-title', textContent: article.title }),
      meta,
      element('p', { className: 'meta' }, [original]),
    ]);
  }
}

function browserUiLanguage(): string {
  return browser.i18n.getUILanguage() || navigator.language;
}
