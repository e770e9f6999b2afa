import { TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding.js';
import sniffHtmlEncoding from 'html-encoding-sniffer';

/** True when `bytes` is well-formed UTF-8 (a fatal decoder throws otherwise). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;
/** How far into a page a browser still honours a `<meta charset>` by parsing the page again. */
const HEAD_SCAN_BYTES = 64 * 1024;

/**
 * A `<meta charset>` past the prescan's first 1024 bytes, in the head: a browser that
 * meets it while parsing (its guess still tentative) parses the page again in that
 * encoding. Only asked for bytes that are not UTF-8, where the guess would be wrong.
 */
function lateMetaCharset(bytes: Uint8Array): string | null {
  const head = new WhatwgTextDecoder('windows-1252').decode(bytes.subarray(0, HEAD_SCAN_BYTES)).split(/<\/head\s*>/i)[0]!;
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  try {
    return new WhatwgTextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes page bytes as a browser would: BOM, then the transport's charset, then
 * `<meta charset>` in the first 1024 bytes (the HTML Standard's prescan), then one
 * later in the head for bytes that are not UTF-8. With no declaration, valid UTF-8 is read as UTF-8 (as Firefox's and Chrome's detectors
 * do) and anything else as windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): string {
  const validUtf8 = isValidUtf8(bytes);
  const defaultEncoding = validUtf8 ? 'UTF-8' : (!transportCharset && lateMetaCharset(bytes)) || 'windows-1252';
  const encoding = sniffHtmlEncoding(bytes, { defaultEncoding, ...(transportCharset ? { transportLayerEncodingLabel: transportCharset } : {}) });
  // Node's own TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F go wrong);
  // @exodus/bytes implements the WHATWG Encoding Standard's tables.
  try {
    return new WhatwgTextDecoder(encoding).decode(bytes);
  } catch {
    return new WhatwgTextDecoder(defaultEncoding).decode(bytes);
  }
}
