/**
 * Stands in for webextension-polyfill in the benchmark's in-page bundle, so that the real
 * overlay (src/content/overlay.ts) renders in a plain page: English strings from _locales,
 * default options, no storage and no messaging.
 */
import en from '../../src/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> } | undefined>;

function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = (en as unknown as Messages)[name];
  if (!entry) return name === '@@bidi_dir' ? 'ltr' : '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = entry.message.replace(/\$(\w+)\$/g, (_match, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_match, index: string) => values[Number(index) - 1] ?? '');
}

const noopEvent = { addListener(): void {}, removeListener(): void {} };

const browser = {
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  storage: { sync: { get: async (defaults: object) => ({ ...defaults }), set: async () => undefined }, onChanged: noopEvent },
  runtime: { id: 'readmark-bench', onMessage: noopEvent, sendMessage: async () => undefined },
  tabs: { sendMessage: async () => undefined },
};

export default browser;
