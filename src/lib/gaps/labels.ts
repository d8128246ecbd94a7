import type { Lang } from '../levels.ts';
import { isStopWord, stemOf } from './text.ts';

/**
 * Topic labels people read: words and short phrases as the tickets' titles spell them
 * ("VPN-Störung", "Rechnung Klärung"), never stems or stop words. A phrase is one to three
 * neighbouring title words with no stop word between them; the label is the phrase that most of
 * the topic's titles share and the other topics' titles do not.
 */

/** A title token that can be part of a label, with the key it is counted under (its stem). */
interface Token {
  word: string;
  key: string;
}

// redaction placeholders ("[email]", the titles were redacted when read) and anything in brackets
// break phrases, and are never words
const PLACEHOLDER = /\[[a-z]+\]/g;
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Runs of label words in a title: a stop word, number or punctuation ends a run. */
export function titleRuns(title: string, lang: Lang): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const end = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const piece of title.split(PLACEHOLDER)) {
    let last = 0;
    for (const match of piece.matchAll(TOKEN)) {
      // punctuation that ends a clause (":", ",", "-", "/") between two words ends the run
      if (/[^\s]/.test(piece.slice(last, match.index))) end();
      last = (match.index ?? 0) + match[0].length;
      const word = match[0];
      const parts = word.split(/[-'’]/);
      // a compound counts when one of its parts says something ("VPN-Störung"; not "Support-Team")
      const stems = parts.map((p) =>
        /^\d+$/.test(p) || (p.length < 3 && !/^[A-ZÄÖÜ]{2}$/.test(p)) ? '' : stemOf(p, lang) || (p.length === 2 && !isStopWord(p) ? p.toLowerCase() : ''),
      );
      if (stems.every((s) => !s) || isStopWord(word) || word.length > 40) {
        end();
        continue;
      }
      run.push({ word, key: stems.filter(Boolean).join('-') });
    }
    end();
  }
  return runs;
}

/** Phrases of one to three words in a title, each once: key → spelling. */
function phrasesOf(title: string, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const run of titleRuns(title, lang)) {
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= 3 && i + n <= run.length; n++) {
        const part = run.slice(i, i + n);
        const key = part.map((t) => t.key).join(' ');
        if (!out.has(key)) out.set(key, part.map((t) => t.word).join(' '));
      }
    }
  }
  return out;
}

/** How many titles hold each phrase: the background the labels of all topics are compared with. */
export class PhraseBackground {
  readonly counts = new Map<string, number>();
  titles = 0;

  add(title: string, lang: string): void {
    this.titles++;
    for (const key of phrasesOf(title, lang === 'de' ? 'de' : 'en').keys()) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

/**
 * The label of a topic: its best one- to three-word title phrase, and a second one about
 * something else when it helps ("Drucker / Warteschlange"). Undefined when fewer than two titles
 * share a phrase. A phrase scores by the share of the topic's titles holding it times how rare it
 * is elsewhere; a longer phrase wins when it is almost as common as its parts.
 */
export function labelOf(titles: readonly { text: string; lang: string }[], background: PhraseBackground): string | undefined {
  const df = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const { text, lang } of titles) {
    for (const [key, spelling] of phrasesOf(text, lang === 'de' ? 'de' : 'en')) {
      df.set(key, (df.get(key) ?? 0) + 1);
      const forms = spellings.get(key) ?? new Map<string, number>();
      forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
      spellings.set(key, forms);
    }
  }
  const total = Math.max(1, background.titles);
  const scored = [...df]
    .filter(([, n]) => n >= 2)
    .map(([key, n]) => {
      const words = key.split(' ').length;
      const rarity = Math.log(1 + total / Math.max(n, background.counts.get(key) ?? 0));
      return { key, n, score: (n / titles.length) * rarity * (1 + 0.15 * (words - 1)) };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const best = scored[0];
  if (!best) return undefined;
  const spell = (key: string) => [...(spellings.get(key) as Map<string, number>)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
  const stems = new Set(best.key.split(/[ -]/));
  // a second phrase about something else, when a good share of the titles name it too
  const second = scored.find((s) => s !== best && s.n >= Math.max(2, best.n / 3) && s.key.split(/[ -]/).every((k) => !stems.has(k)));
  return second ? `${spell(best.key)} / ${spell(second.key)}` : spell(best.key);
}
