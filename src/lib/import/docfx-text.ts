import type { IssueSink } from './issues.ts';

/** Attributes of a DocFX `:::name attr="value":::` directive. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) out[match[1]!.toLowerCase()] = match[2]!;
  return out;
}

function escapeLabel(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

const IMAGE = /:::image\s+([^]*?):::/g;
const NO_LOC = /:::no-loc\s+([^]*?):::/g;
const LAYOUT = /^(\s*(?:>\s*)*):::\s*(zone-end|moniker-end|row-end|column-end|image-end|zone|moniker|row|column)\b([^]*)$/;
const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})(.*)$/;

/**
 * Rewrites DocFX's `:::` directives into CommonMark before parsing, keeping every line where it
 * was so that later positions still point into the source: images become `![alt](src)`,
 * `no-loc` becomes its text, and zone, moniker and row/column fences become blank lines (their
 * content is kept and reported). Fenced code is left alone.
 */
export function rewriteDocfxDirectives(body: string, firstLine: number, sink: IssueSink): string {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const place = { line: firstLine + i, column: 1 };
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const [, marks = '', rest = ''] = fenceMatch;
      // as in CommonMark: only a fence of the same character, at least as long, with nothing after it, closes
      if (!fence) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && !rest.trim()) fence = undefined;
      continue;
    }
    if (fence || !line.includes(':::')) continue;
    const layout = LAYOUT.exec(line);
    if (layout) {
      const [, prefix, kind, rest] = layout;
      const attrs = attributes(rest ?? '');
      if (kind === 'zone' || kind === 'moniker') {
        const what = kind === 'zone' ? `pivot "${attrs['pivot'] ?? attrs['target'] ?? ''}"` : `range "${attrs['range'] ?? ''}"`;
        sink.add(
          `docfx-${kind}`,
          `Unexpected ${kind} ${what}, expected plain content (fence removed, content of every ${kind} kept)`,
          { line: place.line, column: (prefix?.length ?? 0) + 1 },
          'warning',
          `Split the ${kind}s into separate articles or remove the ones that do not apply.`,
        );
      } else if (kind === 'row' || kind === 'column') {
        sink.add(
          'docfx-layout',
          `Unexpected :::${kind}::: layout, expected plain content (layout removed, content kept)`,
          { line: place.line, column: (prefix?.length ?? 0) + 1 },
          'info',
        );
      }
      lines[i] = (prefix ?? '').trimEnd();
      continue;
    }
    // Code spans are found with directives blanked out: alt texts may hold backticks themselves.
    const blank = (m: string) => ' '.repeat(m.length);
    const masked = line.replace(IMAGE, blank).replace(NO_LOC, blank);
    const spans = [...masked.matchAll(/(`+)[^`]*?\1/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const inCode = (at: number) => spans.some(([from, to]) => at >= from && at < to);
    const unknown = [...masked.matchAll(/:::\s*([a-z][\w-]*)/gi)].find((m) => !inCode(m.index));
    if (unknown) {
      sink.add(
        'docfx-directive',
        `Unexpected DocFX directive :::${unknown[1]}, expected image, no-loc, zone, moniker, row or column (kept as text)`,
        { line: place.line, column: unknown.index + 1 },
        'warning',
        'Replace the directive by its content in the output.',
      );
    }
    lines[i] = line
      .replace(IMAGE, (all, inner: string, at: number) => {
        if (inCode(at)) return all;
        const attrs = attributes(inner);
        const source = attrs['source'] ?? '';
        const alt = attrs['alt-text'] ?? attrs['alt'] ?? '';
        if (!source) {
          sink.add('docfx-image', 'Unexpected :::image::: without source, expected source="..." (removed)', { line: place.line, column: at + 1 }, 'warning');
          return alt ? escapeInline(alt) : '';
        }
        return `![${escapeLabel(alt)}](${destination(source)})`;
      })
      .replace(NO_LOC, (all, inner: string, at: number) => (inCode(at) ? all : escapeInline(attributes(inner)['text'] ?? '')));
  }
  return lines.join('\n');
}
