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

/**
 * Decodes page bytes as a browser would: BOM, then the transport's charset, then
 * `<meta charset>` in the first 1024 bytes (the HTML Standard's prescan). With no
 * declaration, valid UTF-8 is read as UTF-8 (as Firefox's and Chrome's detectors
 * do) and anything else as windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): string {
  const defaultEncoding = isValidUtf8(bytes) ? 'UTF-8' : 'windows-1252';
  const encoding = sniffHtmlEncoding(bytes, { defaultEncoding, ...(transportCharset ? { transportLayerEncodingLabel: transportCharset } : {}) });
  // Node's own TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F go wrong);
  // @exodus/bytes implements the WHATWG Encoding Standard's tables.
  try {
    return new WhatwgTextDecoder(encoding).decode(bytes);
  } catch {
    return new WhatwgTextDecoder(defaultEncoding).decode(bytes);
  }
}
