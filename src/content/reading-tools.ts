import { markdownFileName } from '../core/file-name.js';
import { t } from '../shared/i18n.js';
import type { Options, SpeechRate } from '../shared/options.js';
import type { ReaderKeyAction } from '../shared/reader-keys.js';
import { TableOfContents } from './contents.js';
import { saveTextFile } from './download.js';
import { printInFlow } from './print.js';
import { ReadAloud } from './read-aloud.js';
import { READING_TOOLS_CSS } from './reading-tools-styles.js';
import { element } from '../shared/element.js';

export type ReadingToolAction = Extract<ReaderKeyAction, 'contents' | 'read-aloud' | 'download' | 'print'>;

export interface ReadingToolsHost {
  root: ShadowRoot;
  dialog: HTMLDialogElement;
  scroller: HTMLElement;
  /** The reader's status line. */
  report(message: string, state: 'ok' | 'error'): void;
  /** The article's Markdown under the chosen template and its title; null when no article is shown. */
  markdownFile(): { markdown: string; title: string } | null;
  saveOptions(patch: Partial<Options>): void;
}

/**
 * The reader's tools beyond copying: download as .md, print, table of contents and read aloud.
 * The overlay places their controls in its toolbar and tells them which article it shows.
 */
export class ReadingTools {
  private readonly contents: TableOfContents;
  /** The table of contents, which the overlay puts between its toolbar and its scroller. */
  readonly contentsPanel: HTMLElement;
  private readonly readAloud: ReadAloud;
  private readonly teardown = new AbortController();
  /** Download and Print, placed after Copy. */
  readonly exportControls: HTMLElement[];
  /** Contents and read aloud, placed before the text settings. */
  readonly readingControls: HTMLElement[];

  constructor(private readonly host: ReadingToolsHost, options: Options) {
    host.root.append(element('style', { textContent: READING_TOOLS_CSS }));
    this.contents = new TableOfContents(host.scroller);
    this.contentsPanel = this.contents.panel;
    this.readAloud = new ReadAloud(host.scroller, (message) => host.report(message, 'error'), (speechRate: SpeechRate) => host.saveOptions({ speechRate }), options.speechRate);
    printInFlow(host.dialog, host.root, this.teardown.signal);

    const download = element('button', { type: 'button', className: 'download', textContent: `⤓ ${t('downloadMarkdown')}` });
    download.addEventListener('click', () => this.download());
    const print = element('button', { type: 'button', className: 'print', textContent: `⎙ ${t('printArticle')}`, title: t('printTitle') });
    print.addEventListener('click', () => window.print());
    this.exportControls = [download, print];
    this.readingControls = [this.contents.button, this.readAloud.controls];
  }

  /** The reader now shows `main`: an article's (with its language) or a notice's (`article` false). */
  show(main: HTMLElement, article: { lang: string | null } | null, complete: Promise<void>): void {
    const content = article ? main.querySelector<HTMLElement>('.content') : null;
    this.contents.show(null);
    void complete.then(() => {
      if (main.isConnected) this.contents.show(content);
    });
    const title = main.querySelector('h1.title');
    this.readAloud.show(article && content ? { lang: article.lang, roots: () => complete.then(() => (title ? [title, content] : [content])) } : null);
  }

  applyOptions(options: Options): void {
    this.readAloud.setRate(options.speechRate);
  }

  run(action: ReadingToolAction): void {
    if (action === 'contents') this.contents.toggle();
    else if (action === 'read-aloud') void this.readAloud.toggle();
    else if (action === 'download') this.download();
    else window.print();
  }

  /** The reader closes: speech stops, listeners go. */
  dispose(): void {
    this.readAloud.dispose();
    this.contents.dispose();
    this.teardown.abort();
  }

  private download(): void {
    const file = this.host.markdownFile();
    if (!file) return;
    const fileName = markdownFileName(file.title);
    saveTextFile(file.markdown, fileName, this.host.root);
    this.host.report(t('downloadStarted', fileName), 'ok');
  }
}
