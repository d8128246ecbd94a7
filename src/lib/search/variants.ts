/**
 * Word forms that Pagefind's German stemmer (Snowball) does not join, added at index time.
 *
 * Pagefind stems the query and matches every indexed stem that starts with it. Snowball cuts
 * "registrieren" to `registri`, "Registrierung" to `registrier` and leaves "registriert" as
 * `registriert`: a query for "registrieren" finds all three (they start with `registri`), but
 * "registriert" finds only pages that say "registriert", and "Registrierung" misses pages that
 * say "registrieren". Indexing the whole family with every page that has one of its forms joins
 * them: registrieren, registriert, Registrierung (and the -ation noun when the knowledge base
 * uses it: konfigurieren ↔ Konfiguration).
 *
 * Participles with ge- (`angemeldet`, `gelöscht`, `hinzugefügt`) are joined to their
 * infinitive (`anmelden`, `löschen`, `hinzufügen`) and back, when the knowledge base uses both
 * forms: the stemmer keeps the participle whole, so "angemeldet" never matched "anmelden".
 */

/** -ieren verb forms and their -ierung nouns: the stem before `ier`, and the ending. */
const IEREN = /^(.{3,}?)ier(en|e|st|t|te|ten|tes|ter|tem|ung|ungen|bar|bare|baren)$/;
/** -ation nouns of -ieren verbs (Konfiguration, Installation, Authentifikation). */
const ATION = /^(.{3,}?)ation(en)?$/;
/** Past participles with ge-, after an optional separable prefix: an-ge-meldet, ge-löscht, hinzu-ge-fügt. */
const PARTICIPLE = /^(ab|an|auf|aus|bei|ein|fest|her|hin|hinzu|mit|nach|vor|weg|zu|zurück|zusammen)?ge([a-zäöüß]{3,}?)(e?t)$/;
/** Infinitives with an optional separable prefix (same list as above). */
const INFINITIVE = /^(ab|an|auf|aus|bei|ein|fest|her|hin|hinzu|mit|nach|vor|weg|zu|zurück|zusammen)?([a-zäöüß]{3,}?)(e?n)$/;

/**
 * Forms to index with a page for one of its (lower-case) words, not including the word itself.
 * `known` is the knowledge base's vocabulary: forms other than the -ieren family are added
 * only when the knowledge base uses them somewhere, so no invented words reach the index.
 */
export function wordVariants(word: string, known: { has(word: string): boolean }): string[] {
  const out: string[] = [];
  const ieren = IEREN.exec(word);
  // a verb form must be in use ("Papiere" is no form of "papieren")
  const verbal = ieren && (known.has(`${ieren[1]}ieren`) || known.has(`${ieren[1]}iert`) || /ier(en|t|ung)$/.test(word));
  if (ieren && verbal) {
    const stem = ieren[1]!;
    out.push(`${stem}ieren`, `${stem}iert`, `${stem}ierung`);
    if (known.has(`${stem}ation`)) out.push(`${stem}ation`);
  }
  const ation = ATION.exec(word);
  if (ation && known.has(`${ation[1]}ieren`)) {
    const stem = ation[1]!;
    out.push(`${stem}ieren`, `${stem}iert`, `${stem}ierung`);
  }
  const participle = PARTICIPLE.exec(word);
  if (participle && !ieren) {
    const [, prefix = '', root] = participle;
    for (const ending of ['en', 'n']) {
      const infinitive = `${prefix}${root}${ending}`;
      if (known.has(infinitive)) out.push(infinitive);
    }
  }
  const infinitive = INFINITIVE.exec(word);
  if (infinitive && !ieren) {
    const [, prefix = '', root] = infinitive;
    for (const ending of ['t', 'et']) {
      const participleForm = `${prefix}ge${root}${ending}`;
      if (known.has(participleForm)) out.push(participleForm);
    }
  }
  return [...new Set(out)].filter((form) => form !== word);
}
