import { loadKbConfig } from '../../src/lib/config.ts';
import { dayOfRun, isoDay } from '../../src/lib/dates.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { isLang, isLevel, type Lang, type Level } from '../../src/lib/levels.ts';
import { ArticleExistsError, createArticle, type Answers } from '../../src/lib/authoring/create.ts';
import { gitAuthor } from '../../src/lib/authoring/owner.ts';
import { askOnTerminal, PromptCancelled, type Ask } from '../../src/lib/authoring/prompt.ts';
import { parseMapOptions } from '../../src/lib/tickets/read.ts';
import { readTicket } from '../../src/lib/authoring/ticket-source.ts';

export interface NewFlags {
  title?: string;
  level?: string;
  audience?: string;
  product?: string;
  lang?: string;
  tags?: string;
  slug?: string;
  owner?: string;
  translationOf?: string;
  fromTicket?: string;
  tickets?: string;
  preset?: string;
  map?: string[];
  today?: string;
  dryRun?: boolean;
}

class UsageError extends Error {}

function parseLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  const level = Number(value);
  if (!isLevel(level)) throw new UsageError(`Unexpected --level ${value}, expected 1, 2 or 3`);
  return level;
}

function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (!isLang(value)) throw new UsageError(`Unexpected --lang ${value}, expected en or de`);
  return value;
}

function parseAudience(value: string | undefined): Answers['audience'] | undefined {
  if (value === undefined) return undefined;
  if (value !== 'public' && value !== 'internal') throw new UsageError(`Unexpected --audience ${value}, expected public or internal`);
  return value;
}

/** `kb new`: returns the exit code (0 written, 1 refused, 2 usage). */
export async function runNew(
  flags: NewFlags,
  ask: Ask = askOnTerminal,
  interactive = process.stdin.isTTY === true && process.stdout.isTTY === true,
): Promise<number> {
  try {
    const config = await loadKbConfig();
    const taxonomy = readTaxonomy(config.contentDir);
    const known: Partial<Answers> = {};
    let translationKey: string | undefined;
    let errorCodes: string[] | undefined;
    let tags = flags.tags
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (flags.translationOf) {
      const source = (await readArticles(config.contentDir, config.root)).find((a) => a.id === flags.translationOf);
      if (!source?.data) throw new UsageError(`--translation-of ${flags.translationOf}: no valid article with that id (ids look like de/drucker-offline)`);
      Object.assign(known, {
        level: source.data.level,
        product: source.data.product,
        audience: source.data.audience,
        lang: source.data.lang === 'de' ? 'en' : 'de',
      });
      translationKey = source.data.translation_key ?? source.id.split('/').slice(1).join('/');
      errorCodes = source.data.error_codes;
      tags ??= source.data.tags;
      if (!source.data.translation_key) console.log(`Add \`translation_key: ${translationKey}\` to ${source.path} so both versions are paired.`);
    }
    let today: string;
    try {
      today = isoDay(dayOfRun(flags.today));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const level = parseLevel(flags.level);
    const lang = parseLang(flags.lang);
    const audience = parseAudience(flags.audience);
    if (flags.title) known.title = flags.title;
    if (level) known.level = level;
    if (lang) known.lang = lang;
    if (audience) known.audience = audience;
    if (flags.product) known.product = flags.product;
    if (flags.fromTicket && !flags.tickets) throw new UsageError('--from-ticket needs --tickets FILE (the ticket export)');
    const ticket =
      flags.fromTicket && flags.tickets
        ? await readTicket(flags.tickets, flags.fromTicket, { preset: flags.preset, map: parseMapOptions(flags.map ?? []) })
        : undefined;
    if (ticket && !known.title && ticket.title) known.title = ticket.title;
    const missing = (['title', 'level', 'audience', 'product', 'lang'] as const).filter((key) => known[key] === undefined);
    let answers: Answers;
    if (missing.length === 0) answers = known as Answers;
    else if (interactive) answers = await ask(known, taxonomy);
    else throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`);
    const { path, content } = await createArticle({
      ...answers,
      contentDir: config.contentDir,
      root: config.root,
      taxonomy,
      today,
      owner: flags.owner ?? gitAuthor(config.root),
      slug: flags.slug,
      tags,
      translationKey,
      errorCodes,
      ticket,
      dryRun: flags.dryRun,
    });
    if (flags.dryRun) {
      console.log(content);
      return 0;
    }
    console.log(`Wrote ${path} (state: draft).

Next:
  1. Fill in the sections (replace the {/* … */} guidance).
  2. npx kb check ${path}
  3. Set state: validated, commit on a branch and open a pull request; CODEOWNERS asks the product owners to review.`);
    return 0;
  } catch (error) {
    if (error instanceof ArticleExistsError || error instanceof PromptCancelled) {
      console.error(error.message);
      return 1;
    }
    console.error((error as Error).message);
    return 2;
  }
}
