import { errorMessage, sendToBackground } from '../shared/messages.js';

/**
 * Writes text to the clipboard from a user gesture in the page; when the page's context
 * refuses (not focused, a permissions policy), the background writes it instead.
 * Resolves only after a write succeeded.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (pageError) {
    try {
      await sendToBackground('write-clipboard', { text });
    } catch (backgroundError) {
      throw new Error(`${errorMessage(pageError)}; ${errorMessage(backgroundError)}`);
    }
  }
}
