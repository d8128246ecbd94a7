/// <reference types="astro/client" />
interface ImportMetaEnv {
  readonly KB_AUDIENCE: 'public' | 'internal';
  readonly KB_REPOSITORY: string;
  readonly KB_BRANCH: string;
  readonly KB_CONTENT_DIR: string;
  /** JSON of SiteOptions (src/lib/config.ts): feedback endpoint, contact channel, edit links. */
  readonly KB_SITE_OPTIONS: string;
}

// Astro 7 leaves `.astro` modules to its language server; plain `tsc` (npm run typecheck) needs this.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
