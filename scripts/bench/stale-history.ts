import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, isoDay } from '../../src/lib/dates.ts';
import { readLifecycle } from '../../src/lib/lifecycle/read.ts';
import { EOL_SOON_DAYS } from '../../src/lib/stale/providers/eol-soon.ts';
import { CORPUS, ROOT, flaggedOn, importDocfx, redirectKind, retiredFromGit, writeSources, type RedirectKind } from './retirement.ts';

/**
 * `npm run bench -- stale-history`: do the lifecycle rules separate what went out of date from
 * what is live? Live articles: ../shared/corpus/officedocs-support imported with the project's
 * DocFX mapping. Retired articles: those the publisher deleted and redirected
 * (.openpublishing.redirection.json), with their last text from the source repository's git
 * history: set KB_OFFICEDOCS_GIT to a clone of MicrosoftDocs/OfficeDocs-Support (its .git folder
 * or a mirror). Each retired article is judged on the day it was retired, and the live corpus on
 * each of those days. Without KB_OFFICEDOCS_GIT only the live share is measured.
 */
export async function run(): Promise<Record<string, number | string>> {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-bench-stale-history-'));
  try {
    let started = performance.now();
    const live = join(work, 'live');
    const liveIds = await importDocfx([CORPUS], live);
    console.log(`imported ${liveIds.size} live articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const result: Record<string, number | string> = { 'live articles': liveIds.size };
    const gitDir = process.env['KB_OFFICEDOCS_GIT'];
    const days = new Map<string, string[]>();
    const kinds = new Map<string, RedirectKind>();
    let retiredFlagged = 0;
    let retiredTotal = 0;
    if (gitDir && existsSync(gitDir)) {
      started = performance.now();
      const retired = retiredFromGit(gitDir, join(CORPUS, '.openpublishing.redirection.json'));
      const sources = join(work, 'retired-src');
      writeSources(sources, retired);
      const ids = await importDocfx([sources], join(work, 'retired'), { history: false });
      const bySource = [...ids];
      for (const item of retired) {
        const id = bySource.find(([source]) => source.endsWith(`/${item.path}`))?.[1];
        if (!id) continue;
        kinds.set(id, redirectKind(item.redirect));
        days.set(item.day, [...(days.get(item.day) ?? []), id]);
      }
      retiredTotal = [...days.values()].reduce((n, list) => n + list.length, 0);
      console.log(`retired: ${retired.length} found in the history, ${retiredTotal} imported (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } else {
      console.log('retired: set KB_OFFICEDOCS_GIT to a clone of MicrosoftDocs/OfficeDocs-Support to measure retired articles');
    }
    const rows: { day: string; retired: number; flagged: number; live: number }[] = [];
    const byKind = new Map<RedirectKind, { total: number; flagged: number }>();
    // lifecycle reasons change only on end days: one run per span between two end days serves every day in it
    const epoch = epochOf(join(ROOT, 'content/lifecycle'));
    const retiredRuns = new Map<string, Set<string>>();
    const liveRuns = new Map<string, number>();
    for (const [day, ids] of [...days].sort()) {
      const key = epoch(day);
      if (!retiredRuns.has(key)) retiredRuns.set(key, new Set((await flaggedOn(join(work, 'retired'), day)).flagged.keys()));
      if (!liveRuns.has(key)) {
        const onDay = await flaggedOn(live, day);
        liveRuns.set(key, onDay.flagged.size / onDay.checked);
      }
      const flagged = retiredRuns.get(key)!;
      let hit = 0;
      for (const id of ids) {
        const kind = kinds.get(id)!;
        const counts = byKind.get(kind) ?? { total: 0, flagged: 0 };
        counts.total++;
        if (flagged.has(id)) {
          counts.flagged++;
          hit++;
        }
        byKind.set(kind, counts);
      }
      retiredFlagged += hit;
      rows.push({ day, retired: ids.length, flagged: hit, live: liveRuns.get(key)! });
    }
    const today = await flaggedOn(live, '2024-10-24');
    result['live flagged on 2024-10-24, the corpus day (%)'] = pct(today.flagged.size / today.checked);
    const now = await flaggedOn(live, new Date().toISOString().slice(0, 10));
    result['live flagged today (%)'] = pct(now.flagged.size / now.checked);
    if (retiredTotal) {
      result['retired articles'] = retiredTotal;
      result['retired flagged on their retirement day (%)'] = pct(retiredFlagged / retiredTotal);
      const weighted = rows.reduce((s, r) => s + r.live * r.retired, 0) / retiredTotal;
      result['live flagged on those days, weighted like the retired (%)'] = pct(weighted);
      result['live flagged, worst retirement day (%)'] = pct(Math.max(...rows.map((r) => r.live)));
      // an article whose address now leads to another live article was moved or merged, not outdated
      const gone = [...byKind].filter(([kind]) => kind !== 'article').map(([, n]) => n);
      const goneTotal = gone.reduce((n, k) => n + k.total, 0);
      result['retired, not moved into another article (notice, archive or landing page)'] = goneTotal;
      result['of those, flagged on their retirement day (%)'] = pct(gone.reduce((n, k) => n + k.flagged, 0) / goneTotal);
      console.log('\nby where the retired address leads now:');
      console.table([...byKind].map(([kind, n]) => ({ 'redirect to': kind, retired: n.total, 'flagged (%)': pct(n.flagged / n.total) })));
      console.log('\nper retirement day (days with 5 or more retired articles):');
      console.table(
        rows
          .filter((r) => r.retired >= 5)
          .map((r) => ({ day: r.day, retired: r.retired, 'retired flagged (%)': pct(r.flagged / r.retired), 'live flagged (%)': pct(r.live) })),
      );
    }
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The last day on or before a day on which a lifecycle reason can change (an end day, or the
 * first day of `eol-soon`'s window before it): days with the same one get the same reasons.
 */
function epochOf(lifecycleDir: string): (day: string) => string {
  const ends = new Set<string>();
  for (const product of readLifecycle(lifecycleDir).products.values()) {
    for (const cycle of product.cycles) {
      if (!(cycle.eol instanceof Date)) continue;
      ends.add(isoDay(cycle.eol));
      ends.add(isoDay(addDays(cycle.eol, -EOL_SOON_DAYS)));
    }
  }
  const sorted = [...ends].sort();
  return (day) => sorted.filter((end) => end <= day).at(-1) ?? '';
}

function pct(share: number): number {
  return Math.round(share * 1000) / 10;
}
