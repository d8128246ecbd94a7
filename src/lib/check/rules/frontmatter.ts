import { positionOfKey, yamlOffsetToPosition } from '../../content/parse-article.ts';
import { schemaMessage } from '../schema-message.ts';
import type { Rule } from '../types.ts';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  description: 'Frontmatter must be valid YAML.',
  check({ articles }, report) {
    for (const article of articles) {
      const seen = new Set<number>();
      for (const error of article.parsed.yaml?.errors ?? []) {
        // one message per place: the YAML parser often reports a second, consequential error there
        if (seen.has(error.pos[0])) continue;
        seen.add(error.pos[0]);
        const position = yamlOffsetToPosition(article.parsed, error.pos[0]);
        const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
        report(
          article,
          position,
          `Unexpected YAML: ${reason}`,
          'Check indentation, quotes and colons; quote values that contain `: ` or start with `@`, `{` or `[`.',
        );
      }
    }
  },
};

export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  severity: 'error',
  description: 'Every article starts with a YAML frontmatter block between `---` lines.',
  check({ articles }, report) {
    for (const article of articles) {
      if (article.parsed.yaml) continue;
      report(
        article,
        { line: 1, column: 1 },
        'Unexpected start of file, expected frontmatter between `---` lines',
        'Start the file with `---`, the fields (title, summary, level, audience, product, owner, lang), then `---`. `npx kb new` writes a template.',
      );
    }
  },
};

export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  description: 'Frontmatter fields must match the article schema (src/lib/schema/article.ts).',
  check({ articles }, report) {
    for (const article of articles) {
      const { yaml, raw } = article.parsed;
      if (!yaml || yaml.errors.length) continue;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        report(
          article,
          { line: 2, column: 1 },
          'Unexpected frontmatter, expected `key: value` lines',
          'Write one field per line, for example `title: Printer shows as offline`.',
        );
        continue;
      }
      for (const issue of article.issues) {
        const { message, hint } = schemaMessage({ ...issue.detail, path: issue.path, message: issue.message }, raw);
        report(article, issue.position, message, hint);
      }
    }
  },
};

export const langFolder: Rule = {
  id: 'lang-folder',
  severity: 'error',
  description: 'An article lives in the folder of its language (content/articles/<lang>/).',
  check({ articles }, report) {
    for (const article of articles) {
      const folder = article.id.split('/')[0];
      if (!article.data || folder === article.data.lang) continue;
      report(
        article,
        positionOfKey(article.parsed, ['lang']),
        `Unexpected \`lang\` value \`${article.data.lang}\` in folder \`${folder}\`, expected \`${folder}\``,
        `Move the file to content/articles/${article.data.lang}/ or correct \`lang\`.`,
      );
    }
  },
};

export const escalationLevel: Rule = {
  id: 'escalation-level',
  severity: 'error',
  description: 'An escalation never goes down: to a higher level, or within level 3 (to development or a vendor).',
  check({ articles }, report) {
    for (const article of articles) {
      const data = article.data;
      if (!data?.escalation || data.escalation.to >= data.level) continue;
      report(
        article,
        positionOfKey(article.parsed, ['escalation', 'to']),
        `Unexpected \`escalation.to\` value \`${data.escalation.to}\` for a level ${data.level} article, expected ${data.level === 2 ? '2 or 3' : '3'}`,
        'Escalation hands the case up: to the next level, or for level 3 articles to development or the vendor (to: 3).',
      );
    }
  },
};
