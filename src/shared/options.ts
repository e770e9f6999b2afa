import browser from 'webextension-polyfill';
import { MARKDOWN_TEMPLATES, type MarkdownTemplate } from '../core/types.js';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const FONT_SIZE_RANGE = { min: 14, max: 28, step: 2 } as const;
/** Read aloud's speeds, as SpeechSynthesisUtterance rates. */
export const SPEECH_RATES = [0.75, 1, 1.25, 1.5, 2] as const;

export type Theme = (typeof THEMES)[number];
export type LineWidth = (typeof LINE_WIDTHS)[number];
export type SpeechRate = (typeof SPEECH_RATES)[number];

/** The options' defaults; their types are the options' types. */
export const DEFAULT_OPTIONS = {
  theme: 'system' as Theme,
  fontSize: 18,
  lineWidth: 'medium' as LineWidth,
  markdownTemplate: 'heading' as MarkdownTemplate,
  speechRate: 1 as SpeechRate,
};

export type Options = typeof DEFAULT_OPTIONS;

/** Repairs whatever storage holds (older versions, hand edits, another device) into valid options. */
export function normalizeOptions(stored: Record<string, unknown>): Options {
  const theme = THEMES.find((value) => value === stored['theme']) ?? DEFAULT_OPTIONS.theme;
  const lineWidth = LINE_WIDTHS.find((value) => value === stored['lineWidth']) ?? DEFAULT_OPTIONS.lineWidth;
  const rawSize = Number(stored['fontSize']);
  const fontSize = Number.isFinite(rawSize) ? Math.min(FONT_SIZE_RANGE.max, Math.max(FONT_SIZE_RANGE.min, Math.round(rawSize))) : DEFAULT_OPTIONS.fontSize;
  // Versions before the templates had one switch, `frontMatter`.
  const legacyTemplate = stored['frontMatter'] === true ? 'front-matter' : undefined;
  const markdownTemplate = MARKDOWN_TEMPLATES.find((value) => value === (stored['markdownTemplate'] ?? legacyTemplate)) ?? DEFAULT_OPTIONS.markdownTemplate;
  const speechRate = SPEECH_RATES.find((value) => value === Number(stored['speechRate'])) ?? DEFAULT_OPTIONS.speechRate;
  return { theme, fontSize, lineWidth, markdownTemplate, speechRate };
}

export async function loadOptions(): Promise<Options> {
  try {
    return normalizeOptions(await browser.storage.sync.get(DEFAULT_OPTIONS));
  } catch {
    return { ...DEFAULT_OPTIONS };
  }
}

/**
 * Writes the patch's keys only, made valid: no read first, so two quick changes (two key presses
 * in the reader) cannot write back each other's stale values.
 */
export async function saveOptions(patch: Partial<Options>): Promise<void> {
  const valid = normalizeOptions({ ...DEFAULT_OPTIONS, ...patch });
  const changed = Object.keys(patch) as Array<keyof Options>;
  await browser.storage.sync.set(Object.fromEntries(changed.map((key) => [key, valid[key]])));
}

export function onOptionsChanged(listener: (options: Options) => void): () => void {
  const handle = (_changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if (area === 'sync') void loadOptions().then(listener);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
