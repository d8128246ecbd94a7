import type { ElementContent } from 'hast';
import {
  applyCommandsToMdastHandle,
  convertMdastToHastHandle,
  createMdxMdastHandle,
  dropHandle,
  getHandleSource,
  normalizePlugins,
  renderHandle,
  resolveHastSubscriptions,
  resolveMdastSubscriptions,
  visitHastHandle,
  visitHastHook,
  visitMdastHandle,
  visitMdastHook,
  type Data,
  type Features,
  type HastPluginDefinition,
  type HastPluginList,
  type HastVisitorContext,
  type MdastPluginDefinition,
  type MdastPluginList,
  type MdxJsxFlowElementHast,
  type MdxJsxTextElementHast,
} from 'satteri';
import {
  satteriCollectImagesPlugin,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
  satteriImageMarkerPlugin,
  type SatteriAstroData,
} from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';
import { articleGuard } from '../../integration/article-guard.ts';
import type { Audience, Lang } from '../levels.ts';
import { literalValue, type Literal } from './article-code.ts';
import { articleComponent, isArticleComponent, type ComponentContext } from './article-components.ts';

/** An article body as HTML, with what the page needs besides: its headings and its images. */
export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
  /** Images to process, as written in the article (`./screen.png`); marked in `html` for Astro. */
  imagePaths: string[];
}

export interface ArticleRendererOptions {
  audience: Audience;
  urlSchemes: readonly string[];
  /** Astro's Markdown settings: syntax highlighting, GFM, smart punctuation, the Sätteri plugins of the config. */
  markdown?:
    | {
        syntaxHighlight?: Parameters<typeof satteriCreateHighlightFn>[0];
        shikiConfig?: Parameters<typeof satteriCreateHighlightFn>[1];
        gfm?: boolean;
        smartypants?: boolean;
        processor?: { options?: unknown };
      }
    | undefined;
  /** Astro's image settings: which remote images may be processed. */
  image?: Parameters<typeof satteriCollectImagesPlugin>[0];
  /** The queue of a product and level, from the taxonomy, named in escalation boxes on the agent site. */
  queue?: ComponentContext['queue'];
}

export type ArticleRenderer = (source: string, options: { lang: Lang; fileURL?: URL | undefined }) => Promise<RenderedArticle>;

/**
 * Renders an article (MDX source, frontmatter included) to HTML once, when the content is
 * loaded, instead of compiling it into a JavaScript module that Vite bundles and every page
 * build imports and runs: articles are data (no imports, no expressions; the article guard
 * refuses them), so their components can be expanded into plain HTML here. The Sätteri
 * pipeline is Astro's own for Markdown: the article guard first (refuses code, removes
 * `<Internal>` on the public site before anything reads the tree), then Astro's image collection,
 * syntax highlighting, image marking and heading ids, so the HTML, headings and images are what
 * Astro's MDX pipeline made of the same article.
 */
export async function createArticleRenderer(options: ArticleRendererOptions): Promise<ArticleRenderer> {
  const markdown = options.markdown ?? {};
  const configured = (markdown.processor?.options ?? {}) as { mdastPlugins?: MdastPluginList; hastPlugins?: HastPluginList };
  const guard = articleGuard({ audience: options.audience, urlSchemes: options.urlSchemes });
  // the guard is also in the config's plugin list (for any MDX Vite would compile); it runs once
  const userMdast = (configured.mdastPlugins ?? []).filter((p) => (p as { name?: string } | undefined)?.name !== guard.name);
  const highlight = await satteriCreateHighlightFn(markdown.syntaxHighlight, markdown.shikiConfig);
  const syntaxHighlight = markdown.syntaxHighlight;
  const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
  const features: Features = { gfm: markdown.gfm !== false, smartPunctuation: markdown.smartypants !== false };
  const internal = options.audience === 'internal';

  return async (source, { lang, fileURL }) => {
    const astro: SatteriAstroData = { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() };
    const data = { astro } as Data;
    const context: ComponentContext = { lang, internal, queue: options.queue };
    const mdastPlugins: MdastPluginList = [guard, ...userMdast, satteriCollectImagesPlugin(options.image)];
    const hastPlugins: HastPluginList = [
      componentsPlugin(context),
      highlight ? satteriHighlightPlugin(highlight, excludeLangs) : undefined,
      ...(configured.hastPlugins ?? []),
      satteriImageMarkerPlugin(),
      satteriHeadingIdsPlugin(),
    ];
    const mdast = createMdxMdastHandle(source, features, true);
    let hast;
    try {
      for (const plugin of normalizePlugins<MdastPluginDefinition>(mdastPlugins, 'mdastPlugins', source, fileURL, 'mdx', data)) {
        await runMdastPlugin(mdast, plugin, fileURL, data);
      }
      hast = convertMdastToHastHandle(mdast);
    } finally {
      dropHandle(mdast);
    }
    try {
      for (const plugin of normalizePlugins<HastPluginDefinition>(hastPlugins, 'hastPlugins', source, fileURL, 'mdx', data)) {
        await runHastPlugin(hast, plugin, source, fileURL, data);
      }
      return { html: renderHandle(hast), headings: astro.headings, imagePaths: [...astro.localImagePaths, ...astro.remoteImagePaths] };
    } finally {
      dropHandle(hast);
    }
  };
}

