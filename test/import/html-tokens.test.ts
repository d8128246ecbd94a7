import { describe, expect, it } from 'vitest';
import { decodeEntities, isHtmlElement, jsxAttributes, tokenizeHtml } from '../../src/lib/import/html-tokens.ts';

describe('tokenizeHtml', () => {
  it('splits text, comments, open and close tags, each with its offset in the input', () => {
    const html = 'Press <kbd>Ctrl</kbd><!-- note --> now';
    expect(tokenizeHtml(html).map((t) => [t.kind, t.offset])).toEqual([
      ['text', 0],
      ['open', 6],
      ['text', 11],
      ['close', 15],
      ['comment', 21],
      ['text', 34],
    ]);
    for (const token of tokenizeHtml(html)) {
      const written = token.kind === 'text' ? token.value : token.kind === 'comment' ? `<!--${token.value}-->` : token.raw;
      expect(html.slice(token.offset, token.offset + written.length)).toBe(written);
    }
  });

  it('reads attributes in every quoting style, lower-cases their names and decodes their values', () => {
    const [open] = tokenizeHtml(`<A HREF="/en/articles/x/?a=1&amp;b=2" Title='Say "hi"' target=_blank hidden data-x="">`);
    expect(open).toMatchObject({
      kind: 'open',
      name: 'A',
      selfClosing: false,
      attrs: { href: '/en/articles/x/?a=1&b=2', title: 'Say "hi"', target: '_blank', hidden: null, 'data-x': '' },
    });
  });

  it('knows self-closing tags and lower-cases closing tag names', () => {
    expect(tokenizeHtml('<br/><img src="a.png" />')).toMatchObject([
      { kind: 'open', name: 'br', selfClosing: true },
      { kind: 'open', name: 'img', selfClosing: true, attrs: { src: 'a.png' } },
    ]);
    expect(tokenizeHtml('</DIV >')).toMatchObject([{ kind: 'close', name: 'div' }]);
  });

  it('never throws on broken HTML: a stray < is text, an unclosed comment runs to the end', () => {
    expect(new Set(tokenizeHtml('a < b and c<d').map((t) => t.kind))).toEqual(new Set(['text']));
    expect(
      tokenizeHtml('a < b and c<d')
        .map((t) => (t.kind === 'text' ? t.value : ''))
        .join(''),
    ).toBe('a < b and c<d');
    expect(tokenizeHtml('x <!-- never closed\nstill comment')).toEqual([
      { kind: 'text', value: 'x ', offset: 0 },
      { kind: 'comment', value: ' never closed\nstill comment', offset: 2 },
    ]);
    expect(tokenizeHtml('')).toEqual([]);
  });

  it('keeps a tag with a broken attribute as text rather than guessing', () => {
    const tokens = tokenizeHtml('<a href="x>text');
    expect(tokens.some((t) => t.kind === 'open')).toBe(false);
    expect(tokens.map((t) => (t.kind === 'text' ? t.value : '')).join('')).toBe('<a href="x>text');
  });
});

describe('isHtmlElement', () => {
  it('takes lower-case known elements for HTML', () => {
    for (const name of ['b', 'br', 'img', 'div', 'details', 'table', 'kbd']) expect(isHtmlElement(name, false), name).toBe(true);
  });

  it('takes placeholders for text: unknown names, and capitalised known names never closed', () => {
    expect(isHtmlElement('user', true)).toBe(false);
    expect(isHtmlElement('ServerName', true)).toBe(false);
    expect(isHtmlElement('Table', false)).toBe(false);
    expect(isHtmlElement('CODE', false)).toBe(false);
  });

  it('takes capitalised known names for HTML when they are closed later, and short upper-case tags always', () => {
    expect(isHtmlElement('Table', true)).toBe(true);
    expect(isHtmlElement('CODE', true)).toBe(true);
    expect(isHtmlElement('BR', false)).toBe(true);
    expect(isHtmlElement('B', false)).toBe(true);
  });
});

describe('decodeEntities', () => {
  it('decodes decimal, hexadecimal and the common named references', () => {
    expect(decodeEntities('&#228;&#xE4;&#XE4; &lt;b&gt; &amp; &nbsp;&mdash;&hellip;')).toBe('äää <b> & \u00a0—…');
  });

  it('leaves unknown names, missing semicolons and impossible code points as written', () => {
    expect(decodeEntities('&foo; &amp &#0; &#x110000; AT&T')).toBe('&foo; &amp &#0; &#x110000; AT&T');
  });

  it('decodes only once, so an escaped reference stays a reference', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});

describe('jsxAttributes', () => {
  it('drops style and every on… handler, whatever the case', () => {
    const { kept, dropped } = jsxAttributes('div', { class: 'box', style: 'color:red', onclick: 'alert(1)', onMouseOver: 'x()', ONLOAD: 'y()', id: 'sec' });
    expect(kept).toEqual([
      ['class', 'box'],
      ['id', 'sec'],
    ]);
    expect(dropped).toEqual(['style', 'onclick', 'onMouseOver', 'ONLOAD']);
  });

  it('drops names JSX cannot take as a plain string attribute', () => {
    const { kept, dropped } = jsxAttributes('span', { 'xml:lang': 'de', 'x.y': '1', '[hidden]': '', '2col': 'a', lang: 'de' });
    expect(kept).toEqual([['lang', 'de']]);
    expect(dropped).toEqual(['xml:lang', 'x.y', '[hidden]', '2col']);
  });

  it('turns the name of an anchor into its id, so links to it keep working', () => {
    expect(jsxAttributes('a', { name: 'step-2' }).kept).toEqual([['id', 'step-2']]);
    expect(jsxAttributes('input', { name: 'q' }).kept).toEqual([['name', 'q']]);
  });

  it('keeps a valueless attribute as valueless', () => {
    expect(jsxAttributes('details', { open: null }).kept).toEqual([['open', null]]);
  });
});
