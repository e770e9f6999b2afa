import { t } from '../shared/i18n.js';
import { scrollToTarget } from './reader-scroll.js';
import { element } from '../shared/element.js';

/** Fewer headings than this and an article needs no table of contents. */
export const MIN_HEADINGS = 3;
const HEADINGS = 'h2, h3, h4';
const ID_PREFIX = 'readmark-section-';
/** A heading this far below the scroller's top, or higher, starts the section being read. */
const READING_LINE_PX = 96;

/**
 * The table of contents: a toolbar button and a collapsible list of the article's h2–h4 that
 * jumps to each, inside the reader's scroller, and marks the section being read. The ids it
 * gives headings are on the reader's own copy of the article, in its shadow root.
 */
export class TableOfContents {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  private readonly list = document.createElement('ol');
  private headings: HTMLElement[] = [];
  private links: HTMLAnchorElement[] = [];
  private frame = 0;

  constructor(private readonly scroller: HTMLElement) {
    this.button = element('button', { type: 'button', className: 'contents-toggle', textContent: `☰ ${t('contents')}`, hidden: true });
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', 'readmark-contents');
    this.button.addEventListener('click', () => this.toggle());
    this.panel = element('nav', { className: 'contents', id: 'readmark-contents', hidden: true });
    this.panel.setAttribute('aria-label', t('contents'));
    this.panel.append(this.list);
    this.list.addEventListener('click', (event) => this.jump(event));
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  /** Lists the headings of `content` (the article shown), or hides the whole control for too few. */
  show(content: HTMLElement | null): void {
    this.headings = content ? Array.from(content.querySelectorAll<HTMLElement>(HEADINGS)).filter((heading) => heading.textContent?.trim()) : [];
    if (this.headings.length < MIN_HEADINGS) this.headings = [];
    this.links = this.headings.map((heading, index) => {
      heading.id = `${ID_PREFIX}${index + 1}`;
      heading.tabIndex = -1;
      const link = element('a', { href: `#${heading.id}`, textContent: heading.textContent!.trim().replace(/\s+/g, ' ') });
      link.dataset['level'] = heading.localName.slice(1);
      return link;
    });
    this.list.replaceChildren(...this.links.map((link) => {
      const item = document.createElement('li');
      item.append(link);
      return item;
    }));
    this.button.hidden = this.headings.length === 0;
    if (this.button.hidden) this.setOpen(false);
    this.markCurrent();
  }

  toggle(): void {
    if (this.button.hidden) return;
    this.setOpen(this.panel.hidden);
    if (!this.panel.hidden) (this.links.find((link) => link.hasAttribute('aria-current')) ?? this.links[0])?.focus({ preventScroll: true });
  }

  dispose(): void {
    this.scroller.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.frame);
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.markCurrent();
  }

  /** A link's section comes to the top of the reader, and focus with it (for keyboard and screen reader users). */
  private jump(event: MouseEvent): void {
    const link = (event.target as Element).closest('a');
    const heading = link ? this.headings[this.links.indexOf(link as HTMLAnchorElement)] : undefined;
    if (!heading) return;
    event.preventDefault();
    scrollToTarget(this.scroller, heading);
    heading.focus({ preventScroll: true });
    this.markCurrent();
  }

  private readonly onScroll = (): void => {
    if (this.frame || this.headings.length === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.markCurrent();
    });
  };

  /** The section whose heading is the last one at or above the reading line; none above the first. */
  private markCurrent(): void {
    const line = this.scroller.getBoundingClientRect().top + READING_LINE_PX;
    let current = -1;
    this.headings.forEach((heading, index) => {
      if (heading.getBoundingClientRect().top <= line) current = index;
    });
    this.links.forEach((link, index) => {
      if (index === current) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    });
    const active = this.links[current];
    if (active && !this.panel.hidden) {
      const box = active.getBoundingClientRect();
      const view = this.panel.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) this.panel.scrollTop += box.top - view.top - view.height / 2;
    }
  }
}
