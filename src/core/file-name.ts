/** A file name for the article that Windows, macOS and Linux all accept. */

/** Bytes of UTF-8 before `.md`: below the 255-byte limit of common file systems, with room for a ` (1)` a browser adds. */
const MAX_NAME_BYTES = 200;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const RESERVED_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Half a surrogate pair is no character; file systems refuse it or mangle it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Device names Windows refuses as a file's base name, whatever the extension or case. */
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?:\.|$)/i;

/** `text` cut to at most `maxBytes` of UTF-8, at a code point boundary (never half a surrogate pair). */
function cutToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let bytes = 0;
  let cut = '';
  for (const character of text) {
    bytes += encoder.encode(character).length;
    if (bytes > maxBytes) break;
    cut += character;
  }
  return cut;
}

/** Trailing dots and spaces are dropped by Windows; leading ones hide a file or look odd. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * `title` made into a safe `.md` file name: reserved characters become spaces, runs of
 * whitespace one space, at most ~200 bytes of UTF-8 before the extension; `fallback` when
 * nothing usable is left. Letters of every script (CJK, accents, emoji) are kept.
 */
export function markdownFileName(title: string, fallback = 'article'): string {
  const safe = (text: string) => trimEnds(cutToBytes(trimEnds(text.normalize('NFC').replace(LONE_SURROGATE, '').replace(RESERVED_CHARACTERS, ' ').replace(/\s+/g, ' ')), MAX_NAME_BYTES));
  let name = safe(title);
  if (!name) name = safe(fallback) || 'article';
  if (RESERVED_NAMES.test(name)) name = `_${name}`;
  return `${name}.md`;
}
