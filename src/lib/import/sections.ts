import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { KCS_SECTIONS } from '../check/sections.ts';
import { placeOf, type IssueSink } from './issues.ts';
import type { Mapping } from './mapping.ts';
import type { TargetData } from './frontmatter.ts';

const RESOLUTION_NAMES: readonly string[] = KCS_SECTIONS.resolution;

/**
 * Public articles need a Resolution section (`kb check`: public-resolution). When an imported
 * article has none, the first h2 matching one of `resolutionFrom` becomes `## Resolution` and
 * keeps its own text as an h3 below it (so its id and wording survive). When none matches,
 * `missingResolution: internal` makes the article internal for agents to review; both reported.
 */
export function ensureResolution(tree: Root, data: TargetData, mapping: Mapping, sink: IssueSink): void {
  const h2s = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2);
  if (h2s.some((h) => RESOLUTION_NAMES.includes(toString(h).trim().toLowerCase()))) return;
  const patterns = mapping.resolutionFrom.map((p) => new RegExp(`^(?:${p})$`, 'i'));
  const candidate = h2s.find((h) => patterns.some((p) => p.test(toString(h).trim())));
  const name = data['lang'] === 'de' ? 'Lösung' : 'Resolution';
  if (candidate) {
    const original = toString(candidate).trim();
    const index = tree.children.indexOf(candidate);
    const kept: Heading = { type: 'heading', depth: 3, children: candidate.children };
    candidate.children = [{ type: 'text', value: name }];
    tree.children.splice(index + 1, 0, kept);
    sink.add(
      'section-resolution',
      `Unexpected section \`${original}\` where a \`## ${name}\` was expected (it became ${name}, its heading an h3 below)`,
      placeOf(candidate),
      'info',
    );
    return;
  }
  if (mapping.missingResolution === 'internal' && data['audience'] === 'public') {
    data['audience'] = 'internal';
    sink.add(
      'section-resolution',
      `Unexpected public article without a \`## ${name}\` section, expected steps a customer can follow (imported as internal)`,
      placeOf(h2s[0] ?? tree.children[0]),
      'warning',
      `Add a ${name} section and set audience: public again, or add its heading to \`resolutionFrom\` in the mapping.`,
    );
  }
}
