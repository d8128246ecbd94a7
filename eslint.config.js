import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

// ESLint's recommended rules, typescript-eslint's (without type information: `npm run typecheck`
// does the type checking) and the Astro plugin's, for every source, script and test. Zero warnings
// (`npm run lint` in `npm test`); a rule switched off for a line says why on that line.

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', '.kb-cache/**', 'coverage/**', 'public/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'] } },
  },
  {
    // the <script> blocks of .astro files run in the browser
    files: ['**/*.astro/*.ts', '*.astro/*.ts', '**/*.astro/*.js', '*.astro/*.js'],
    languageOptions: { parser: tseslint.parser, globals: { ...globals.browser } },
  },
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      // `_name` marks a binding kept on purpose (a rest sibling that drops a key, a callback's unused argument)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
