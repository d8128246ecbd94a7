import { existsSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import type { Definition, Image, Link, Parent, PhrasingContent, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { checkUrl, isExternalUrl, refusedUrlMessage } from '../url-policy.ts';
import type { SourceRoots } from './confine.ts';
import { placeOf, type IssueSink } from './issues.ts';

/** What link and image rewriting needs to know about the whole import. */
export interface LinkContext {
  /** Absolute source path -> article URL (`/en/articles/slug/`) for every file in this import. */
  articleUrls: Map<string, string>;
  /** Base address for root-relative links and images (`https://learn.microsoft.com/en-us`). */
  baseUrl?: string | undefined;
  /** Called for a local image that exists; returns the URL to use in the article. */
  copyAsset?: ((absolutePath: string) => string) | undefined;
  /** URL schemes links may use (the project's `urlSchemes`); others are dropped and reported. */
  urlSchemes?: readonly string[] | undefined;
  /** The folders the import may read; an image outside them is not copied (reported). */
  roots?: SourceRoots | undefined;
  /** Heading ids the import renames in every article (`symptoms` -> `symptom`), for `page#id` links. */
  anchorRenames?: Map<string, string> | undefined;
}

// attributes of kept HTML elements that hold a URL
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite']);

function split(url: string): { path: string; hash: string } {
  const at = url.search(/[?#]/);
  return at < 0 ? { path: url, hash: '' } : { path: url.slice(0, at), hash: url.slice(at) };
}

/** The heading id a fragment names: DocFX sources write `##anchor` and `###anchor` for `#anchor`. */
function anchorId(fragment: string): string {
  return fragment.replace(/^#+/, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * Rewrites links between imported articles to their new URLs and root-relative links to the
 * base address. Local images are copied when they exist; missing ones become their alt text
 * (reported), because a missing local image fails the site build.
 */
export function rewriteLinks(tree: Root, file: string, context: LinkContext, sink: IssueSink): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    // the one URL policy (src/lib/url-policy.ts): a refused link keeps its text, a refused image
    // its alt text, a refused attribute goes; each is reported
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as { name: string | null; attributes: MdxJsxAttribute[] };
      element.attributes = element.attributes.filter((attribute) => {
        if (attribute.type !== 'mdxJsxAttribute' || !URL_ATTRIBUTES.has(attribute.name.toLowerCase()) || typeof attribute.value !== 'string') return true;
        const verdict = checkUrl(attribute.value, context.urlSchemes);
        if (verdict.allowed) return true;
        sink.add(
          'url-scheme',
          `${refusedUrlMessage(attribute.value, verdict)} (\`${attribute.name}\` removed from <${element.name}>)`,
          placeOf(node as never),
          'warning',
          verdict.hint,
        );
        return false;
      });
      return;
    }
    if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && parent && index !== undefined) {
      const target = node as Link | Definition | Image;
      const verdict = checkUrl(target.url, context.urlSchemes);
      if (!verdict.allowed) {
        const kind = node.type === 'image' ? 'image' : 'link';
        sink.add(
          'url-scheme',
          `${refusedUrlMessage(target.url, verdict, kind)} (${kind === 'image' ? 'replaced by its alt text' : node.type === 'definition' ? 'definition removed' : 'link removed, text kept'})`,
          placeOf(target),
          'warning',
          verdict.hint,
        );
        const replacement = node.type === 'link' ? (node as Link).children : node.type === 'image' ? [{ type: 'text', value: (node as Image).alt ?? '' }] : [];
        parent.children.splice(index, 1, ...(replacement as never[]));
        return [SKIP, index];
      }
    }
    if (node.type === 'link' || node.type === 'definition') {
      const ref = node as Link | Definition;
      const { path, hash } = split(ref.url);
      if (!path || isExternalUrl(ref.url) || ref.url.startsWith('#')) return;
      if (path.startsWith('/')) {
        if (context.baseUrl) ref.url = context.baseUrl.replace(/\/$/, '') + ref.url;
        return;
      }
      // DocFX authors on Windows sometimes write `..\\folder\\file.md`.
      const target = resolve(dirname(file), safeDecode(path).replace(/\\/g, '/'));
      const url = context.articleUrls.get(target) ?? context.articleUrls.get(target.replace(/\.md$/, '') + '.md');
      if (url) {
        // Queries such as DocFX's ?preserve-view=true mean nothing on our site.
        const id = hash.includes('#') ? anchorId(hash.slice(hash.indexOf('#'))) : '';
        ref.url = url + (id ? `#${context.anchorRenames?.get(id) ?? id}` : '');
        return;
      }
      if (ref.type === 'definition' || !parent || index === undefined) {
        sink.add(
          'link-unresolved',
          `Unexpected link to \`${ref.url}\`, expected an article of this import (kept as written)`,
          placeOf(ref),
          'warning',
          'Import the target too, or make the link absolute.',
        );
        return;
      }
      sink.add(
        'link-unresolved',
        `Unexpected link to \`${ref.url}\`, expected an article of this import (link removed, text kept)`,
        placeOf(ref),
        'warning',
        'Import the target too, or make the link absolute.',
      );
      parent.children.splice(index, 1, ...((ref as Link).children as never[]));
      return [SKIP, index];
    }
    if (node.type !== 'image' || !parent || index === undefined) return;
    const image = node as Image;
    const { path } = split(image.url);
    if (isExternalUrl(image.url)) return;
    if (path.startsWith('/') && context.baseUrl) {
      image.url = context.baseUrl.replace(/\/$/, '') + image.url;
      return;
    }
    const target = path.startsWith('/') ? undefined : resolve(dirname(file), safeDecode(path));
    const outside = target !== undefined && context.roots?.outside(target) === true;
    if (target && !outside && existsSync(target) && context.copyAsset) {
      image.url = context.copyAsset(context.roots?.resolve(target) ?? target);
      return;
    }
    const alt = image.alt?.trim();
    if (outside)
      sink.add(
        'outside-source',
        `Unexpected image \`${image.url}\` outside the imported folders, expected a file inside them (not copied, replaced by its alt text)`,
        placeOf(image),
        'warning',
        'Import the folder that holds the media too, or copy the image next to the sources.',
      );
    else
      sink.add(
        'image-missing',
        `Unexpected missing image \`${image.url}\`, expected the file next to the source (replaced by its alt text)`,
        placeOf(image),
        'warning',
        'Copy the media folder next to the source files, or set `baseUrl` in the mapping.',
      );
    const replacement: PhrasingContent = { type: 'emphasis', children: [{ type: 'text', value: alt ? `[Image: ${alt}]` : `[Image: ${basename(path)}]` }] };
    if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem')
      parent.children.splice(index, 1, { type: 'paragraph', children: [replacement] } as never);
    else parent.children.splice(index, 1, replacement as never);
    return [SKIP, index + 1];
  });
}

/** Rewrites in-page links (`#old`) to renamed heading ids. */
export function renameAnchors(tree: Root, renames: ReadonlyMap<string, string>): void {
  visit(tree, 'link', (node: Link) => {
    if (!node.url.startsWith('#')) return;
    const id = anchorId(node.url);
    node.url = `#${renames.get(id) ?? id}`;
  });
}
