import type { Lang, Level } from '../levels.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { Answers } from './create.ts';

/** Asks for what the flags did not give. Replaceable, so tests can answer instead of a person. */
export type Ask = (known: Partial<Answers>, taxonomy: Taxonomy) => Promise<Answers>;

export class PromptCancelled extends Error {}

/** The interactive questions on a terminal, with @clack/prompts. */
export const askOnTerminal: Ask = async (known, taxonomy) => {
  const p = await import('@clack/prompts');
  function check<T>(value: unknown): T {
    if (p.isCancel(value)) throw new PromptCancelled('Cancelled: no article written.');
    return value as T;
  }
  p.intro('New knowledge-base article');
  const lang =
    known.lang ??
    check<Lang>(
      await p.select<Lang>({
        message: 'Language',
        options: [
          { value: 'en', label: 'English' },
          { value: 'de', label: 'Deutsch' },
        ],
      }),
    );
  const title =
    known.title ??
    check<string>(
      await p.text({
        message: lang === 'de' ? 'Titel (das Symptom, wie Nutzer es beschreiben)' : 'Title (the symptom, as users describe it)',
        validate: (v) => (v && v.trim() ? undefined : 'A title is required'),
      }),
    );
  const level =
    known.level ??
    check<Level>(
      await p.select<Level>({
        message: 'Level: the lowest support level that can apply the fix',
        options: [
          { value: 1, label: '1 · service desk / customers' },
          { value: 2, label: '2 · technical analysis' },
          { value: 3, label: '3 · specialists' },
        ],
      }),
    );
  const audience =
    known.audience ??
    check<'public' | 'internal'>(
      await p.select<'public' | 'internal'>({
        message: 'Audience',
        options: [
          { value: 'public', label: 'public · customers can read it' },
          { value: 'internal', label: 'internal · support staff only' },
        ],
      }),
    );
  const product =
    known.product ??
    check<string>(
      await p.select<string>({ message: 'Product', options: taxonomy.products.map((pr) => ({ value: pr.id, label: pr.name[lang], hint: pr.id })) }),
    );
  return { title: title.trim(), level, audience, product, lang };
};
