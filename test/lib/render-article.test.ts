import { describe, expect, it } from 'vitest';
import { createArticleRenderer, type ArticleRendererOptions } from '../../src/lib/content/render-article.ts';
import type { Lang } from '../../src/lib/levels.ts';

// Articles are rendered to HTML when the content is loaded (no JavaScript module per article):
// these tests hold the HTML the components, Markdown and code blocks turn into.
async function render(body: string, options: Partial<ArticleRendererOptions> & { lang?: Lang } = {}) {
  const { lang = 'en', ...rest } = options;
  const renderer = await createArticleRenderer({
    audience: 'internal',
    urlSchemes: ['http', 'https', 'mailto'],
    markdown: { syntaxHighlight: { type: 'prism', excludeLangs: ['math'] } },
    ...rest,
  });
  return renderer(`---\ntitle: x\n---\n${body}`, { lang });
}

describe('article components', () => {
  it('renders steps, error codes and callouts titled in the page language', async () => {
    const { html } = await render(
      '<Steps>\n1. Open it.\n</Steps>\n\nCode <ErrorCode code="0x80070005" />.\n\n<Callout type="warning">\nCareful.\n</Callout>\n',
      { lang: 'de' },
    );
    expect(html).toContain('<div class="steps"><ol>\n<li>Open it.</li>\n</ol></div>');
    expect(html).toContain('<code class="error-code">0x80070005</code>');
    expect(html).toContain('<aside class="callout callout-warning" role="note"><p class="callout-title">Warnung</p><p>Careful.</p></aside>');
  });

  it('takes a callout title and defaults to a note', async () => {
    const { html } = await render('<Callout title="Before you start">\nBack up.\n</Callout>\n');
    expect(html).toContain('<aside class="callout callout-note" role="note"><p class="callout-title">Before you start</p>');
  });

  it('shows <Internal> as a titled section to agents', async () => {
    const { html } = await render('<Internal>\nRestart it remotely.\n</Internal>\n');
    expect(html).toContain(
      '<section class="internal-block" aria-label="Internal note"><p class="internal-block-title">Internal note</p><p>Restart it remotely.</p></section>',
    );
  });

  it('renders escalation with literal attributes: the queue and what to collect for agents, what to have ready for customers', async () => {
    const body = '<Escalation to={3} collect={[\'Logs\', "Screen\\"shot"]} product="printing">\nIt fails again.\n</Escalation>\n';
    const agents = await render(body, { queue: (product, level) => (product === 'printing' && level === 3 ? 'Print platform team' : undefined) });
    expect(agents.html).toMatch(
      /^<aside class="escalation" aria-label="When to escalate"><p class="escalation-title" data-pagefind-ignore>Escalate to <strong class="escalation-queue">Print platform team<\/strong> <span class="level-badge level-3"/,
    );
    expect(agents.html).toContain(
      '<p>It fails again.</p><p class="escalation-collect" data-pagefind-ignore>Collect before handing over</p><ul><li>Logs</li><li>Screen"shot</li></ul></aside>',
    );
    const customers = await render(body, { audience: 'public' });
    expect(customers.html).toContain(
      '<aside class="escalation" aria-label="Still not working?"><p class="escalation-title" data-pagefind-ignore>Still not working?</p><p>It fails again.</p><p class="escalation-collect" data-pagefind-ignore>Have this ready when you contact support:</p>',
    );
    expect(customers.html).not.toContain('Print platform team');
  });

  it('keeps plain HTML elements, with JSX attribute spellings as HTML', async () => {
    const { html } = await render(
      'Press <kbd className="key">Ctrl</kbd> and <abbr title="Domain Name System">DNS</abbr>.\n\n<details open>\n<summary>More</summary>\n\nHidden *text*.\n</details>\n',
    );
    expect(html).toContain('Press <kbd class="key">Ctrl</kbd> and <abbr title="Domain Name System">DNS</abbr>.');
    expect(html).toContain('<details open><summary>More</summary><p>Hidden <em>text</em>.</p></details>');
  });

  it('refuses a component the site does not have, as kb check does', async () => {
    await expect(render('<Tabs>\nx\n</Tabs>\n')).rejects.toThrow(/Unexpected component `<Tabs>`.*unknown-component/);
  });
});

describe('Markdown as Astro renders it', () => {
  it('gives headings the ids and list the table of contents reads', async () => {
    const { html, headings } = await render('## Symptom & cause\n\n### Lösung\n\n## Symptom & cause\n');
    expect(html).toContain('<h2 id="symptom--cause">Symptom &amp; cause</h2>');
    expect(headings).toEqual([
      { depth: 2, slug: 'symptom--cause', text: 'Symptom & cause' },
      { depth: 3, slug: 'lösung', text: 'Lösung' },
      { depth: 2, slug: 'symptom--cause-1', text: 'Symptom & cause' },
    ]);
  });

  it('highlights code with Prism classes, never style attributes (the CSP allows no inline styles)', async () => {
    const { html } = await render('```powershell\nGet-Service -Name Spooler\n```\n');
    expect(html).toContain(
      '<pre class="language-powershell" data-language="powershell"><code class="language-powershell"><span class="token function">Get-Service</span>',
    );
    expect(html).not.toMatch(/style=/);
  });

  it('renders GFM tables and smart punctuation', async () => {
    const { html } = await render('| a | b |\n|---|---|\n| 1 | 2 |\n\n"Quoted" -- text...\n');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<p>“Quoted” – text…</p>');
  });

  it('marks local images for Astro to process and reports them', async () => {
    const { html, imagePaths } = await render('![Printer panel](./panel.png)\n');
    expect(imagePaths).toEqual(['./panel.png']);
    expect(html).toMatch(/<img __ASTRO_IMAGE_="[^"]*panel\.png/);
  });
});
