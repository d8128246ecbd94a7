import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

/**
 * Generates a synthetic knowledge base for benchmarks: realistic size and structure (KCS
 * sections, steps, callouts, internal blocks, error codes, links, translation pairs), a
 * deterministic mix of levels, audiences, languages and products.
 */

const WORDS_EN =
  'printer queue spooler driver network switch port vlan dhcp scope lease dns resolver zone record mailbox exchange transport queue certificate expiry renewal password reset account lockout policy token session browser cache proxy firewall rule vpn tunnel client gateway database backup restore replica failover cluster node disk volume snapshot latency timeout service restart registry profile update patch rollback hotfix installer package deployment license activation'.split(
    ' ',
  );
const WORDS_DE =
  'Drucker Warteschlange Treiber Netzwerk Switch Anschluss Adresse Bereich Namensauflösung Postfach Zertifikat Ablauf Erneuerung Kennwort Konto Sperrung Richtlinie Sitzung Browser Zwischenspeicher Firewall Regel Tunnel Datenbank Sicherung Wiederherstellung Replikat Cluster Knoten Festplatte Laufwerk Zeitüberschreitung Dienst Neustart Profil Aktualisierung Hotfix Installation Paket Verteilung Lizenz Aktivierung Anmeldung Berechtigung Freigabe'.split(
    ' ',
  );
const PRODUCTS = ['accounts', 'workplace', 'printing', 'network', 'mail', 'business-apps', 'database', 'platform'];
const TAGS = [
  'password',
  'installation',
  'printer',
  'vpn',
  'dns',
  'dhcp',
  'outlook',
  'update',
  'backup',
  'performance',
  'outage',
  'certificates',
  'permissions',
];
const HEADINGS = {
  en: ['Symptom', 'Environment', 'Cause', 'Resolution', 'Escalation'],
  de: ['Symptom', 'Umgebung', 'Ursache', 'Lösung', 'Eskalation'],
};

const CORPORA = {
  en: resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus/officedocs-support'),
  de: resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus/intune-de'),
};

/**
 * Real support prose from the shared corpus (read in place), so benchmark articles have a
 * realistic vocabulary and term distribution; markup is stripped to keep the text valid MDX.
 */
