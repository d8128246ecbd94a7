import { positionOfKey } from '../../content/parse-article.ts';
import { canonicalErrorCode } from '../../error-codes.ts';
import { hasPublicContent, sections } from '../sections.ts';
import type { Rule } from '../types.ts';

export const publicResolution: Rule = {
  id: 'public-resolution',
  severity: 'error',
  description: 'A public article has a Resolution (Lösung) section a customer can follow, not only inside <Internal>.',
  check({ articles }, report) {
    for (const article of articles) {
      if (!article.tree || article.data?.audience !== 'public') continue;
      const resolution = sections(article.tree).find((s) => s.name === 'resolution');
      const lang = article.data.lang;
      const heading = lang === 'de' ? 'Lösung' : 'Resolution';
      if (!resolution) {
        report(
          article,
          { line: article.parsed.bodyStartLine, column: 1 },
          `Missing \`## ${heading}\` section, expected one in a public article`,
          'Customers need steps they can follow themselves: add the section, or make the article internal.',
        );
      } else if (!hasPublicContent(resolution.nodes)) {
        report(
          article,
          resolution,
          `Unexpected \`## ${resolution.heading}\` with content only for agents, expected steps a customer can follow`,
          'Everything inside <Internal> is removed from the public site; add public steps or make the article internal.',
        );
      }
    }
  },
};

export const escalationRequired: Rule = {
  id: 'escalation-required',
  severity: 'error',
  description: 'An article at level 2 or 3 states when to escalate (frontmatter `escalation` or an Escalation section).',
  check({ articles }, report) {
    for (const article of articles) {
      const data = article.data;
      if (!data || data.level === 1 || data.escalation) continue;
      const section = article.tree && sections(article.tree).find((s) => s.name === 'escalation');
      if (section && hasPublicContent(section.nodes)) continue;
      report(
        article,
        positionOfKey(article.parsed, ['level']),
        `Missing escalation for a level ${data.level} article, expected \`escalation:\` in the frontmatter or a \`## ${data.lang === 'de' ? 'Eskalation' : 'Escalation'}\` section`,
        'Say when to hand over, to which level, and what to collect first: `escalation: { when: …, to: 3, collect: [...] }`.',
      );
    }
  },
};

export const kcsSection: Rule = {
  id: 'kcs-section',
  severity: 'warning',
  description: 'Articles follow the KCS structure: Symptom, Cause, Resolution (Symptom, Ursache, Lösung).',
  check({ articles }, report) {
    const names = { en: { symptom: 'Symptom', cause: 'Cause', resolution: 'Resolution' }, de: { symptom: 'Symptom', cause: 'Ursache', resolution: 'Lösung' } };
    for (const article of articles) {
      if (!article.tree || !article.data) continue;
      const found = new Set(sections(article.tree).map((s) => s.name));
      for (const [key, heading] of Object.entries(names[article.data.lang])) {
        // a missing public resolution is an error of its own rule
        if (key === 'resolution' && article.data.audience === 'public') continue;
        if (found.has(key as 'symptom')) continue;
        report(
          article,
          { line: article.parsed.bodyStartLine, column: 1 },
          `Missing \`## ${heading}\` section, expected the KCS structure`,
          'Use the headings Symptom, Environment, Cause, Resolution, Escalation (German: Symptom, Umgebung, Ursache, Lösung, Eskalation).',
        );
      }
    }
  },
};

export const errorCodeUnused: Rule = {
  id: 'error-code-unused',
  severity: 'info',
  description: 'Error codes in the frontmatter also appear in the text, where readers see them.',
  check({ articles }, report) {
    for (const article of articles) {
      if (!article.tree || !article.data) continue;
      const text = `${article.data.title} ${article.data.summary} ${article.parsed.body}`.toUpperCase();
      article.data.error_codes.forEach((code, index) => {
        if (text.includes(canonicalErrorCode(code))) return;
        report(
          article,
          positionOfKey(article.parsed, ['error_codes', index]),
          `Unexpected error code \`${code}\` that the text never mentions, expected it in the Symptom section`,
          'Show the code where the symptom is described: <ErrorCode code="…" />.',
        );
      });
    }
  },
};
