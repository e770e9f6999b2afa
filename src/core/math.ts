/**
 * Formulas in one form whatever the page rendered them with: a MathML `<math>` whose
 * `alttext` holds the TeX source when the page had it (the convention of LaTeXML and
 * Wikipedia), `display="block"` for display math. Browsers render MathML, the sanitizer
 * keeps it, and Markdown turns it into `$…$` or `$$…$$`.
 */

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const TEX_ANNOTATION = 'annotation[encoding="application/x-tex"], annotation[encoding="application/x-latex"]';

function createMath(doc: Document, display: boolean, tex: string | null, presentation: Element | null): Element {
  const math = doc.createElementNS(MATHML, 'math');
  if (display) math.setAttribute('display', 'block');
  if (tex) math.setAttribute('alttext', tex);
  if (presentation) {
    math.append(...Array.from(presentation.childNodes).map((node) => node.cloneNode(true)));
  } else if (tex) {
    // Without a rendering, the source itself is the most readable form.
    const text = doc.createElementNS(MATHML, 'mtext');
    text.textContent = tex;
    math.append(text);
  }
  return math;
}

/** A `<math>` with only its presentation: `<semantics>` unwrapped, annotations dropped (the sanitizer would show their text). */
function presentationOf(math: Element): { presentation: Element; tex: string | null } {
  const copy = math.cloneNode(true) as Element;
  const tex = copy.querySelector(TEX_ANNOTATION)?.textContent?.trim() || null;
  for (const semantics of Array.from(copy.querySelectorAll('semantics'))) {
    const [first] = Array.from(semantics.querySelectorAll(':scope > *')).filter((child) => !/^annotation/.test(child.localName));
    if (first) semantics.replaceWith(first);
    else semantics.remove();
  }
  for (const annotation of Array.from(copy.querySelectorAll('annotation, annotation-xml'))) annotation.remove();
  return { presentation: copy, tex };
}

function isDisplay(math: Element | null | undefined): boolean {
  return math?.getAttribute('display') === 'block' || math?.getAttribute('mode') === 'display';
}

/** KaTeX: `.katex` holds `.katex-mathml` (MathML with the TeX annotation) and `.katex-html` (spans for the eye). */
function normalizeKatex(doc: Document, root: ParentNode): void {
  for (const katex of Array.from(root.querySelectorAll('.katex'))) {
    if (!katex.isConnected) continue;
    const source = katex.querySelector('math');
    if (!source) continue;
    const { presentation, tex } = presentationOf(source);
    const displayBox = katex.parentElement?.classList.contains('katex-display') ? katex.parentElement : null;
    const math = createMath(doc, !!displayBox || isDisplay(source), tex, presentation);
    (displayBox ?? katex).replaceWith(math);
  }
}

/** MathJax 2: the TeX in `<script type="math/tex">`, after its preview and rendered frame (which may hold assistive MathML). */
function normalizeMathJax2(doc: Document, root: ParentNode): void {
  for (const script of Array.from(root.querySelectorAll('script[type^="math/tex"]'))) {
    const tex = script.textContent?.trim() ?? '';
    const display = /mode\s*=\s*display/i.test(script.getAttribute('type') ?? '');
    let rendered: Element | null = null;
    for (let sibling = script.previousElementSibling; sibling; sibling = script.previousElementSibling) {
      if (!/(?:^|\s)MathJax(?:_\w+)?(?:\s|$)/.test(sibling.getAttribute('class') ?? '') || sibling.localName === 'script') break;
      if (!/MathJax_Preview/.test(sibling.getAttribute('class') ?? '')) rendered ??= sibling;
      sibling.remove();
    }
    const assistive = rendered?.querySelector('math');
    const presentation = assistive ? presentationOf(assistive).presentation : null;
    script.replaceWith(createMath(doc, display, tex || null, presentation));
  }
}

/** MathJax 3: `<mjx-container>` with the CHTML or SVG rendering and, with the assistive extension, MathML. */
function normalizeMathJax3(doc: Document, root: ParentNode): void {
  for (const container of Array.from(root.querySelectorAll('mjx-container'))) {
    if (!container.isConnected) continue;
    const source = container.querySelector('mjx-assistive-mml math, math');
    const tex = container.getAttribute('data-latex') ?? container.getAttribute('data-tex') ?? source?.getAttribute('data-latex') ?? null;
    const display = container.getAttribute('display') === 'true' || isDisplay(source);
    if (source) {
      const parts = presentationOf(source);
      container.replaceWith(createMath(doc, display, tex ?? parts.tex, parts.presentation));
    } else if (tex) {
      container.replaceWith(createMath(doc, display, tex, null));
    } else {
      const label = container.getAttribute('aria-label')?.trim();
      if (label) container.replaceWith(doc.createTextNode(label));
    }
  }
}

/** Plain MathML: a TeX annotation moves to `alttext`, the rest of `<semantics>` goes. */
function normalizeMathMl(root: ParentNode): void {
  for (const math of Array.from(root.querySelectorAll('math'))) {
    if (!math.querySelector('semantics, annotation, annotation-xml')) continue;
    const { presentation, tex } = presentationOf(math);
    math.replaceChildren(...Array.from(presentation.childNodes));
    if (tex && !math.getAttribute('alttext')) math.setAttribute('alttext', tex);
  }
}

/** Rewrites every KaTeX, MathJax 2/3 and MathML formula under `root` into the one MathML form. */
export function normalizeMath(doc: Document, root: ParentNode = doc): void {
  normalizeKatex(doc, root);
  normalizeMathJax2(doc, root);
  normalizeMathJax3(doc, root);
  normalizeMathMl(root);
}
