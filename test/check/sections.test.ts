import { describe, expect, it } from 'vitest';
import { hasPublicContent, sections } from '../../src/lib/check/sections.ts';
import { parseMdx } from '../../src/lib/content/mdx.ts';

describe('sections', () => {
  it('splits the body at its h2 headings and names the KCS sections in English and German', () => {
    const tree = parseMdx(
      'Intro before any heading.\n\n## Symptoms\n\nIt fails.\n\n## Umgebung\n\nWindows 11\n\n## Background\n\nHistory.\n\n## Lösung\n\n1. Restart.\n\n## ESCALATION\n\nCall L2.\n',
    );
    expect(sections(tree).map((s) => [s.heading, s.name])).toEqual([
      ['Symptoms', 'symptom'],
      ['Umgebung', 'environment'],
      ['Background', undefined],
      ['Lösung', 'resolution'],
      ['ESCALATION', 'escalation'],
    ]);
  });

  it('keeps the nodes up to the next h2 in a section, h3 subsections included, and nothing before the first', () => {
    const tree = parseMdx('Lead.\n\n## Resolution\n\nStep one.\n\n### Workaround\n\nStep two.\n\n## Cause\n\nWhy.\n');
    const [resolution, cause] = sections(tree);
    expect(resolution!.nodes.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(cause!.nodes.map((n) => n.type)).toEqual(['paragraph']);
  });

  it('places each section at its heading, for findings', () => {
    const tree = parseMdx('Lead.\n\n## Cause\n\nWhy.\n\n  ## Resolution\n\nFix.\n');
    expect(sections(tree).map((s) => [s.line, s.column])).toEqual([
      [3, 1],
      [7, 3],
    ]);
  });

  it('reads a heading by its text, formatting and surrounding spaces aside', () => {
    expect(sections(parseMdx('## **Fix** \n\nDo it.\n'))[0]!.name).toBe('resolution');
    // only the whole heading names a section
    expect(sections(parseMdx('## Fix for printers\n\nDo it.\n'))[0]!.name).toBeUndefined();
  });

  it('has no sections for a body without h2 headings', () => {
    expect(sections(parseMdx('# Title\n\n### Resolution\n\nText.\n'))).toEqual([]);
  });
});

describe('hasPublicContent', () => {
  const nodes = (mdx: string) => parseMdx(mdx).children;

  it('is true for text, lists and components with text outside <Internal>', () => {
    expect(hasPublicContent(nodes('Restart the spooler.\n'))).toBe(true);
    expect(hasPublicContent(nodes('- one\n- two\n'))).toBe(true);
    expect(hasPublicContent(nodes('<Steps>\n1. Open Settings.\n</Steps>\n'))).toBe(true);
    expect(hasPublicContent(nodes('<Internal>\nAgents only.\n</Internal>\n\nEveryone sees this.\n'))).toBe(true);
  });

  it('is false when everything is inside <Internal>, comments or nothing at all', () => {
    expect(hasPublicContent(nodes('<Internal>\nReset the account in the admin portal.\n</Internal>\n'))).toBe(false);
    expect(hasPublicContent(nodes('{/* Steps go here */}\n'))).toBe(false);
    expect(hasPublicContent(nodes('<Steps>\n<Internal>\n1. Agents only.\n</Internal>\n</Steps>\n'))).toBe(false);
    expect(hasPublicContent([])).toBe(false);
  });

  it('is true for a sentence with an inline <Internal> part: the rest of it is public', () => {
    expect(hasPublicContent(nodes('Call <Internal>extension 4711</Internal> for help.\n'))).toBe(true);
  });
});
