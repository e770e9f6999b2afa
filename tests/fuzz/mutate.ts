// Seeded mutations of real pages into hostile ones: the same seed gives the same pages.

/** mulberry32: a tiny, well-mixed 32-bit PRNG; deterministic for a seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Script-injection fragments: handlers, script URLs, frames, SVG/MathML and mXSS tricks. */
export const INJECTIONS = [
  '<p onclick="alert(1)" onmouseover=alert(2)>click</p>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">js link</a>',
  '<a href=" JaVaScRiPt:alert(1)">spaced js</a>',
  '<a href="java&#x09;script:alert(1)">tab js</a>',
  '<a href="vbscript:msgbox(1)">vb link</a>',
  '<img src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button><input type=submit formaction=javascript:alert(3)></form>',
  '<svg><a xlink:href="javascript:alert(1)"><text>svg link</text></a><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<script>alert(1)</script>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<video poster="javascript:alert(1)" src="javascript:alert(2)"></video>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<math href="javascript:alert(1)">math link</math>',
  '<svg><animate attributeName=href values=javascript:alert(1) /><set attributeName=onmouseover to=alert(1) /></svg>',
  '<details open ontoggle=alert(1)><summary>s</summary></details>',
  '<template><script>alert(1)</script></template>',
  '<p><a href="&#106;avascript:alert(1)">entity js</a></p>',
  '<img srcset="javascript:alert(1) 1x, x.png 2x">',
  '<blockquote cite="javascript:alert(1)">quote</blockquote>',
];

const UNCLOSED = ['<div>', '<span>', '<p>', '<table><tr><td>', '<ul><li>', '<b><i>', '<a href="/x">', '<pre>', '<select>', '<textarea>', '<title>', '<style>', '<!--', '<svg>', '<math>'];

export type Mutation = 'truncate' | 'inject' | 'unclosed' | 'deep' | 'long-word' | 'invalid-bytes';
export const MUTATIONS: Mutation[] = ['truncate', 'inject', 'unclosed', 'deep', 'long-word', 'invalid-bytes'];

export interface MutatedPage {
  bytes: Uint8Array;
  mutations: Mutation[];
}

const encoder = new TextEncoder();

function insertAt(bytes: Uint8Array, at: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}

/** One to three mutations of `page`, drawn from `random`. */
export function mutate(page: Uint8Array, random: () => number): MutatedPage {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const position = (bytes: Uint8Array) => Math.floor(random() * (bytes.length + 1));
  const count = 1 + Math.floor(random() * 3);
  let bytes = page;
  const mutations: Mutation[] = [];
  for (let index = 0; index < count; index++) {
    const mutation = pick(MUTATIONS);
    mutations.push(mutation);
    switch (mutation) {
      case 'truncate':
        bytes = bytes.subarray(0, position(bytes));
        break;
      case 'inject':
        for (let n = 1 + Math.floor(random() * 5); n > 0; n--) bytes = insertAt(bytes, position(bytes), encoder.encode(pick(INJECTIONS)));
        break;
      case 'unclosed':
        for (let n = 1 + Math.floor(random() * 8); n > 0; n--) bytes = insertAt(bytes, position(bytes), encoder.encode(pick(UNCLOSED)));
        break;
      case 'deep':
        bytes = insertAt(bytes, position(bytes), encoder.encode(pick(['<div>', '<span>', '<div><p>x', '<section>', '<b>']).repeat(1_000 + Math.floor(random() * 4_001))));
        break;
      case 'long-word':
        bytes = insertAt(bytes, position(bytes), encoder.encode(pick(['a', 'word', '中', '&amp;']).repeat(200_000).slice(0, 200_000)));
        break;
      case 'invalid-bytes': {
        const noise = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => pick([0x80, 0xbf, 0xc0, 0xc1, 0xe2, 0xed, 0xf4, 0xf5, 0xfe, 0xff, 0x00]));
        for (let n = 1 + Math.floor(random() * 6); n > 0; n--) bytes = insertAt(bytes, position(bytes), noise);
        break;
      }
    }
  }
  return { bytes, mutations };
}
