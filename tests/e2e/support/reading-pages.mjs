// The pages the reading-tools tests serve from 127.0.0.1 (their own server, beside support/pages.mjs).
import { createServer } from 'node:http';

export const SECTIONS = ['Why the bridge matters', 'The first crossing', 'Repairs and money', 'What comes next'];

const paragraph = (section, index) =>
  `<p>${section} note ${index}: the river town kept its old bridge. Every morning the baker, the teacher and the ferryman crossed it on their way to work. They talked about the weather, the harvest and the news from the capital.</p>`;

/** An English article with four sections (h2 and h3), sentences to read aloud and a link to print. */
export const SECTIONS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The old bridge</title>
<meta property="og:site_name" content="Test Gazette"><meta name="author" content="Ada Writer"></head>
<body><nav id="page-nav">PAGE-NAVIGATION <a href="/">Home</a></nav><article><h1>The old bridge</h1>
<p>Short first sentence. A second sentence follows it. See <a href="https://example.org/bridges">the bridge guide</a> for more.</p>
${SECTIONS.map((section, index) => `<${index === 2 ? 'h3' : 'h2'}>${section}</${index === 2 ? 'h3' : 'h2'}>${Array.from({ length: 6 }, (_, n) => paragraph(section, n + 1)).join('')}`).join('\n')}
</article><footer id="page-footer">PAGE-FOOTER</footer></body></html>`;

/** A Chinese article: sentences end at 。！？ with no space after them. */
export const CHINESE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>古桥的故事</title></head>
<body><article><h1>古桥的故事</h1>
${Array.from({ length: 8 }, (_, n) => `<p>第${n + 1}段：小镇保留了那座古老的石桥。每天早上，面包师、老师和船夫都从桥上走过！他们会谈论天气吗？当然会。</p>`).join('\n')}
</article></body></html>`;

const PAGES = { '/sections.html': SECTIONS_PAGE, '/chinese.html': CHINESE_PAGE };

export async function startReadingServer() {
  const server = createServer((request, response) => {
    const body = PAGES[new URL(request.url, 'http://localhost').pathname];
    response.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  let counter = 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** A unique URL per tab: the drivers find a tab by its URL. */
    url: (path) => `http://127.0.0.1:${port}${path}?tab=${++counter}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
