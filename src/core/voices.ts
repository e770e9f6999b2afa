/** Which of the browser's speech voices reads an article in a given language. */

/** The part of a SpeechSynthesisVoice the choice looks at. */
export interface VoiceLike {
  lang: string;
  default: boolean;
  localService?: boolean;
}

/** `zh_CN`, `ZH-cn` and `zh-CN` are one tag; engines report all three. */
function normalizeTag(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** Mandarin voices may be tagged `cmn` rather than `zh` (espeak-ng through speech-dispatcher). */
const LANGUAGE_ALIASES: Record<string, string> = { cmn: 'zh', yue: 'zh', nb: 'no', nn: 'no' };

function primaryLanguage(tag: string): string {
  const primary = normalizeTag(tag).split('-')[0] ?? '';
  return LANGUAGE_ALIASES[primary] ?? primary;
}

/**
 * The voice for `lang`: one with the same tag, else one with the same language, preferring the
 * engine's default and then a local voice (a network voice may be slow or stop on its own);
 * with no language or no match, the default voice (null: let the engine choose).
 */
export function pickVoice<Voice extends VoiceLike>(voices: readonly Voice[], lang: string | null | undefined): Voice | null {
  const fallback = voices.find((voice) => voice.default) ?? null;
  if (!lang) return fallback;
  const rank = (voice: Voice) => (voice.default ? 0 : 2) + (voice.localService === false ? 1 : 0);
  const best = (candidates: Voice[]) => candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
  const exact = best(voices.filter((voice) => normalizeTag(voice.lang) === normalizeTag(lang)));
  if (exact) return exact;
  const sameLanguage = best(voices.filter((voice) => primaryLanguage(voice.lang) === primaryLanguage(lang)));
  return sameLanguage ?? fallback;
}
