/// <reference types="astro/client" />
interface ImportMetaEnv {
  /** Set by the kb integration (src/lib/config.ts siteSettings). */
  readonly KB_SETTINGS: import('./lib/config.ts').SiteSettings;
}

// Astro 7 leaves `.astro` modules to its language server; plain `tsc` (npm run typecheck) needs this.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
