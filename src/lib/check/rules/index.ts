import type { Rule } from '../types.ts';
import { escalationLevel, frontmatterMissing, langFolder, schema, yamlSyntax } from './frontmatter.ts';
import { internalUnneeded, mdxSyntax, unknownComponent } from './mdx.ts';
import { articleEsm, articleExpression, articleHtml, mdFile, urlScheme } from './article-code.ts';
import { unknownProduct, unknownTag, unknownVersion } from './taxonomy.ts';
import { brokenAnchor, brokenLink, linkToInternal, missingImage, unknownPage } from './links.ts';
import { duplicateSlug, duplicateTranslation, slugFormat, translationLevelMismatch, translationMissing } from './identity.ts';
import { errorCodeUnused, escalationRequired, kcsSection, publicResolution } from './content.ts';

/** Every rule of `kb check`, in the order their findings are most useful to read. */
export const RULES: Rule[] = [
  frontmatterMissing,
  yamlSyntax,
  schema,
  langFolder,
  escalationLevel,
  mdFile,
  mdxSyntax,
  articleEsm,
  articleExpression,
  articleHtml,
  unknownComponent,
  urlScheme,
  unknownProduct,
  unknownTag,
  unknownVersion,
  duplicateSlug,
  slugFormat,
  duplicateTranslation,
  translationMissing,
  translationLevelMismatch,
  brokenLink,
  brokenAnchor,
  linkToInternal,
  unknownPage,
  missingImage,
  publicResolution,
  escalationRequired,
  kcsSection,
  internalUnneeded,
  errorCodeUnused,
];
