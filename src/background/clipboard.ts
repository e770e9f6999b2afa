import { errorMessage, type Envelope, type OffscreenProtocol, type RequestOf } from '../shared/messages.js';

const OFFSCREEN_PATH = 'offscreen.html';

/** Chrome's service worker has no clipboard: one offscreen document (reason CLIPBOARD) writes for it. */
async function ensureOffscreenDocument(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (existing.length > 0) return;
  try {
    await chrome.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: [chrome.offscreen.Reason.CLIPBOARD], justification: 'Write the Markdown the user asked to copy' });
  } catch (error) {
    // Two copies racing: the other one created it.
    if (!/single offscreen/i.test(errorMessage(error))) throw error;
  }
}

async function writeThroughOffscreenDocument(text: string): Promise<void> {
  await ensureOffscreenDocument();
  const request: Envelope<'offscreen-write-clipboard', RequestOf<OffscreenProtocol, 'offscreen-write-clipboard'>> = { readmark: 'offscreen-write-clipboard', payload: { text } };
  const reply: unknown = await chrome.runtime.sendMessage(request);
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error('The clipboard document did not answer');
  if (!(reply as { ok: boolean }).ok) throw new Error((reply as { error?: string }).error ?? 'Copy failed');
}

/**
 * Writes `text` to the system clipboard from the background; resolves only after it succeeded.
 * Firefox's background page has a clipboard (with `clipboardWrite`); Chrome's worker does not.
 * The condition is a build-time constant, so each bundle keeps only its own branch.
 */
export async function writeClipboardFromBackground(text: string): Promise<void> {
  return __BROWSER__ === 'chrome' ? writeThroughOffscreenDocument(text) : navigator.clipboard.writeText(text);
}
