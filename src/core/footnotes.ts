/**
 * Footnotes across sanitizing. The sanitizer drops `id` (DOM clobbering) and `role`, so a
 * note reference can no longer find its note afterwards. Before sanitizing, each resolved
 * reference gets the link `#readmark-fn-N` and its note an empty marker link
 * `#readmark-note-N`: plain same-page links, which the profile keeps. Markdown reads them.
 */

export const NOTE_REF_PREFIX = '#readmark-fn-';
export const NOTE_PREFIX = '#readmark-note-';
const NOTE_BLOCK = 'li, p, dd, aside, div';
const BACKLINK_TEXT = /^(?:[\s↩↑^⏎⤴]|\ufe0e|\ufe0f)*$/;

function fragmentOf(link: Element, baseUrl: string | undefined): string | null {
  const href = link.getAttribute('href')?.trim() ?? '';
  if (href.startsWith('#')) return decodeURIComponent(href.slice(1)) || null;
  if (!baseUrl) return null;
  try {
    const url = new URL(href, baseUrl);
    const page = new URL(baseUrl);
    return url.hash && url.origin + url.pathname + url.search === page.origin + page.pathname + page.search ? decodeURIComponent(url.hash.slice(1)) : null;
  } catch {
    return null;
  }
}

function isNoteRef(link: Element): boolean {
  return link.parentElement?.localName === 'sup' || link.getAttribute('role') === 'doc-noteref' || /(?:^|\s)noteref(?:\s|$)/.test(link.getAttribute('epub:type') ?? '');
}

/** Marks the footnotes in `root` (an extracted article, before sanitizing); a reference without its note stays a link. */
export function markFootnotes(root: Element, baseUrl: string | undefined): void {
  const byId = new Map<string, Element>();
  for (const element of Array.from(root.querySelectorAll('[id]'))) if (!byId.has(element.id)) byId.set(element.id, element);
  const numbers = new Map<Element, number>();
  const refIds = new Set<string>();
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (!isNoteRef(link)) continue;
    const fragment = fragmentOf(link, baseUrl);
    const target = fragment ? byId.get(fragment) : undefined;
    if (!target) continue;
    const explicit = link.parentElement?.localName !== 'sup';
    const note = explicit ? (target.closest(NOTE_BLOCK) ?? target) : target.closest('li');
    if (!note || !root.contains(note) || note === root || note.contains(link)) continue;
    let number = numbers.get(note);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(note, number);
    }
    for (let holder: Element | null = link; holder && holder !== root; holder = holder.parentElement) if (holder.id) refIds.add(holder.id);
    link.setAttribute('href', `${NOTE_REF_PREFIX}${number}`);
  }
  for (const [note, number] of numbers) {
    // Links back to the references point at ids the sanitizer drops: they would lead nowhere.
    for (const link of Array.from(note.querySelectorAll('a[href]'))) {
      const fragment = fragmentOf(link, baseUrl);
      if (fragment && (refIds.has(fragment) || BACKLINK_TEXT.test(link.textContent ?? ''))) link.remove();
    }
    const marker = note.ownerDocument.createElement('a');
    marker.setAttribute('href', `${NOTE_PREFIX}${number}`);
    note.prepend(marker);
  }
}

/** The note number of a marked reference or note marker, or null. */
export function noteNumber(link: Element, prefix: string): number | null {
  const href = link.getAttribute('href') ?? '';
  const at = href.lastIndexOf(prefix);
  if (at < 0 || (at > 0 && !/^[a-z]+:/i.test(href))) return null;
  const number = Number(href.slice(at + prefix.length));
  return Number.isInteger(number) && number > 0 ? number : null;
}
