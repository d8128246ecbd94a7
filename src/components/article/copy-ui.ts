// Copy buttons: on every code block, and the agent's "Copy answer" / "Copy link for ticket".
// A bundled module (no inline script: the sites send a Content-Security-Policy).
import { blockText } from './copy-text.ts';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // older browsers and http pages: the selection fallback
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

const strings = (): Record<string, string> => JSON.parse(document.querySelector<HTMLElement>('[data-copy-strings]')?.dataset['copyStrings'] ?? '{}');

function announce(button: HTMLElement, ok: boolean): void {
  const s = strings();
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  const label = button.dataset['label'] ?? button.textContent ?? '';
  button.dataset['label'] = label;
  button.textContent = ok ? (s['copied'] ?? 'Copied') : label;
  if (status) status.textContent = ok ? (s['copied'] ?? 'Copied') : (s['failed'] ?? '');
  setTimeout(() => (button.textContent = label), 2000);
}

// code blocks: a button in the top corner, copying the code exactly (no prompt markers added)
for (const pre of document.querySelectorAll<HTMLPreElement>('.prose pre:not([data-copy-ready])')) {
  pre.dataset['copyReady'] = '';
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = strings()['copy'] ?? 'Copy';
  button.setAttribute('data-copy-skip', '');
  button.addEventListener('click', async () => announce(button, await copy((pre.querySelector('code') ?? pre).textContent ?? '')));
  wrapper.append(button);
}

/** The nodes of the section under the h2 with one of these ids, up to the next h2. */
function section(ids: readonly string[]): Node[] {
  const heading = ids.map((id) => document.getElementById(id)).find((h) => h?.tagName === 'H2');
  if (!heading) return [];
  const nodes: Node[] = [];
  for (let node = heading.nextSibling; node && !(node instanceof HTMLElement && node.tagName === 'H2'); node = node.nextSibling)
    nodes.push(node.cloneNode(true));
  return nodes;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-answer]')) {
  button.addEventListener('click', async () => {
    const ids = (button.dataset['copyAnswer'] ?? 'resolution').split(',');
    announce(button, await copy(blockText(section(ids))));
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-link]')) {
  button.addEventListener('click', async () => {
    const url = new URL(location.href);
    url.hash = '';
    url.search = '';
    announce(button, await copy(`${button.dataset['copyLink']} – ${url.href}`));
  });
}
