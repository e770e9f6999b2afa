import browser from 'webextension-polyfill';

/**
 * The typed message protocol: one map from message name to request and reply.
 * Replies always travel as `Reply<T>` so errors cross the boundary as words, not as
 * a rejected promise with a browser-specific shape.
 */
export type MarkdownScope = 'page' | 'selection';

/** Messages the background sends to the content script in a tab. */
export interface ContentProtocol {
  'toggle-reader': { request: Record<string, never>; response: { open: boolean } };
  'get-markdown': { request: { scope: MarkdownScope }; response: { markdown: string } };
  /** Saves the page's article as a .md file from the page (no `downloads` permission); the name it was given. */
  'download-markdown': { request: Record<string, never>; response: { fileName: string } };
  /** Pick mode: the user points at the part of the page to read. Answers once pick mode has started. */
  'pick-part': { request: Record<string, never>; response: { started: boolean } };
}

/** Messages the content script sends to the background. */
export interface BackgroundProtocol {
  'write-clipboard': { request: { text: string }; response: Record<string, never> };
}

/** Messages the background sends to the offscreen document (Chrome only). */
export interface OffscreenProtocol {
  'offscreen-write-clipboard': { request: { text: string }; response: Record<string, never> };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Envelope<Name extends string = string, Payload = unknown> {
  readmark: Name;
  payload: Payload;
}

export type Handlers<Protocol> = {
  [Name in keyof Protocol]: (
    payload: Protocol[Name] extends { request: infer Request } ? Request : never,
  ) => Promise<Protocol[Name] extends { response: infer Response } ? Response : never>;
};

export type RequestOf<Protocol, Name extends keyof Protocol> = Protocol[Name] extends { request: infer Request } ? Request : never;
export type ResponseOf<Protocol, Name extends keyof Protocol> = Protocol[Name] extends { response: infer Response } ? Response : never;

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).readmark === 'string';
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error('No answer from the other side of the extension');
  const typed = reply as Reply<T>;
  if (!typed.ok) throw new Error(typed.error);
  return typed.value;
}

/** The message never reached a handler (no content script in the tab, or the tab is gone): nothing ran. */
export class NotDeliveredError extends Error {}

export async function sendToTab<Name extends keyof ContentProtocol & string>(
  tabId: number,
  name: Name,
  payload: RequestOf<ContentProtocol, Name>,
): Promise<ResponseOf<ContentProtocol, Name>> {
  const envelope: Envelope<Name> = { readmark: name, payload };
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });
  } catch (error) {
    // Handlers answer with a Reply, never a rejection: a rejection is the transport's.
    throw new NotDeliveredError(errorMessage(error));
  }
  return unwrap(reply);
}

export async function sendToBackground<Name extends keyof BackgroundProtocol & string>(
  name: Name,
  payload: RequestOf<BackgroundProtocol, Name>,
): Promise<ResponseOf<BackgroundProtocol, Name>> {
  const envelope: Envelope<Name> = { readmark: name, payload };
  return unwrap(await browser.runtime.sendMessage(envelope));
}

/**
 * Answers the protocol's messages; ignores anything else (so that several listeners,
 * e.g. background and offscreen document, can share `runtime.onMessage`) and refuses
 * senders that are not this extension.
 */
export function listen<Protocol>(handlers: Handlers<Protocol>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    if (!Object.prototype.hasOwnProperty.call(handlers, message.readmark)) return undefined;
    const handler = handlers[message.readmark as keyof Protocol] as (payload: unknown) => Promise<unknown>;
    return handler(message.payload).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: errorMessage(error) }),
    );
  });
}