async function corpusText(lang: 'en' | 'de' = 'en'): Promise<{ titles: string[]; paragraphs: string[] }> {
  const files = (await glob('**/*.md', { cwd: CORPORA[lang], absolute: true })).sort();
  const titles: string[] = [];
  const paragraphs: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const title = /^title:\s*(.+)$/m
      .exec(text)?.[1]
      ?.replace(/["'{}<>]/g, '')
      .trim();
    if (title) titles.push(title);
    const body = text.replace(/^---[\s\S]*?\n---/, '');
    for (const line of body.split('\n')) {
      const clean = line
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[`*_{}<>|#[\]\\]/g, '')
        .trim();
      if (clean.length > 80 && /^[A-ZÄÖÜ]/.test(clean) && !/^(ms\.|title:|description:)/.test(clean)) paragraphs.push(clean);
    }
  }
  return { titles, paragraphs };
}

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number, words: string[], length = 14): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[Math.floor(random() * words.length)] ?? 'word');
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function paragraph(random: () => number, words: string[], sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(random, words)).join(' ');
}

export interface GeneratedArticle {
  id: string;
  lang: 'en' | 'de';
  level: 1 | 2 | 3;
  audience: 'public' | 'internal';
  errorCode: string;
}

/**
 * Writes `count` articles and a taxonomy into `<dir>/articles/<lang>/` and `<dir>/taxonomy.yaml`.
 * `languages: 'de'` writes German articles only, with real German prose (the Intune corpus), for
 * what grows with German text: compound splitting and its vocabulary.
 */
export async function generateKnowledgeBase(dir: string, count: number, seed = 42, languages: 'en+de' | 'de' = 'en+de'): Promise<GeneratedArticle[]> {
  const random = rng(seed);
  const corpus = await corpusText();
  const german = languages === 'de' ? await corpusText('de') : undefined;
  const real = (k: number, n: number, from = corpus) =>
    Array.from({ length: n }, (_, j) => from.paragraphs[(k * 7 + j * 131) % from.paragraphs.length]).join('\n\n');
  await mkdir(join(dir, 'articles/en'), { recursive: true });
  await mkdir(join(dir, 'articles/de'), { recursive: true });
  await writeFile(
    join(dir, 'taxonomy.yaml'),
    `products:\n${PRODUCTS.map((p) => `  - { id: ${p}, name: { en: ${p} EN, de: ${p} DE }, owners: ['@team-${p}'] }`).join('\n')}\ntags:\n${TAGS.map((t) => `  - { id: ${t}, name: { en: ${t}, de: ${t} } }`).join('\n')}\n`,
  );
  const articles: GeneratedArticle[] = [];
  const publicSlugs: Record<'en' | 'de', string[]> = { en: [], de: [] };
  for (let i = 0; i < count; i++) {
    // pairs: even index English, odd index its German translation, every third pair untranslated
    const pair = Math.floor(i / 2);
    const lang: 'en' | 'de' = german || (i % 2 === 1 && pair % 3 !== 2) ? 'de' : 'en';
    const level = ((pair % 3) + 1) as 1 | 2 | 3;
    const audience = pair % 4 === 3 ? 'internal' : 'public';
    const words = lang === 'en' ? WORDS_EN : WORDS_DE;
    // English articles use real support prose; German ones a German technical vocabulary
    const prose = (n: number) => (german ? real(i, n, german) : lang === 'en' ? real(i, n) : paragraph(random, words, n * 3));
    const title = german
      ? (german.titles[i % german.titles.length] ?? sentence(random, words, 6))
      : lang === 'en'
        ? (corpus.titles[i % corpus.titles.length] ?? sentence(random, words, 6))
        : sentence(random, words, 6).slice(0, -1);
    const h = HEADINGS[lang];
    const slug = `article-${String(i).padStart(5, '0')}`;
    const errorCode = `0x8${String(pair).padStart(7, '0')}`;
    const product = PRODUCTS[pair % PRODUCTS.length] ?? 'platform';
    const tag = TAGS[pair % TAGS.length] ?? 'update';
    // links go to an earlier public article of the same language, so both sites resolve them
    const linkTarget = publicSlugs[lang].at(-1) ?? slug;
    const key = german ? undefined : lang === 'de' || i % 2 === 0 ? (pair % 3 === 2 ? undefined : `pair-${pair}`) : undefined;
    const month = String(1 + (pair % 12)).padStart(2, '0');
    // the title is quoted: a corpus title may read like YAML ("- TITEL DES ARTIKELS | ..." once its colon is replaced)
    const body = `---
title: ${JSON.stringify(`${title.replace(/:/g, ' -')} (${i})`)}
summary: ${sentence(random, words, 16)}
level: ${level}
audience: ${audience}
product: ${product}
tags: [${tag}]
error_codes: ['${errorCode}']
owner: '@team-${product}'
reviewed: 2026-${month}-15
tickets: [INC${String(100000 + pair)}]
lang: ${lang}
${key ? `translation_key: ${key}\n` : ''}escalation:
  when: ${sentence(random, words, 10)}
  to: ${level === 1 ? 2 : 3}
  collect: [${sentence(random, words, 4).slice(0, -1)}]
---

## ${h[0]}

${prose(1)} The error <ErrorCode code="${errorCode}" /> appears.

## ${h[1]}

${prose(1)}

## ${h[2]}

${prose(2)}

## ${h[3]}

<Steps>
1. ${sentence(random, words, 10)}
2. ${sentence(random, words, 12)}
3. ${sentence(random, words, 9)} See [the related article](/${lang}/articles/${linkTarget}/).
4. ${sentence(random, words, 11)}
</Steps>

<Callout type="tip">${sentence(random, words, 12)}</Callout>

${prose(2)}

<Internal>
${paragraph(random, words, 3)}
</Internal>

## ${h[4]}

${paragraph(random, words, 2)}
`;
    await writeFile(join(dir, 'articles', lang, `${slug}.mdx`), body);
    articles.push({ id: `${lang}/${slug}`, lang, level, audience, errorCode });
    if (audience === 'public') publicSlugs[lang].push(slug);
  }
  return articles;
}
