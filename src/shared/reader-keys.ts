import type { MessageName } from './i18n.js';

/**
 * The keys of the open reader, defined once: the overlay acts on them and the options page
 * lists them. Single keys with no modifier, as in other readers; `key` is KeyboardEvent.key
 * (the character typed, so `+` works on any layout that has it).
 */
export const READER_KEYS = [
  { action: 'larger', keys: ['+', '='], label: 'fontLarger' },
  { action: 'smaller', keys: ['-'], label: 'fontSmaller' },
  { action: 'theme', keys: ['t'], label: 'keyNextTheme' },
  { action: 'contents', keys: ['o'], label: 'keyContents' },
  { action: 'read-aloud', keys: ['s'], label: 'keyReadAloud' },
  { action: 'copy', keys: ['c'], label: 'copyMarkdown' },
  { action: 'download', keys: ['d'], label: 'downloadMarkdown' },
  { action: 'print', keys: ['p'], label: 'printArticle' },
  { action: 'close', keys: ['Escape'], label: 'keyClose' },
] as const satisfies ReadonlyArray<{ action: string; keys: readonly string[]; label: MessageName }>;

export type ReaderKeyAction = (typeof READER_KEYS)[number]['action'];

/** What of a KeyboardEvent the choice reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

/** What of the focused element the form-field test reads (an Element has all of it). */
export interface FocusedElement {
  localName: string;
  closest(selector: string): unknown;
}

/** Where typing a letter types it: the reader's keys must leave it alone. */
export function isFormField(element: FocusedElement | null | undefined): boolean {
  if (!element) return false;
  if (['input', 'select', 'textarea'].includes(element.localName)) return true;
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The reader's action for a key press, or null: none with Ctrl, Alt or Meta held (those are the
 * browser's and the system's), none while an input method composes, and none but Escape (the
 * way out) while focus is in a form field.
 */
export function readerKeyAction(press: KeyPress, focused: FocusedElement | null | undefined): ReaderKeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.isComposing) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const entry = READER_KEYS.find((candidate) => (candidate.keys as readonly string[]).includes(key));
  if (!entry) return null;
  if (entry.action !== 'close' && isFormField(focused)) return null;
  return entry.action;
}

/** How a key is written in the options page. */
export function keyLabel(key: string): string {
  return key === 'Escape' ? 'Esc' : key.toUpperCase();
}
