import browser from 'webextension-polyfill';
import type en from '../_locales/en/messages.json';

export type MessageName = keyof typeof en;

/** A UI string from `_locales`; the key's name if the locale lacks it (never an empty label). */
export function t(name: MessageName, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(name, substitutions) || name;
}
