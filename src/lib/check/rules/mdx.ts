import { visit } from 'unist-util-visit';
import type { Rule } from '../types.ts';
import { ARTICLE_COMPONENTS } from '../../content/article-components.ts';

/** The components every article may use (src/lib/content/article-components.ts). */
export const KNOWN_COMPONENTS: ReadonlySet<string> = new Set(ARTICLE_COMPONENTS);

export const mdxSyntax: Rule = {
  id: 'mdx-syntax',
  severity: 'error',
  description: 'The body must be valid MDX.',
  check({ articles }, report) {
    for (const article of articles) {
      const error = article.parseError;
      if (!error) continue;
      let hint =
        'MDX is Markdown with JSX: close every tag, escape `{`, `}` and `<` in text as `\\{`, `\\}` and `&lt;`, and use `{/* */}` instead of `<!-- -->`.';
      if (/before name|`!`/.test(error.message)) hint = 'HTML comments `<!-- -->` are not valid MDX: use `{/* comment */}`.';
      else if (/closing tag|end of file/i.test(error.message)) hint = 'Close the tag (`</Callout>`), or write a self-closing one (`<ErrorCode code="…" />`).';
      else if (/acorn|expression/i.test(error.message))
        hint = 'Curly braces start a JavaScript expression in MDX: write `\\{` and `\\}` for literal braces, or put code in backticks.';
      if (error.hint) hint = error.hint;
      report(article, error.position, error.message, hint);
    }
  },
};

export const unknownComponent: Rule = {
  id: 'unknown-component',
  severity: 'error',
  description: 'Only the knowledge-base components (Steps, Callout, Internal, ErrorCode, Escalation) may be used.',
  check({ articles }, report) {
    for (const article of articles) {
      if (!article.tree) continue;
      visit(article.tree, (node) => {
        if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
        const name = (node as { name: string | null }).name;
        if (!name || !/^[A-Z]/.test(name) || KNOWN_COMPONENTS.has(name)) return;
        report(
          article,
          node.position?.start ?? { line: 1, column: 1 },
          `Unexpected component \`<${name}>\`, expected one of ${[...KNOWN_COMPONENTS].map((c) => `<${c}>`).join(', ')}`,
          'The site renders only these components; an unknown one breaks the build.',
        );
      });
    }
  },
};

export const internalUnneeded: Rule = {
  id: 'internal-unneeded',
  severity: 'info',
  description: '<Internal> in an internal article changes nothing: the whole article is internal.',
  check({ articles }, report) {
    for (const article of articles) {
      if (!article.tree || article.data?.audience !== 'internal') continue;
      visit(article.tree, (node) => {
        if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as { name: string | null }).name === 'Internal') {
          report(
            article,
            node.position?.start ?? { line: 1, column: 1 },
            'Unexpected `<Internal>` in an internal article, expected it only in public ones',
            'Remove the wrapper; internal articles never reach the public site.',
          );
        }
      });
    }
  },
};
