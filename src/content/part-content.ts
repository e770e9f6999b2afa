/**
 * What the reader shows for a part of the page: a chosen block (with the offer to use it on the
 * site next time), the block remembered for the site, or the selection.
 */
import { isReadingSelection } from '../core/selection.js';
import { stableSelector } from '../core/stable-selector.js';
import { t } from '../shared/i18n.js';
import { errorMessage } from '../shared/messages.js';
import { loadSiteChoice, MAX_SELECTOR_LENGTH, removeSiteChoice, saveSiteChoice } from '../shared/site-choices.js';
import type { PageRead } from './extract-page.js';
import type { ReaderContent } from './overlay.js';
import { readChosenPart, readSelectedPart } from './read-part.js';
import { element } from '../shared/element.js';

function contentOf(read: PageRead, aside?: HTMLElement): ReaderContent {
  return { kind: 'result', result: read.result, body: read.body, ...(aside ? { aside } : {}) };
}

/** "Use this part on <host> next time": a checkbox that saves or forgets the site's choice as it changes. */
function rememberChoiceControl(host: string, selector: string, remembered: boolean): HTMLElement {
  const checkbox = element('input', { type: 'checkbox', checked: remembered, className: 'remember-choice' });
  const label = document.createElement('label');
  label.append(checkbox, ` ${t('rememberChoice', host)}`);
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  checkbox.addEventListener('change', () => {
    const saving = checkbox.checked;
    status.textContent = '';
    delete status.dataset['state'];
    void (saving ? saveSiteChoice(host, selector) : removeSiteChoice(host)).then(
      () => {
        status.textContent = t(saving ? 'rememberSaved' : 'rememberRemoved', host);
        status.dataset['state'] = 'ok';
      },
      (error: unknown) => {
        checkbox.checked = !saving;
        status.textContent = t('rememberFailed', errorMessage(error));
        status.dataset['state'] = 'error';
      },
    );
  });
  const note = document.createElement('p');
  note.className = 'part-note';
  note.append(label, ' ', status);
  return note;
}

function plainNote(text: string): HTMLElement {
  return element('p', { className: 'part-note', textContent: text });
}

/** The block the user chose, read; the offer to remember it when it has a selector fit to keep. */
export async function chosenPartContent(part: Element): Promise<ReaderContent> {
  try {
    const selector = stableSelector(part);
    const read = await readChosenPart(part);
    if (!selector || selector.length > MAX_SELECTOR_LENGTH) return contentOf(read);
    const remembered = (await loadSiteChoice(location.host)) === selector;
    return contentOf(read, rememberChoiceControl(location.host, selector, remembered));
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

/**
 * The part remembered for this site, read, or null so that automatic extraction runs: nothing
 * remembered, a selector that matches no element or several on this page, or nothing readable.
 */
export async function rememberedPartContent(): Promise<ReaderContent | null> {
  const selector = await loadSiteChoice(location.host);
  if (!selector) return null;
  try {
    const matches = document.querySelectorAll(selector);
    if (matches.length !== 1) return null;
    const read = await readChosenPart(matches[0]!);
    if (read.result.kind !== 'article' || !read.result.text.trim()) return null;
    return contentOf(read, rememberChoiceControl(location.host, selector, true));
  } catch {
    // A selector edited by hand, or from a newer version: the page is read as usual.
    return null;
  }
}

/** The selection, read, when it is long enough to be a request to read it (core/selection.ts); else null. */
export async function selectionContent(): Promise<ReaderContent | null> {
  if (!isReadingSelection(window.getSelection()?.toString() ?? '')) return null;
  try {
    const read = await readSelectedPart();
    return read && contentOf(read, plainNote(t('showingSelection')));
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}
