/**
 * Saves text as a file through the page's own download path (a Blob URL and an <a download>),
 * so the extension needs no `downloads` permission.
 */

/**
 * How long the Blob URL outlives the click: the browser reads it after the click returns
 * (Firefox cancels a download whose URL is revoked at once).
 */
const KEEP_URL_MS = 60_000;

/**
 * Starts a download of `text` as `fileName`. The link goes into `container` (the reader's
 * shadow root) for the click, or stays detached when there is none: never into the page.
 */
export function saveTextFile(text: string, fileName: string, container: ParentNode | null, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container?.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
