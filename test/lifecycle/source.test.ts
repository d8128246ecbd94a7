import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productFromSource, SourceError } from '../../src/lib/lifecycle/endoflife-source.ts';
import { resolveVersion } from '../../src/lib/lifecycle/resolve.ts';
import { lifecycleProductSchema } from '../../src/lib/lifecycle/schema.ts';
import { SOURCE } from './helpers.ts';

const read = (id: string) => productFromSource(readFileSync(`${SOURCE}/products/${id}.md`, 'utf8'), `products/${id}.md`);
const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('endoflife.date product pages', () => {
  it('keeps names, identifiers, cycles and their dates, in both field spellings', () => {
    const office = read('office');
    expect(office.title).toBe('Microsoft Office');
    expect(office.aliases).toEqual(['msoffice']);
    expect(office.cycles.find((c) => c.cycle === '2013')).toEqual({
      cycle: '2013',
      label: '2013 SP1',
      released: day('2013-01-09'),
      support: day('2018-04-10'),
      eol: day('2023-04-11'),
    });
    // older pages say `support` instead of `eoas`
    expect(office.cycles.find((c) => c.cycle === '2010')?.support).toEqual(day('2015-10-13'));
    expect(read('msexchange').identifiers).toEqual(['cpe:/a:microsoft:exchange_server']);
    expect(read('msexchange').cycles[0]).toMatchObject({ cycle: 'subscription', eol: false });
    expect(read('msexchange').cycles[1]).toMatchObject({ cycle: '2019', extendedSupport: day('2026-11-01') });
  });

  it('does not copy the prose of the page', () => {
    expect(JSON.stringify(read('office'))).not.toContain('Prose');
  });

  it('drops word codenames from labels, so SQL Server 2022 reads as 2022', () => {
    expect(read('mssqlserver').cycles[0]?.label).toBe('2022');
  });

  it('rejects an impossible day with file, line and column', () => {
    let error: unknown;
    try {
      read('broken');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe('products/broken.md:5:1: Unexpected eol "2020-13-45", expected a day as YYYY-MM-DD');
  });

  it('rejects a page without frontmatter or without releases', () => {
    expect(() => productFromSource('# Just prose\n', 'products/x.md')).toThrow('products/x.md:1:1: Unexpected file without YAML frontmatter');
    expect(() => productFromSource('---\ntitle: X\n---\n', 'products/x.md')).toThrow('Unexpected product without `releases`');
    expect(() => productFromSource('---\ntitle: [\n---\n', 'products/x.md')).toThrow(/^products\/x.md:\d+:\d+: Unexpected YAML/);
  });
});

describe('resolving a version to its cycles', () => {
  const sql = read('mssqlserver');
  it('a version line ends with its last cycle: SQL Server 2016 is supported until SP3 ends', () => {
    expect(resolveVersion(sql, '2016')).toMatchObject({ cycles: ['13.0-sp3', '13.0-sp2'], eol: day('2026-07-14') });
  });
  it('a service pack is its own cycle', () => {
    expect(resolveVersion(sql, '2016 SP2')?.eol).toEqual(day('2022-10-11'));
    expect(resolveVersion(sql, '2016 Service Pack 2')?.eol).toEqual(day('2022-10-11'));
  });
  it('an exact cycle id wins over longer ones (IE 11 is not IE 11 LTSC)', () => {
    expect(resolveVersion(read('internet-explorer'), '11')?.eol).toEqual(day('2022-06-14'));
  });
  it('an exact cycle id keeps its service packs: Windows Server 2003 is supported as long as 2003 SP2', () => {
    const server = lifecycleProductSchema.parse({
      cycles: [
        { cycle: '2003-sp2', label: 'Windows Server 2003 SP2', eol: '2015-07-14' },
        { cycle: '2003-sp1', label: 'Windows Server 2003 SP1', eol: '2009-04-14' },
        { cycle: '2003', label: 'Windows Server 2003', eol: '2007-04-10' },
        { cycle: '2003-r2-lts', label: 'Windows Server 2003 R2 LTS', eol: '2030-01-01' },
      ],
    });
    expect(resolveVersion(server, '2003')).toMatchObject({ cycles: ['2003', '2003-sp2', '2003-sp1'], eol: day('2015-07-14') });
    expect(resolveVersion(server, '2003 SP1')?.eol).toEqual(day('2009-04-14'));
  });
  it('answers undefined for a version the source does not know', () => {
    expect(resolveVersion(sql, '2005')).toBeUndefined();
  });
});
