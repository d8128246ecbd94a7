// Downloads of the knowledge-health list for the agent site: /health/stale.csv and /health/stale.json.
import type { APIRoute, GetStaticPaths } from 'astro';
import { isoDay } from '../../lib/dates.ts';
import { actionCsv, actionJson } from '../../lib/stale/urgency.ts';
import { editUrlOfPath, settings } from '../../site/context.ts';
import { healthDay, siteHealthData } from '../../site/health.ts';

export const getStaticPaths = (() => {
  // customers never get the list: it names owners and internal articles
  if (settings.audience !== 'internal') return [];
  return [{ params: { file: 'stale.csv' } }, { params: { file: 'stale.json' } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { actions } = await siteHealthData();
  if (params['file'] === 'stale.csv') {
    return new Response(actionCsv(actions, editUrlOfPath), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(actionJson(actions, editUrlOfPath, isoDay(healthDay())), { headers: { 'Content-Type': 'application/json' } });
};
