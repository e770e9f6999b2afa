import browser from 'webextension-polyfill';
import { errorMessage, listen, type ContentProtocol } from '../shared/messages.js';
import { loadOptions, onOptionsChanged, saveOptions, type Options } from '../shared/options.js';
import { t } from '../shared/i18n.js';
import { articleMarkdown } from '../core/markdown.js';
import { markdownFileName } from '../core/file-name.js';
import { saveTextFile } from './download.js';
import { OutOfTime, pageBeyondBounds, readLivePage, selectionMarkdown } from './extract-page.js';
import { boundMessage, ReaderOverlay, type ReaderContent } from './overlay.js';
import { chosenPartContent, rememberedPartContent, selectionContent } from './part-content.js';
import { pickPart } from './pick-mode.js';

/**
 * The content script, injected on demand only (activeTab + scripting). Injecting it twice
 * into the same world is a no-op; a copy left behind by an earlier version of the extension
 * (its runtime gone after an update) steps aside for the new one.
 */
interface PageAhead {
  options: Options;
  content: ReaderContent;
}

interface ContentInstance {
  isAlive(): boolean;
  teardown(): void;
}

const INSTANCE_KEY = '__readmarkContentInstance';
const SUPERSEDE_EVENT = 'readmark-supersede';

function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

function start(): void {
  const world = globalThis as unknown as Record<string, ContentInstance | undefined>;
  const previous = world[INSTANCE_KEY];
  if (previous?.isAlive()) return;
  previous?.teardown();

  const teardownSignal = new AbortController();
  let overlay: ReaderOverlay | null = null;
  let opening: Promise<void> | null = null;
  let stopWatchingOptions: (() => void) | null = null;

  const readContent = async (force: boolean): Promise<ReaderContent> => {
    try {
      const limit = force ? null : pageBeyondBounds();
      if (limit) return { kind: 'too-complex', limit };
      // The part the user chose for this site comes first; the automatic choice when it is not on this page.
      const remembered = force ? null : await rememberedPartContent();
      if (remembered) return remembered;
      const { result, body } = await readLivePage({ force });
      return { kind: 'result', result, body };
    } catch (error) {
      if (error instanceof OutOfTime) return { kind: 'too-complex', limit: error.limit };
      return { kind: 'error', message: errorMessage(error) };
    }
  };

  /** The options from storage and the page read, at once. */
  const readPage = async (): Promise<PageAhead> => {
    const [options, content] = await Promise.all([loadOptions(), readContent(false)]);
    return { options, content };
  };

  /**
   * The background injects this script only to send it a user's command, which for a page is
   * always about its article: the reading starts now, while that command's message is still on
   * its way (one round trip to the background earlier). The first command takes it or, if it
   * wants the selection only, drops it, so a read-ahead is never kept for a later command.
   */
  let readAhead: Promise<PageAhead> | null = readPage();
  const takeReadAhead = (): Promise<PageAhead> | null => {
    const taken = readAhead;
    readAhead = null;
    return taken;
  };

  /** Pick mode, while it shows; aborting it leaves it. */
  let picking: AbortController | null = null;

  const openReader = async (shown?: ReaderContent): Promise<void> => {
    const { options, content } = shown ? { options: await loadOptions(), content: shown } : await (takeReadAhead() ?? readPage());
    const current = new ReaderOverlay(content, options, {
      showAnyway: () => readContent(true),
      saveOptions: (patch) => void saveOptions(patch).catch(() => undefined),
      pickPart: () => void startPicking(),
      closed: () => {
        picking?.abort();
        stopWatchingOptions?.();
        stopWatchingOptions = null;
        if (overlay === current) overlay = null;
      },
    });
    overlay = current;
    current.open();
    stopWatchingOptions = onOptionsChanged((next) => current.applyOptions(next));
  };

  /** A selection long enough to be read opens alone (core/selection.ts); a word or two is no such request. */
  const openSelectionOrPage = async (): Promise<void> => {
    const selected = await selectionContent();
    if (selected) takeReadAhead();
    await openReader(selected ?? undefined);
  };

  /**
   * Pick mode over the page, the reader (when open) stepping aside: the part taken is shown in the
   * reader; leaving brings the reader back as it was.
   */
  const startPicking = async (): Promise<void> => {
    if (picking) return;
    takeReadAhead();
    const reader = overlay?.isOpen ? overlay : null;
    reader?.stepAside();
    const session = new AbortController();
    picking = session;
    const taken = await pickPart(session.signal).finally(() => {
      picking = null;
    });
    const readerStillThere = reader !== null && reader === overlay && reader.isOpen;
    if (!taken) {
      if (readerStillThere) reader.stepBack();
      return;
    }
    const content = await chosenPartContent(taken);
    if (readerStillThere) reader.stepBack(content);
    else if (!overlay?.isOpen) await openReader(content);
  };

  const pageMarkdown = async (): Promise<{ markdown: string; title: string }> => {
    const ahead = takeReadAhead();
    const shown = overlay?.isOpen ? overlay.markdownFile() : null;
    if (shown !== null) return shown;
    const { options, content } = await (ahead ?? readPage());
    if (content.kind === 'too-complex') throw new Error(boundMessage(content.limit));
    if (content.kind === 'error') throw new Error(content.message);
    // Copy is an explicit request for this page's text: a page judged no article is read anyway.
    const { result, body } = content.result.kind === 'article' ? content : await readLivePage({ force: true });
    if (result.kind === 'not-article' || !body) throw new Error(t('noArticle'));
    return { markdown: articleMarkdown(result, body, { template: options.markdownTemplate }), title: result.title };
  };

  const handlers = {
    'toggle-reader': async () => {
      // The button pressed again while pointing at the page leaves pick mode.
      if (picking) {
        picking.abort();
        return { open: Boolean(overlay?.isOpen) };
      }
      if (overlay?.isOpen) {
        takeReadAhead();
        overlay.close();
        return { open: false };
      }
      // A second press while a long page is still being read does not open a second reader.
      if (!opening) {
        opening = openSelectionOrPage().finally(() => {
          opening = null;
        });
      }
      await opening;
      return { open: true };
    },
    'pick-part': async () => {
      if (picking) return { started: false };
      void startPicking();
      return { started: true };
    },
    'get-markdown': async ({ scope }: { scope: 'page' | 'selection' }) => {
      if (scope === 'selection') takeReadAhead();
      const markdown = scope === 'selection' ? selectionMarkdown() : (await pageMarkdown()).markdown;
      if (!markdown) throw new Error(t('nothingSelected'));
      return { markdown };
    },
    'download-markdown': async () => {
      const { markdown, title } = await pageMarkdown();
      const fileName = markdownFileName(title);
      saveTextFile(markdown, fileName, null);
      return { fileName };
    },
  };
  listen<ContentProtocol>(handlers);

  // A later copy of this script (after an extension update) asks older ones to leave.
  document.addEventListener(
    SUPERSEDE_EVENT,
    () => {
      if (!runtimeAlive()) world[INSTANCE_KEY]?.teardown();
    },
    { signal: teardownSignal.signal },
  );
  document.dispatchEvent(new CustomEvent(SUPERSEDE_EVENT));

  world[INSTANCE_KEY] = {
    isAlive: runtimeAlive,
    teardown: () => {
      teardownSignal.abort();
      picking?.abort();
      overlay?.close();
    },
  };
}

start();
