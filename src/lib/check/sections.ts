import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** KCS sections and the heading texts that name them, in English and German. */
export const KCS_SECTIONS = {
  symptom: ['symptom', 'symptoms', 'issue', 'problem', 'symptome'],
  environment: ['environment', 'umgebung'],
  cause: ['cause', 'ursache'],
  resolution: ['resolution', 'solution', 'fix', 'lösung', 'behebung'],
  escalation: ['escalation', 'eskalation'],
} as const;

export type KcsSection = keyof typeof KCS_SECTIONS;

export interface Section {
  name: KcsSection | undefined;
  heading: string;
  line: number;
  column: number;
  /** The nodes between this h2 and the next one. */
  nodes: RootContent[];
}

/** The body split at its h2 headings, each named by its KCS section where it is one. */
export function sections(tree: Root): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const heading = toString(node).trim();
      const lower = heading.toLowerCase();
      const name = (Object.keys(KCS_SECTIONS) as KcsSection[]).find((key) => (KCS_SECTIONS[key] as readonly string[]).includes(lower));
      current = { name, heading, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, nodes: [] };
      out.push(current);
    } else if (current) current.nodes.push(node);
  }
  return out;
}

/** Whether nodes hold content outside <Internal> blocks (what the public site shows). */
export function hasPublicContent(nodes: RootContent[]): boolean {
  return nodes.some((node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Internal') return false;
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return false;
    // a component's own text counts, not what it wraps in <Internal> (<Steps><Internal>…</Internal></Steps>)
    if (node.type === 'mdxJsxFlowElement') return hasPublicContent(node.children as RootContent[]);
    return toString(node).trim().length > 0;
  });
}
