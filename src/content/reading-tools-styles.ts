import { SKIPPABLE_BLOCKS } from './overlay-styles.js';

/** The reading tools' stylesheet, a second <style> in the reader's shadow root (after OVERLAY_CSS, so it wins ties). */
export const READING_TOOLS_CSS = `
.contents { flex: none; max-height: 40vh; overflow: auto; padding: 8px 16px 12px; background: var(--bg); border-bottom: 1px solid var(--rule); font-size: 14px; }
.contents[hidden], .toolbar [hidden] { display: none; }
.contents ol { list-style: none; margin: 0 auto; padding: 0; max-width: 90ch; columns: 18rem auto; column-gap: 24px; }
.contents li { break-inside: avoid; }
.contents a { display: block; padding: 2px 6px; border-radius: 4px; color: var(--fg); text-decoration: none; border-inline-start: 3px solid transparent; }
.contents a[data-level="3"] { padding-inline-start: 18px; }
.contents a[data-level="4"] { padding-inline-start: 30px; color: var(--muted); }
.contents a:hover { text-decoration: underline; }
.contents a[aria-current] { border-inline-start-color: var(--accent); font-weight: 600; background: var(--code-bg); }
.content :is(h2, h3, h4):focus { outline: none; }
.read-aloud-controls { display: inline-flex; align-items: center; gap: 4px; }
mark.speaking { background: #fde68a; color: #1d1d1f; border-radius: 2px; box-shadow: 0 0 0 2px #fde68a; }
dialog[data-theme="dark"] mark.speaking { background: #8a6d00; color: #fff; box-shadow: 0 0 0 2px #8a6d00; }
@media (prefers-color-scheme: dark) {
  dialog[data-theme="system"] mark.speaking { background: #8a6d00; color: #fff; box-shadow: 0 0 0 2px #8a6d00; }
}
@media print {
  :host { position: static !important; inset: auto !important; width: auto !important; height: auto !important; }
  dialog, dialog[data-theme] {
    --bg: #fff; --fg: #000; --muted: #333; --accent: #000; --rule: #999; --code-bg: #f2f2f2;
    position: static; display: block; width: auto; height: auto; overflow: visible; background: #fff; color: #000; color-scheme: light;
  }
  .toolbar, .contents { display: none !important; }
  .scroller { overflow: visible; }
  main { max-width: none; padding: 0; }
  .content :is(${SKIPPABLE_BLOCKS}) { content-visibility: visible !important; }
  main a[href]:not([href^="#"])::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
  a { color: #000; }
  mark.speaking, dialog mark.speaking { background: none; color: inherit; box-shadow: none; }
}
`;
