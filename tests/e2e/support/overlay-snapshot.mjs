// Runs inside the page with the overlay's (closed) shadow root as its argument, handed over by
// the DevTools protocol (Chromium) or a WebDriver BiDi shared reference (Firefox): the page's
// own scripts cannot reach that root. Returns plain JSON.
export function snapshotOverlay(root) {
  if (!root) return { present: false };
  const dialog = root.querySelector('dialog');
  const content = root.querySelector('.content');
  const heading = root.querySelector('h1.title');
  const toolbar = root.querySelector('.toolbar');
  const center = (element) => {
    if (!element) return null;
    const box = element.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height, top: box.top, left: box.left };
  };
  const style = (element, property) => (element ? getComputedStyle(element).getPropertyValue(property) : null);
  const active = root.activeElement;
  const labelId = dialog?.getAttribute('aria-labelledby');
  const status = root.querySelector('.status');
  return {
    present: true,
    open: Boolean(dialog?.open),
    // Announced as modal, and in the top layer (a manual popover) above anything the page stacks.
    modal: dialog?.getAttribute('aria-modal') === 'true' && Boolean(dialog?.matches(':popover-open')),
    label: labelId ? root.getElementById(labelId)?.textContent ?? null : null,
    title: heading?.textContent ?? null,
    meta: Array.from(root.querySelectorAll('.meta')).map((element) => element.textContent).join(' | '),
    originalHref: root.querySelector('a.original')?.href ?? null,
    articleText: content?.textContent ?? '',
    articleHtml: content?.innerHTML ?? '',
    articleDir: content?.getAttribute('dir') ?? null,
    articleLang: content?.getAttribute('lang') ?? null,
    direction: style(content, 'direction'),
    toolbarDirection: style(toolbar, 'direction'),
    textAlignStart: content ? content.querySelector('p')?.getBoundingClientRect().right ?? null : null,
    images: Array.from(content?.querySelectorAll('img') ?? []).map((image) => image.getAttribute('src')),
    tables: root.querySelectorAll('.table-scroll > table').length,
    status: status?.textContent ?? null,
    statusState: status?.getAttribute('data-state') ?? null,
    theme: dialog?.getAttribute('data-theme') ?? null,
    fontSizeVar: dialog?.style.getPropertyValue('--font-size') ?? null,
    activeElement: active ? `${active.tagName.toLowerCase()}${active.className ? '.' + active.className : ''}` : null,
    buttons: {
      copy: center(root.querySelector('button.copy')),
      close: center(root.querySelector('button.close')),
      larger: center(root.querySelector('button.larger')),
      smaller: center(root.querySelector('button.smaller')),
      showAnyway: center(root.querySelector('button.show-anyway')),
      theme: center(root.querySelector('select.theme')),
    },
    dialogBox: center(dialog),
    styles: {
      dialogDisplay: style(dialog, 'display'),
      dialogVisibility: style(dialog, 'visibility'),
      dialogOpacity: style(dialog, 'opacity'),
      dialogBackground: style(dialog, 'background-color'),
      titleColor: style(heading, 'color'),
      titleFontSize: style(heading, 'font-size'),
      titleFontFamily: style(heading, 'font-family'),
      toolbarDisplay: style(toolbar, 'display'),
      paragraphFontSize: style(content?.querySelector('p'), 'font-size'),
    },
    viewport: { width: innerWidth, height: innerHeight },
  };
}
