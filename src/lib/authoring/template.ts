import type { Lang, Level } from '../levels.ts';

export interface NewArticle {
  title: string;
  summary?: string | undefined;
  level: Level;
  audience: 'public' | 'internal';
  product: string;
  lang: Lang;
  tags: string[];
  owner: string;
  today: string;
  tickets: string[];
  translationKey?: string | undefined;
  errorCodes?: string[] | undefined;
  /** Prefilled section text (from a ticket): already redacted and written as inert MDX (inert-mdx.ts). */
  symptom?: string | undefined;
  environment?: string | undefined;
}

const HEADINGS: Record<Lang, [string, string, string, string, string]> = {
  en: ['Symptom', 'Environment', 'Cause', 'Resolution', 'Escalation'],
  de: ['Symptom', 'Umgebung', 'Ursache', 'Lösung', 'Eskalation'],
};

const GUIDE: Record<
  Lang,
  { summary: string; symptom: string; environment: string; cause: string; resolution: string; escalation: string; when: string; collect: string }
> = {
  en: {
    summary: 'One or two sentences: what happens and what this article fixes.',
    symptom: 'What the user sees, in their words: messages, error codes (<ErrorCode code="…" />), when it happens.',
    environment: 'Products, versions and settings where this applies.',
    cause: 'Why it happens, as far as known.',
    resolution: 'The steps, in the order to follow them. Put agent-only steps in <Internal>.',
    escalation: 'When these steps do not help: who takes over and what they need.',
    when: 'Describe when to hand the case over.',
    collect: 'What to collect before handing over',
  },
  de: {
    summary: 'Ein, zwei Sätze: was passiert und was dieser Artikel behebt.',
    symptom: 'Was die Nutzerin oder der Nutzer sieht, in ihren Worten: Meldungen, Fehlercodes (<ErrorCode code="…" />), wann es auftritt.',
    environment: 'Produkte, Versionen und Einstellungen, für die das gilt.',
    cause: 'Warum es passiert, soweit bekannt.',
    resolution: 'Die Schritte in der Reihenfolge, in der sie auszuführen sind. Schritte nur für Agents gehören in <Internal>.',
    escalation: 'Wenn die Schritte nicht helfen: wer übernimmt und was gebraucht wird.',
    when: 'Beschreiben Sie, wann der Fall übergeben wird.',
    collect: 'Was vor der Übergabe zu sammeln ist',
  },
};

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** The article file: frontmatter (state: draft) and the KCS sections with guidance to replace. */
export function renderArticle(article: NewArticle): string {
  const g = GUIDE[article.lang];
  const [symptom, environment, cause, resolution, escalation] = HEADINGS[article.lang];
  const escalateTo = article.level === 1 ? 2 : 3;
  const lines = [
    '---',
    `title: ${yamlString(article.title)}`,
    `summary: ${yamlString(article.summary ?? g.summary)}`,
    `level: ${article.level}`,
    `audience: ${article.audience}`,
    'state: draft',
    `product: ${article.product}`,
    `tags: [${article.tags.join(', ')}]`,
    `error_codes: [${(article.errorCodes ?? []).map(yamlString).join(', ')}]`,
    `owner: ${yamlString(article.owner)}`,
    `reviewed: ${article.today}`,
    `tickets: [${article.tickets.map(yamlString).join(', ')}]`,
    `lang: ${article.lang}`,
    ...(article.translationKey ? [`translation_key: ${article.translationKey}`] : []),
    'escalation:',
    `  when: ${yamlString(g.when)}`,
    `  to: ${escalateTo}`,
    `  collect: [${yamlString(g.collect)}]`,
    '---',
    '',
    `## ${symptom}`,
    '',
    article.symptom ?? `{/* ${g.symptom} */}`,
    '',
    `## ${environment}`,
    '',
    article.environment ?? `{/* ${g.environment} */}`,
    '',
    `## ${cause}`,
    '',
    `{/* ${g.cause} */}`,
    '',
    `## ${resolution}`,
    '',
    '<Steps>',
    '1. …',
    '2. …',
    '</Steps>',
    '',
    `## ${escalation}`,
    '',
    `{/* ${g.escalation} */}`,
    '',
  ];
  return lines.join('\n');
}
