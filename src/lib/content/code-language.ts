import { createRequire } from 'node:module';

/**
 * The Prism language a fenced code block is highlighted with. Articles carry the names their
 * sources used: DocFX writes `cmd`, `console`, `output`, `azurecli`, `ps`, and authors make typos
 * (`powersehll`). Prism knows none of them and warns once per block during the build; the block
 * was shown plain anyway. A known alias becomes its Prism language, anything else Prism does not
 * know is shown as plain text, quietly.
 */

interface PrismComponents {
  languages: Record<string, { alias?: string | string[] } | string>;
}

/** Names Prism has a grammar for (its components list: every language and alias). */
const PRISM_NAMES: ReadonlySet<string> = (() => {
  const components = createRequire(import.meta.url)('prismjs/components.json') as PrismComponents;
  // Prism's core defines the plain-text names; Astro's Prism integration adds `astro`
  const names = new Set(['plain', 'plaintext', 'text', 'txt', 'astro']);
  for (const [name, entry] of Object.entries(components.languages)) {
    if (name === 'meta' || typeof entry === 'string') continue;
    names.add(name);
    for (const alias of [entry.alias ?? []].flat()) names.add(alias);
  }
  return names;
})();

/** Names sources use for a language Prism knows under another name. */
const ALIASES: Readonly<Record<string, string>> = {
  cmd: 'batch',
  bat: 'batch',
  console: 'shell-session',
  ps: 'powershell',
  ps1: 'powershell',
  azurepowershell: 'powershell',
  'azurepowershell-interactive': 'powershell',
  azurecli: 'bash',
  'azurecli-interactive': 'bash',
  vbs: 'visual-basic',
  excel: 'excel-formula',
};

/** The Prism language for a code block's language name (`plaintext` when Prism has none). */
export function codeLanguage(name: string | undefined): string {
  const lang = (name ?? '').trim().toLowerCase();
  if (!lang) return 'plaintext';
  const alias = ALIASES[lang];
  if (alias) return alias;
  return PRISM_NAMES.has(lang) ? lang : 'plaintext';
}
