import { visit } from 'unist-util-visit';
import { codeIn, type CodeFinding, type MdxNode } from '../../content/article-code.ts';
import type { CheckContext, CheckedArticle, Rule } from '../types.ts';

// four rules read the same findings: each article's tree is walked once
const cache = new WeakMap<CheckedArticle, (CodeFinding & { position: { line: number; column: number } })[]>();

function findingsOf(article: CheckedArticle, context: CheckContext) {
  let found = cache.get(article);
  if (found) return found;
  found = [];
  if (article.tree) {
    const list = found;
    visit(article.tree, (node) => {
      for (const finding of codeIn(node as MdxNode, context.urlSchemes)) list.push({ ...finding, position: node.position?.start ?? { line: 1, column: 1 } });
    });
  }
  cache.set(article, found);
  return found;
}

function codeRule(id: CodeFinding['rule'], description: string): Rule {
  return {
    id,
    severity: 'error',
    description,
    check(context, report) {
      for (const article of context.articles) {
        for (const finding of findingsOf(article, context)) if (finding.rule === id) report(article, finding.position, finding.message, finding.hint);
      }
    },
  };
}

export const articleEsm = codeRule('article-esm', 'Articles are data: no `import` or `export` lines (the components need no import).');
export const articleExpression = codeRule(
  'article-expression',
  "Articles are data: only comments `{/* */}` and literal attribute values (`to={3}`, `collect={['Logs']}`) may use curly braces.",
);
export const articleHtml = codeRule('article-html', 'Articles are data: no <script>, <style>, frames, forms or on… event handlers.');
export const urlScheme = codeRule(
  'url-scheme',
  'Links and images use relative URLs or an allowed scheme (http, https, mailto, tel; kb({ urlSchemes }) adds more); never javascript:, data: or vbscript:.',
);

export const mdFile: Rule = {
  id: 'md-file',
  severity: 'error',
  description: 'Articles are .mdx files: a .md file would be rendered as plain Markdown, where <Internal> hides nothing.',
  check({ articles }, report) {
    for (const article of articles) {
      if (!article.file.endsWith('.md')) continue;
      report(
        article,
        { line: 1, column: 1 },
        `Unexpected Markdown file \`${article.path}\`, expected an \`.mdx\` article`,
        'Rename the file to .mdx. The site builds only .mdx articles; in plain Markdown <Internal> and the other components would not work.',
      );
    }
  },
};
