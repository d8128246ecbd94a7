import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Blockquote, Link, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { SourceRoots } from './confine.ts';
import { placeOf, type IssueSink } from './issues.ts';

/** Parses an included file into mdast with the same DocFX rules; given by the pipeline to avoid a cycle. */
export type ParseInclude = (file: string, source: string, sink: IssueSink, seen: Set<string>) => Root;

const ALERT = /^\s*\[!([A-Za-z]+)\](?:[ \t]*\n)?/;
const VIDEO = /^\s*\[!VIDEO\s+([^\]\s]+)\s*\]\s*$/i;
const DIV = /^\s*\[!div(?:\s[^\]]*)?\]\s*\n?/i;

/**
 * Turns DocFX alerts (`> [!NOTE]`) into `<Callout type="...">`, `[!VIDEO url]` into a link,
 * and `[!div ...]` wrappers into their content. Unknown alert names become notes (reported).
 */
export function convertAlerts(tree: Root, alerts: Record<string, 'note' | 'tip' | 'warning'>, sink: IssueSink): void {
  visit(tree, 'blockquote', (node: Blockquote, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const first = node.children[0];
    const head = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (!first || first.type !== 'paragraph' || head?.type !== 'text') return;
    const video = VIDEO.exec(toString(first));
    if (video) {
      const link: Link = { type: 'link', url: video[1]!, children: [{ type: 'text', value: `Video: ${video[1]}` }] };
      sink.add('docfx-video', 'Unexpected [!VIDEO] embed, expected a link (converted to a link)', placeOf(node), 'info');
      parent.children.splice(index, 1, { type: 'paragraph', children: [link] }, ...node.children.slice(1));
      return [SKIP, index];
    }
    if (DIV.test(head.value)) {
      head.value = head.value.replace(DIV, '');
      dropEmptyLead(first, node);
      sink.add('docfx-div', 'Unexpected [!div] wrapper, expected plain content (wrapper removed, content kept)', placeOf(node), 'info');
      parent.children.splice(index, 1, ...(node.children as RootContent[]));
      return [SKIP, index];
    }
    const alert = ALERT.exec(head.value);
    if (!alert || alert[1]!.toUpperCase() === 'INCLUDE') return;
    const name = alert[1]!.toLowerCase();
    let type = alerts[name];
    if (!type) {
      type = 'note';
      sink.add(
        'docfx-alert',
        `Unexpected alert [!${alert[1]}], expected one of ${Object.keys(alerts).join(', ')} (shown as a note)`,
        placeOf(node),
        'warning',
        'Add the alert name to `alerts:` in the mapping file.',
      );
    }
    head.value = head.value.replace(ALERT, '');
    dropEmptyLead(first, node);
    const callout: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'Callout',
      attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: type }],
      children: node.children as MdxJsxFlowElement['children'],
      position: node.position,
    };
    parent.children.splice(index, 1, callout as RootContent);
    return index;
  });
}

/** Removes a leading break and the first paragraph when the marker was all it held. */
function dropEmptyLead(first: Paragraph, quote: Blockquote): void {
  const head = first.children[0] as Text;
  if (head.value === '') first.children.shift();
  if (first.children[0]?.type === 'break') first.children.shift();
  const lead = first.children[0];
  if (lead?.type === 'text') lead.value = lead.value.replace(/^\s+/, '');
  if (first.children.length === 0 || (toString(first).trim() === '' && first.children.every((c) => c.type === 'text'))) quote.children.shift();
}

const INCLUDE_OPEN = /\[!INCLUDE\s*$/i;

/**
 * Inlines `[!INCLUDE [title](path)]`: the included file's content replaces the paragraph (or
 * the phrase, for inline includes). Missing files keep the title as text and are reported.
 */
export function inlineIncludes(tree: Root, file: string, parseInclude: ParseInclude, sink: IssueSink, seen: Set<string>, roots?: SourceRoots): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const kids = node.children;
    for (let i = 0; i + 2 < kids.length; i++) {
      const open = kids[i];
      const link = kids[i + 1];
      const close = kids[i + 2];
      if (open?.type !== 'text' || !INCLUDE_OPEN.test(open.value) || link?.type !== 'link' || close?.type !== 'text' || !close.value.startsWith(']')) continue;
      const target = resolve(dirname(file), decodeURI(link.url.split('#')[0]!));
      const place = placeOf(open);
      const before = open.value.replace(INCLUDE_OPEN, '');
      const after = close.value.slice(1);
      let content: Root | undefined;
      if (roots?.outside(target)) {
        sink.add(
          'outside-source',
          `Unexpected include \`${link.url}\` outside the imported folders, expected a file inside them (not read, title kept)`,
          place,
          'warning',
          'Import the folder that holds the includes too.',
        );
      } else if (seen.has(target)) {
        sink.add(
          'docfx-include',
          `Unexpected include cycle through \`${link.url}\`, expected includes that do not include themselves (title kept)`,
          place,
          'warning',
        );
      } else if (!existsSync(target)) {
        sink.add(
          'docfx-include',
          `Unexpected missing include \`${link.url}\`, expected the file next to the source (title kept)`,
          place,
          'warning',
          'Import with the folder that holds the includes, or inline the text.',
        );
      } else {
        content = parseInclude(target, readFileSync(roots?.resolve(target) ?? target, 'utf8'), sink, new Set([...seen, target]));
      }
      const alone = before.trim() === '' && after.trim() === '' && kids.length === 3;
      if (content && alone) {
        parent.children.splice(index, 1, ...(content.children as RootContent[]));
        return [SKIP, index];
      }
      let middle: PhrasingContent[] = [{ type: 'text', value: toString(link) }];
      if (content) {
        const only = content.children.length === 1 && content.children[0]!.type === 'paragraph' ? (content.children[0] as Paragraph) : undefined;
        middle = only ? only.children : [{ type: 'text', value: toString(content) }];
        if (!only)
          sink.add(
            'docfx-include',
            `Unexpected block content in inline include \`${link.url}\`, expected one paragraph (inserted as plain text)`,
            place,
            'warning',
          );
      }
      kids.splice(i, 3, { type: 'text', value: before }, ...middle, { type: 'text', value: after });
    }
    return undefined;
  });
}