type MdastHandle = Parameters<typeof applyCommandsToMdastHandle>[0];
type HastHandle = Parameters<typeof renderHandle>[0];

/** One mdast plugin: its `before` hook, its visitors and its `after` hook, each pass applied. */
async function runMdastPlugin(handle: MdastHandle, plugin: MdastPluginDefinition, fileURL: URL | undefined, data: Data): Promise<void> {
  const source = () => getHandleSource(handle);
  const apply = (result: { hasMutations: boolean; commandBuffer: Uint8Array }) => {
    if (result.hasMutations) applyCommandsToMdastHandle(handle, result.commandBuffer);
  };
  if (plugin.before) apply(await visitMdastHook(handle, plugin, plugin.before, source, fileURL, data, 'mdx'));
  const subscriptions = resolveMdastSubscriptions(plugin);
  if (subscriptions.length) apply(await visitMdastHandle(handle, plugin, subscriptions, source, fileURL, data, 'mdx'));
  if (plugin.after) apply(await visitMdastHook(handle, plugin, plugin.after, source, fileURL, data, 'mdx'));
}

/** One hast plugin; each pass applies its own changes. */
async function runHastPlugin(handle: HastHandle, plugin: HastPluginDefinition, source: string, fileURL: URL | undefined, data: Data): Promise<void> {
  if (plugin.before) await visitHastHook(handle, plugin, plugin.before, source, fileURL, data, 'mdx');
  const subscriptions = resolveHastSubscriptions(plugin);
  if (subscriptions.length) await visitHastHandle(handle, plugin, subscriptions, source, fileURL, data, 'mdx');
  if (plugin.after) await visitHastHook(handle, plugin, plugin.after, source, fileURL, data, 'mdx');
}

/**
 * Expands the knowledge-base components into their HTML (src/lib/content/article-components.ts)
 * and other JSX elements (`<kbd>`, `<details>`) into the same HTML elements. The article guard
 * already refused everything that is code, so attributes are strings or literal values.
 */
function componentsPlugin(context: ComponentContext): HastPluginDefinition {
  const expand = (node: MdxJsxFlowElementHast | MdxJsxTextElementHast, ctx: HastVisitorContext) => {
    const name = node.name ?? '';
    const attributes = attributeValues(node);
    const children = [...node.children] as ElementContent[];
    if (isArticleComponent(name)) {
      const element = articleComponent(name, attributes, children, context);
      ctx.replaceNode(node, element ? [element] : []);
      return;
    }
    if (name === '') {
      ctx.replaceNode(node, children);
      return;
    }
    if (/^[A-Z]/.test(name)) throw new Error(`Unexpected component \`<${name}>\`: the site renders only the knowledge-base components (kb check reports this as unknown-component)`);
    const properties = Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [JSX_ATTRIBUTE_NAMES[key] ?? key, value === null ? true : Array.isArray(value) ? value.join(' ') : value]),
    );
    ctx.replaceNode(node, { type: 'element', tagName: name, properties, children });
  };
  return { name: 'kb-article-components', mdxJsxFlowElement: { filter: [], visit: expand }, mdxJsxTextElement: { filter: [], visit: expand } };
}

/** JSX spellings of HTML attributes that authors may use; everything else is written as in HTML. */
const JSX_ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

/** An element's attributes by name: strings, `null` for a bare attribute, literal values for `{…}`. */
function attributeValues(node: MdxJsxFlowElementHast | MdxJsxTextElementHast): Record<string, Literal> {
  const values: Record<string, Literal> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    if (value === null || value === undefined) values[attribute.name] = null;
    else if (typeof value === 'string') values[attribute.name] = value;
    else {
      const literal = literalValue(value.value);
      // the guard refuses every expression that is not a literal; this is the second lock
      if (literal === undefined) throw new Error(`Unexpected expression in attribute \`${attribute.name}\` of \`<${node.name}>\`, expected a literal value`);
      values[attribute.name] = literal;
    }
  }
  return values;
}
