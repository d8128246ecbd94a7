/// <reference types="astro/client" />
interface ImportMetaEnv {
  readonly KB_AUDIENCE: 'public' | 'internal';
  readonly KB_REPOSITORY: string;
  readonly KB_BRANCH: string;
  readonly KB_CONTENT_DIR: string;
}
