/**
 * Plain text of rendered article HTML for a ticket reply: numbered and bulleted lists keep their
 * markers, code keeps its lines, and anything marked internal (an <Internal> block) or meant for
 * the page only (copy buttons) is left out. Runs in the browser on a detached clone.
 */
export function blockText(nodes: readonly Node[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    const text = nodeText(node, '').trim();
    if (text) out.push(text);
  }
  return out.join('\n\n').replace(/\n{3,}/g, '\n\n');
}

const SKIP = '.internal-block, [data-copy-skip], button, script, style, template';

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.matches(SKIP)) return '';
  if (node.tagName === 'BR') return '\n';
  return [...node.childNodes].map(inline).join('');
}

function nodeText(node: Node, indent: string): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (!(node instanceof Element) || node.matches(SKIP)) return '';
  switch (node.tagName) {
    case 'PRE':
      return node.textContent ?? '';
    case 'OL':
    case 'UL': {
      const items = [...node.children].filter((c) => c.tagName === 'LI');
      const start = Number(node.getAttribute('start') ?? 1);
      return items
        .map((li, i) => {
          const marker = node.tagName === 'OL' ? `${start + i}. ` : '- ';
          const body = [...li.childNodes]
            .map((c) => (c instanceof Element && /^(OL|UL|PRE|P|DIV)$/.test(c.tagName) ? `\n${nodeText(c, `${indent}   `)}` : inline(c)))
            .join('')
            .replace(/[ \t]+/g, ' ')
            .trim();
          return `${indent}${marker}${body.replace(/\n(?!\s*$)/g, `\n${indent}   `)}`;
        })
        .join('\n');
    }
    case 'P':
    case 'H3':
    case 'H4':
    case 'BLOCKQUOTE':
      return inline(node)
        .replace(/[ \t]+/g, ' ')
        .trim();
    default:
      return [...node.childNodes]
        .map((c) => nodeText(c, indent))
        .filter((t) => t.trim())
        .join('\n\n');
  }
}
