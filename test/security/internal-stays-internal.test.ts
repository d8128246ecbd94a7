import { describe, expect, it } from 'vitest';
import { publicBody, stripInternal } from '../../src/lib/content/internal-blocks.ts';
import { searchTerms } from '../../src/lib/search/terms.ts';
import { Vocabulary } from '../../src/lib/search/decompound.ts';
import { SynonymIndex } from '../../src/lib/search/synonyms.ts';
import { compile } from './helpers.ts';

// One stripped tree: the public build removes <Internal> in the MDX processor before anything
// reads the article, and the entry's body (what search terms are made from) is cut the same way.
const BODY = `## Symptom

The printer is offline, sometimes with <ErrorCode code="0x00000709" />.

<Internal>
## Agent console

Restart the spooler remotely: SECRETBLOCK.

<ErrorCode code="0xSECRET42" />

![SECRETALT](./secret-screen.png)
</Internal>

## Resolution

Turn it off and on.<Internal> Or call SECRETINLINE.</Internal>

![Printer](./printer.png)
`;

describe('the public build compiles the stripped tree', () => {
  it('leaves <Internal> text, headings, error codes and images out of the public page', async () => {
    const { code, headings, images } = await compile(BODY, 'public');
    expect(code).not.toMatch(/SECRET/);
    expect(headings.map((h) => h.text)).toEqual(['Symptom', 'Resolution']);
    expect(images).toEqual(['./printer.png']);
  });

  it('keeps them on the agent site', async () => {
    const { code, headings, images } = await compile(BODY, 'internal');
    expect(code).toMatch(/SECRETBLOCK/);
    expect(code).toMatch(/SECRETINLINE/);
    expect(headings.map((h) => h.text)).toEqual(['Symptom', 'Agent console', 'Resolution']);
    expect(images.sort()).toEqual(['./printer.png', './secret-screen.png']);
  });

  it('strips <Internal> nested in lists, callouts and other <Internal> blocks', async () => {
    const nested = `- step one\n  <Internal>\n  SECRETLIST\n  </Internal>\n\n<Callout type="note">\n<Internal>\n<Internal>SECRETDEEP</Internal>\n</Internal>\n</Callout>\n`;
    expect((await compile(nested, 'public')).code).not.toMatch(/SECRET/);
    expect(publicBody(nested)).not.toMatch(/SECRET/);
  });
});

describe('the public body', () => {
  it('cuts <Internal> blocks and inline elements out of the source', () => {
    const body = publicBody(BODY);
    expect(body).not.toMatch(/SECRET|Agent console/);
    expect(body).toContain('## Resolution');
    expect(body).toContain('<ErrorCode code="0x00000709" />');
  });

  it('leaves a body without <Internal> as it is, and keeps <Internal> shown in code', () => {
    const code = 'Write `<Internal>` around agent-only text:\n\n```mdx\n<Internal>example</Internal>\n```\n';
    expect(publicBody(code)).toBe(code);
    expect(publicBody('No blocks here.')).toBe('No blocks here.');
  });

  it('yields nothing for a body that does not parse (the build fails on it)', () => {
    expect(publicBody('<Internal>\nSECRET unclosed\n')).toBe('');
  });

  it('strips a parsed tree in place', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'mdxJsxTextElement', name: 'Internal', children: [] }, { type: 'text' }] }],
    };
    expect(stripInternal(tree)).toBe(1);
    expect(tree.children[0]?.children).toEqual([{ type: 'text' }]);
  });
});

describe('hidden search terms come from the public body', () => {
  const data = { title: 'Drucker offline', summary: 'Der Drucker ist offline.', error_codes: [], lang: 'de' };
  const hidden = (body: string, vocabulary: Vocabulary, lang = 'de') => {
    const terms = searchTerms({ body, data: { ...data, lang } }, { vocabulary, synonyms: new SynonymIndex([]) });
    return `${terms.title} ${terms.body}`;
  };

  it('do not spell error codes that only <Internal> shows', () => {
    const terms = hidden(publicBody(BODY), new Vocabulary(), 'en');
    expect(terms).toContain('0x00000709');
    expect(terms).not.toMatch(/secret/i);
  });

  it('do not split German compounds of <Internal> text', () => {
    const vocabulary = new Vocabulary(['Der Server, der Raum, der Schluessel, der Drucker.', 'Server Raum Schluessel Drucker']);
    const body = 'Der Drucker ist offline.\n\n<Internal>\nDer Serverraumschluessel liegt beim Pförtner.\n</Internal>\n';
    expect(hidden(body, vocabulary)).toContain('raum');
    expect(hidden(publicBody(body), vocabulary)).not.toMatch(/server|raum|schluessel/);
  });
});
