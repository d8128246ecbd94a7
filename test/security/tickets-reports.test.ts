import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGaps, type GapsReport } from '../../src/lib/gaps/analyse.ts';
import { formatMarkdown, formatText, toJson } from '../../src/lib/gaps/format.ts';
import { readTickets } from '../../src/lib/tickets/read.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-sec-tickets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The same personal data in every ticket of one topic: unredacted, it would be the topic's top
// terms and so its label and keywords (as the issue reproduced).
const PII = ['anna', 'berg', 'de89', '370400440532013000', 'sommer2024', '00:1a:2b', '001a2b', '2001:db8', '1234567', 'anna.berg@firma.de'];

function exportFile(): string {
  const rows = ['id,subject,description,requester,assignee,group'];
  for (let i = 1; i <= 12; i++) {
    rows.push(
      [
        `INC${1000 + i}`,
        `Kassensoftware startet nicht für Anna Berg ${i % 2 ? 'MAC 00:1A:2B:3C:4D:5E' : 'an 2001:db8::1'}`,
        `"Hallo, hier Anna Berg (anna.berg@firma.de, (030) 1234567). Die Kassensoftware startet nicht. Passwort: Sommer2024! Konto DE89370400440532013000, Kasse 2001:db8::1 MAC 00:1A:2B:3C:4D:5E. Gruß Berg"`,
        'Anna Berg',
        'Max Kunz',
        '2nd-Level Kasse',
      ].join(','),
    );
  }
  const file = join(work, 'pii.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

let report: GapsReport;
beforeAll(async () => {
  report = await analyseGaps({ contentDir: join(ROOT, 'test/fixtures/gaps/content'), root: ROOT, files: [exportFile()], threads: 1, minTickets: 3 });
});

describe('ticket PII never reaches a report', () => {
  it('finds the topic (the test would prove nothing without a gap)', () => {
    expect(report.gaps.length).toBeGreaterThan(0);
    expect(report.gaps[0]?.tickets).toBe(12);
  });

  it.each([
    ['labels and keywords', () => report.gaps.flatMap((g) => [g.label, ...g.keywords]).join(' ')],
    ['example titles', () => report.gaps.flatMap((g) => g.examples).join(' ')],
    ['JSON', () => toJson(report)],
    ['Markdown', () => formatMarkdown(report)],
    ['text', () => formatText(report)],
  ])('%s', (_, output) => {
    const text = output().toLowerCase();
    for (const datum of PII) expect(text).not.toContain(datum);
  });

  it('makes no topic of the placeholders', () => {
    expect(report.gaps.flatMap((g) => g.keywords).filter((k) => /^(email|phone|iban|secret|name)$/.test(k))).toEqual([]);
  });

  it('hands every consumer redacted tickets: the reader redacts', async () => {
    const tickets: Ticket[] = [];
    await readTickets([exportFile()], (t) => tickets.push(t));
    expect(tickets[0]?.title).toBe('Kassensoftware startet nicht für [name] MAC [mac]');
    expect(tickets[0]?.body).toBe(
      'Hallo, hier [name] ([email], [phone]). Die Kassensoftware startet nicht. Passwort: [secret] Konto [iban], Kasse [ip] MAC [mac]. Gruß [name]',
    );
  });
});

describe('rejection reasons do not repeat cell text', () => {
  it.each([
    ['a bad date cell', 'id,subject,created\n1,Drucker,anna.berg@firma.de 030 1234567\n', /opened date of the form "aaaa\.aaaa@aaaaa\.aa 999 9999999"/],
    ['a stray quote', 'id,subject\n1,Anna Berg 030 1234567 says "hi"\n', /value of the form "aaaa aaaa 999 9999999 aaaa "/],
    ['an NDJSON syntax error', '{"id":"1","subject":"ok"}\n{"id":"2","subject": Anna Berg 030 1234567}\n', /Unexpected JSON: .*input not repeated/],
  ])('%s', async (_, content, reason) => {
    const file = join(work, `bad-${content.length}.${content.startsWith('{') ? 'ndjson' : 'csv'}`);
    writeFileSync(file, content);
    const stats = await readTickets([file], () => {});
    expect(stats.rejected).toBeGreaterThan(0);
    const text = stats.rejections.map((r) => r.reason).join('\n');
    expect(text).toMatch(reason);
    expect(text).not.toMatch(/anna|berg|1234567/i);
  });
});
