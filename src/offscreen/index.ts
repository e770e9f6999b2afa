/**
 * Chrome's offscreen document (reason CLIPBOARD): the service worker has no clipboard, and
 * `navigator.clipboard.writeText` rejects here because the document is never focused, so a
 * textarea and `execCommand('copy')` do the write. No polyfill: this bundle stays tiny.
 */
import type { Envelope, OffscreenProtocol, Reply, RequestOf, ResponseOf } from '../shared/messages.js';

type Name = 'offscreen-write-clipboard';
type ClipboardRequest = Envelope<Name, RequestOf<OffscreenProtocol, Name>>;

function isClipboardRequest(message: unknown): message is ClipboardRequest {
  return typeof message === 'object' && message !== null && (message as ClipboardRequest).readmark === 'offscreen-write-clipboard' && typeof (message as ClipboardRequest).payload?.text === 'string';
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !isClipboardRequest(message)) return false;
  const textarea = document.getElementById('clipboard') as HTMLTextAreaElement;
  textarea.value = message.payload.text;
  textarea.select();
  const copied = document.execCommand('copy');
  textarea.value = '';
  const reply: Reply<ResponseOf<OffscreenProtocol, Name>> = copied ? { ok: true, value: {} } : { ok: false, error: 'The browser refused the copy' };
  sendResponse(reply);
  return false;
});
