// Renders a job summary's markdown to a standalone HTML page styled like GitHub's job summary, for the
// README's screenshot (scripts/screenshot.sh). Mermaid blocks are drawn by mermaid in the browser, as
// GitHub does; nothing is fetched from the network.
//   node lib/scripts/render-summary.js SUMMARY.md OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Marked } from 'marked';

const STYLE = `
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .frame { margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .frame > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
  .frame > header small { color: #59636e; font-weight: 400; }
  .markdown-body { padding: 16px 24px; }
  h1, h2, h3 { margin: 20px 0 12px; line-height: 1.25; font-weight: 600; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
  h3 { font-size: 1.25em; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
  code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: .2em .4em; border-radius: 6px; }
  pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
  pre code { background: none; padding: 0; }
  pre.mermaid { background: #fff; text-align: center; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderSummaryHtml(markdown: string, mermaidScriptUrl: string, title: string): string {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      code({ text, lang }) {
        if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        return false;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><div class="frame"><header>${escapeHtml(title)} <small>summary</small></header>
<article class="markdown-body">
${body}
</article></div>
<script src="${mermaidScriptUrl}"></script>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default' });
  mermaid.run().finally(() => { document.body.dataset.height = String(document.documentElement.scrollHeight); });
</script>
</body></html>
`;
}

if (import.meta.main) {
  const [input, output, title = 'stackgate'] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: render-summary SUMMARY.md OUT.html [TITLE]');
    process.exit(2);
  }
  const mermaid = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  writeFileSync(output, renderSummaryHtml(readFileSync(input, 'utf8'), pathToFileURL(mermaid).href, title));
}
