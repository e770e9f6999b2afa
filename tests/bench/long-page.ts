/**
 * The benchmark's generated long page: about 30,000 words of article inside about 20,000
 * element nodes of site chrome (navigation, sidebars, ad slots, comments, footer). Always
 * the same page (a fixed pseudo-random sequence), so runs can be compared.
 */

const VOCABULARY = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their ' +
  'been has when who will more no if out so said what up its about into than them can only other new some time could these two may then do first any my now ' +
  'such like our over man me even most made after also did many before must through back years where much your way well down should because each just those ' +
  'people how too little state good very make world still own see men work long get here between both life being under never day same another know while last ' +
  'might us great old year off come since against go came right used take three reader article paragraph evidence history policy research market system'
).split(' ');

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface LongPage {
  html: string;
  articleWords: number;
}

export function longPage(scale = 1): LongPage {
  const next = random(20240601);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  let articleWords = 0;
  const words = (count: number, inArticle = false): string => {
    if (inArticle) articleWords += count;
    return Array.from({ length: count }, () => pick(VOCABULARY)).join(' ');
  };
  const sentence = (count: number): string => {
    const text = words(count, true);
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long read: a generated article for the Readmark benchmark</title>');
  out.push('<meta name="author" content="Bench Writer"><meta property="og:site_name" content="Bench Daily"><meta name="description" content="A very long generated article.">');
  out.push('<style>body{font:16px/1.5 sans-serif;margin:0}.nav li{display:inline-block;margin:0 4px}.sidebar{float:right;width:280px}.ad-slot{min-height:90px;background:#eee}.sr-only{position:absolute;left:-9999px}.hidden{display:none}.sticky-bar{position:sticky;top:0;background:#fff}.comment{margin-left:20px;border-left:1px solid #ccc}</style></head><body>');

  // Site chrome before the article: a mega-menu.
  out.push('<header class="site-header sticky-bar"><a class="logo" href="/">Bench Daily</a><nav class="nav"><ul>');
  for (let section = 0; section < 90 * scale; section++) {
    out.push(`<li class="menu-item"><a href="/section/${section}">${words(2)}</a><ul class="submenu hidden">`);
    for (let item = 0; item < 12; item++) out.push(`<li><a href="/section/${section}/${item}"><span>${words(2)}</span></a></li>`);
    out.push('</ul></li>');
  }
  out.push('</ul></nav><form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Go</button></form></header>');
  out.push('<div class="cookie-banner" style="position:fixed;bottom:0;left:0;right:0;background:#333;color:#fff">We use cookies. <button>Accept</button></div>');

  out.push('<div class="layout"><aside class="sidebar"><h3>Most read</h3><ol>');
  for (let item = 0; item < 1000 * scale; item++) {
    out.push(`<li class="teaser"><a href="/story/${item}"><img src="/bench-img/thumb-${item % 50}.png" width="80" height="60" alt=""><span class="teaser-title">${words(7)}</span></a><span class="teaser-meta"><time>2024-05-${String((item % 28) + 1).padStart(2, '0')}</time></span></li>`);
  }
  out.push('</ol></aside>');

  // The article.
  out.push('<main><article class="post"><header><h1 class="entry-title">The long read: a generated article for the Readmark benchmark</h1>');
  out.push('<p class="byline">By <a rel="author" href="/authors/bench">Bench Writer</a> · <time datetime="2024-06-01">June 1, 2024</time></p></header><div class="entry-content">');
  const target = 30000 * scale;
  let section = 0;
  while (articleWords < target) {
    section++;
    out.push(`<h2 id="s${section}">${sentence(6).slice(0, -1)}</h2>`);
    for (let paragraph = 0; paragraph < 4; paragraph++) {
      out.push(`<p>${sentence(14)} <em>${words(4, true)}</em> ${sentence(12)} <a href="/ref/${section}-${paragraph}">${words(3, true)}</a> ${sentence(16)}</p>`);
    }
    if (section % 5 === 0) out.push(`<blockquote><p>${sentence(30)}</p></blockquote>`);
    if (section % 7 === 0) out.push(`<ul>${Array.from({ length: 5 }, () => `<li>${sentence(10)}</li>`).join('')}</ul>`);
    if (section % 11 === 0) {
      out.push(`<table><thead><tr><th>${words(1, true)}</th><th>${words(1, true)}</th><th>${words(1, true)}</th></tr></thead><tbody>`);
      for (let row = 0; row < 6; row++) out.push(`<tr><td>${words(2, true)}</td><td>${row * 17}</td><td>${words(3, true)}</td></tr>`);
      out.push('</tbody></table>');
    }
    if (section % 13 === 0) out.push(`<pre><code class="language-js">const value${section} = compute(${section});\nconsole.log(value${section});</code></pre>`);
    if (section % 6 === 0) out.push(`<figure><img src="/bench-img/figure-${section}.png" width="640" height="360" alt="${words(4)}"><figcaption>${sentence(9)}</figcaption></figure>`);
    if (section % 4 === 0) out.push(`<div class="ad-slot" id="ad-${section}" data-ad-slot="${section}"><div class="ad-label">Advertisement</div><iframe src="about:blank" width="300" height="250" title="ad"></iframe></div>`);
    if (section % 9 === 0) out.push(`<aside class="related-inline"><h4>Related</h4><ul>${Array.from({ length: 4 }, (_, item) => `<li><a href="/story/r${section}-${item}">${words(6)}</a></li>`).join('')}</ul></aside>`);
  }
  out.push('</div><footer class="entry-footer"><div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div><ul class="tags">');
  for (let tag = 0; tag < 30; tag++) out.push(`<li><a href="/tag/${tag}">${words(1)}</a></li>`);
  out.push('</ul></footer></article>');

  // Comments.
  out.push('<section id="comments" class="comments"><h2>Comments</h2>');
  for (let comment = 0; comment < 600 * scale; comment++) {
    out.push(`<div class="comment" id="c${comment}"><div class="comment-meta"><img class="avatar" src="/bench-img/avatar-${comment % 20}.png" width="32" height="32" alt=""><span class="author">${words(2)}</span><time>${comment % 24}h ago</time></div><div class="comment-body"><p>${words(12)}</p></div><div class="comment-actions"><button>Reply</button><button>Like</button></div>`);
    if (comment % 3 === 0) out.push(`<div class="comment reply"><div class="comment-body"><p>${words(8)}</p></div></div>`);
    out.push('</div>');
  }
  out.push('</section></main></div>');

  // Footer: a link farm.
  out.push('<footer class="site-footer"><div class="footer-columns">');
  for (let column = 0; column < 30 * scale; column++) {
    out.push(`<div class="footer-column"><h4>${words(2)}</h4><ul>`);
    for (let link = 0; link < 40; link++) out.push(`<li><a href="/f/${column}/${link}">${words(2)}</a></li>`);
    out.push('</ul></div>');
  }
  out.push('</div><p class="copyright">© Bench Daily</p><span class="sr-only">Skip to top</span></footer></body></html>');
  return { html: out.join('\n'), articleWords };
}
