/**
 * The article's blocks that may skip layout and paint while off-screen (`content-visibility:
 * auto`; find-in-page still sees them). Only in a long article: the benchmark's 30,000-word
 * page paints 49-69 ms later without it, but on a short article the browser's extra pass to
 * find which blocks are on screen costs more than it saves. Paired in-page A/B over the 130
 * Readability test pages (scratch measurement, Chromium 156), mean change in time to paint:
 * articles of 20-40 such blocks +1.0 ms with it, 40-60 blocks +2.9 ms, 60-80 blocks -0.6 ms,
 * 80-130 blocks -4 to -5 ms, over 200 blocks -17 ms.
 */
export const SKIPPABLE_BLOCKS = 'p, li, pre, blockquote, figure, .table-scroll, h2, h3, h4, h5, h6, dl, hr';
export const LONG_ARTICLE_BLOCKS = 80;
export const LONG_ARTICLE_CLASS = 'long';

/**
 * The overlay's stylesheet, put inside its shadow root as a <style> element: measured to
 * apply under a page CSP of `default-src 'none'; style-src 'none'` in both browsers.
 * `:host` declarations marked !important win over the page's own !important rules
 * (for important declarations the inner, shadow context wins the cascade).
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  width: 0 !important;
  height: 0 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  z-index: 2147483647 !important;
  contain: none !important;
}
dialog {
  --bg: #fbfbf8; --fg: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --rule: #d9d9d4; --code-bg: #f0f0ec; --bar-bg: rgba(251, 251, 248, .94);
  --font-size: 18px; --measure: 68ch;
  box-sizing: border-box; position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none;
  margin: 0; padding: 0; border: 0; background: var(--bg); color: var(--fg); color-scheme: light;
  font: 400 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
  display: flex; flex-direction: column; overflow: hidden;
}
dialog:not([open]) { display: none; }
dialog::backdrop { background: #000; }
dialog[data-theme="dark"] { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a6ab; --accent: #8ab4f8; --rule: #3a3c40; --code-bg: #25272b; --bar-bg: rgba(23, 24, 26, .94); color-scheme: dark; }
dialog[data-theme="sepia"] { --bg: #f4ecd8; --fg: #3b2f1e; --muted: #6e5c44; --accent: #8a4b08; --rule: #d8c9a8; --code-bg: #eadfc4; --bar-bg: rgba(244, 236, 216, .94); }
@media (prefers-color-scheme: dark) {
  dialog[data-theme="system"] { --bg: #17181a; --fg: #e6e6e3; --muted: #a3a6ab; --accent: #8ab4f8; --rule: #3a3c40; --code-bg: #25272b; --bar-bg: rgba(23, 24, 26, .94); color-scheme: dark; }
}
*, *::before, *::after { box-sizing: border-box; }
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 16px;
  background: var(--bar-bg); border-bottom: 1px solid var(--rule); flex: none;
}
.toolbar .spacer { flex: 1 1 auto; }
button, select {
  font: inherit; font-size: 14px; color: var(--fg); background: transparent; border: 1px solid var(--rule);
  border-radius: 6px; padding: 4px 10px; min-height: 32px; cursor: pointer;
}
select { background: var(--bg); }
button:hover, select:hover { border-color: var(--muted); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
label { font-size: 14px; color: var(--muted); display: inline-flex; align-items: center; gap: 6px; }
.status { font-size: 14px; min-width: 6em; }
.status[data-state="ok"] { color: #188038; }
.status[data-state="error"] { color: #c5221f; }
dialog[data-theme="dark"] .status[data-state="ok"] { color: #81c995; }
.scroller { flex: 1 1 auto; overflow: auto; overscroll-behavior: contain; }
.scroller:focus { outline: none; }
main { max-width: var(--measure); margin: 0 auto; padding: 32px 20px 96px; font-size: var(--font-size); line-height: 1.7; }
header { margin-bottom: 2em; border-bottom: 1px solid var(--rule); padding-bottom: 1em; }
h1.title { font-size: 1.9em; line-height: 1.25; margin: 0 0 .5em; }
.meta { color: var(--muted); font-size: .85em; margin: 0 0 .4em; }
.meta span + span::before { content: " · "; }
a { color: var(--accent); }
.content { overflow-wrap: break-word; }
/* A long article's off-screen blocks skip layout and paint until scrolled near (see SKIPPABLE_BLOCKS). */
.content.${LONG_ARTICLE_CLASS} :is(${SKIPPABLE_BLOCKS}) { content-visibility: auto; contain-intrinsic-size: auto 1.5em; }
.content img, .content video { max-width: 100%; height: auto; }
.content figure { margin: 1.5em 0; }
.content figcaption { color: var(--muted); font-size: .85em; }
.content pre { background: var(--code-bg); padding: 12px 14px; overflow-x: auto; border-radius: 6px; font-size: .85em; line-height: 1.5; }
.content code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono", monospace; font-size: .9em; }
.content pre code { font-size: inherit; }
.content blockquote { margin: 1.2em 0; padding: 0 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
.table-scroll { overflow-x: auto; margin: 1.2em 0; }
.content table { border-collapse: collapse; font-size: .9em; }
.content th, .content td { border: 1px solid var(--rule); padding: 4px 8px; text-align: start; vertical-align: top; }
.content hr { border: 0; border-top: 1px solid var(--rule); }
.notice { margin: 4em auto; text-align: center; }
.notice p { color: var(--muted); }
.part-note { font-size: 14px; color: var(--muted); margin: -1em 0 2em; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
`;
