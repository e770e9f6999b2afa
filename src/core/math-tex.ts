/**
 * TeX for a `<math>` element: its `alttext` when the page gave the source (see math.ts),
 * otherwise a reading of the common presentation elements; anything else is its text.
 */

const OPERATORS: Record<string, string> = {
  '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '∮': '\\oint', '×': '\\times', '·': '\\cdot', '⋅': '\\cdot', '÷': '\\div',
  '±': '\\pm', '∓': '\\mp', '≤': '\\le', '≥': '\\ge', '≠': '\\neq', '≈': '\\approx', '≡': '\\equiv', '∼': '\\sim',
  '→': '\\to', '←': '\\leftarrow', '⇒': '\\Rightarrow', '⇔': '\\Leftrightarrow', '↦': '\\mapsto', '∞': '\\infty',
  '∈': '\\in', '∉': '\\notin', '⊂': '\\subset', '⊆': '\\subseteq', '∪': '\\cup', '∩': '\\cap', '∅': '\\emptyset',
  '∀': '\\forall', '∃': '\\exists', '¬': '\\neg', '∧': '\\wedge', '∨': '\\vee', '∂': '\\partial', '∇': '\\nabla',
  '…': '\\ldots', '⋯': '\\cdots', '−': '-', '∘': '\\circ', '′': "'", '{': '\\{', '}': '\\}', '%': '\\%', '#': '\\#',
  '&': '\\&', $: '\\$', '\\': '\\backslash', '\u2061': '', '\u2062': '', '\u2063': '', '\u2064': '',
};

const GREEK = 'αβγδεζηθικλμνξοπρστυφχψω';
const GREEK_NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'o', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
const CAPITAL_GREEK: Record<string, string> = { Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega' };
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'log', 'ln', 'exp', 'lim', 'max', 'min', 'sup', 'inf', 'det', 'gcd', 'arg', 'deg', 'dim', 'ker', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan']);
const ACCENTS: Record<string, string> = { '^': '\\hat', 'ˆ': '\\hat', '~': '\\tilde', '˜': '\\tilde', '¯': '\\overline', '‾': '\\overline', '_': '\\overline', '→': '\\vec', '⃗': '\\vec', '˙': '\\dot', '¨': '\\ddot' };
const SPECIAL = /[\\{}%#&$_^~]/g;

function symbol(character: string): string {
  const greek = GREEK.indexOf(character);
  if (greek >= 0) return `\\${GREEK_NAMES[greek]}`;
  return CAPITAL_GREEK[character] ? `\\${CAPITAL_GREEK[character]}` : (OPERATORS[character] ?? character);
}

function escapeText(text: string): string {
  return text.replace(SPECIAL, (character) => (character === '\\' ? '\\textbackslash{}' : character === '^' || character === '~' ? `\\${character}{}` : `\\${character}`));
}

/** Joins TeX pieces, with a space where a command name would otherwise run into a letter. */
function join(parts: string[]): string {
  return parts.reduce((joined, part) => (/\\[a-zA-Z]+$/.test(joined) && /^[a-zA-Z]/.test(part) ? `${joined} ${part}` : joined + part), '');
}

/** A group for `^`, `_` and friends: braces unless it is one character or one command. */
function group(tex: string): string {
  return /^(?:[^{}\\\s]|\\[a-zA-Z]+)$/.test(tex) ? tex : `{${tex}}`;
}

function text(element: Element): string {
  return (element.textContent ?? '').trim();
}

function children(element: Element): string {
  return join(Array.from(element.querySelectorAll(':scope > *')).map(toTex));
}

function toTex(element: Element): string {
  const [first, second, third] = Array.from(element.querySelectorAll(':scope > *'));
  const part = (child: Element | undefined) => (child ? toTex(child) : '');
  switch (element.localName) {
    case 'math':
    case 'mrow':
    case 'mstyle':
    case 'mpadded':
    case 'semantics':
      return element.localName === 'semantics' ? part(first) : children(element);
    case 'mi': {
      const name = text(element);
      if (FUNCTIONS.has(name)) return `\\${name}`;
      if ([...name].length <= 1) return name ? symbol(name) : '';
      return `\\mathrm{${escapeText(name)}}`;
    }
    case 'mn':
      return escapeText(text(element));
    case 'mo': {
      const operator = text(element);
      if (FUNCTIONS.has(operator)) return `\\${operator}`;
      return [...operator].map(symbol).join('');
    }
    case 'mtext':
      return text(element) ? `\\text{${escapeText(element.textContent ?? '')}}` : '';
    case 'mspace':
      return '\\ ';
    case 'msup':
      return `${group(part(first))}^${group(part(second))}`;
    case 'msub':
      return `${group(part(first))}_${group(part(second))}`;
    case 'msubsup':
      return `${group(part(first))}_${group(part(second))}^${group(part(third))}`;
    case 'mfrac':
      return `\\frac{${part(first)}}{${part(second)}}`;
    case 'msqrt':
      return `\\sqrt{${children(element)}}`;
    case 'mroot':
      return `\\sqrt[${part(second)}]{${part(first)}}`;
    case 'mover': {
      const over = second ? text(second) : '';
      if (ACCENTS[over]) return `${ACCENTS[over]}{${part(first)}}`;
      return isLargeOperator(first) ? `${part(first)}^${group(part(second))}` : `\\overset{${part(second)}}{${part(first)}}`;
    }
    case 'munder':
      return isLargeOperator(first) ? `${part(first)}_${group(part(second))}` : `\\underset{${part(second)}}{${part(first)}}`;
    case 'mtable':
      return `\\begin{matrix}${Array.from(element.querySelectorAll(':scope > *')).map((row) => Array.from(row.querySelectorAll(':scope > *')).map(toTex).join(' & ')).join(' \\\\ ')}\\end{matrix}`;
    case 'mtr':
    case 'mtd':
      return children(element);
    case 'mphantom':
      return '';
    case 'munderover':
      return `${group(part(first))}_${group(part(second))}^${group(part(third))}`;
    default:
      return escapeText(text(element));
  }
}

function isLargeOperator(element: Element | undefined): boolean {
  return !!element && /^(?:[∑∏∫⋃⋂]|lim|max|min|sup|inf)$/.test(text(element));
}

/** The TeX source of a formula, on one line, or '' when it has none. */
export function texOfMath(math: Element): string {
  const tex = math.getAttribute('alttext')?.trim() || toTex(math);
  // Markdown math is one paragraph: TeX comments would swallow the rest of the line once joined.
  return tex.replace(/(^|[^\\])%[^\n]*/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Whether the formula is display math (a block of its own). */
export function isDisplayMath(math: Element): boolean {
  return math.getAttribute('display') === 'block';
}
