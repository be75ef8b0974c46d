// Lint rules for the whole code base (issue 13): typescript-eslint's type-aware recommended rules and no unused code,
// run by `npm test`. Where a rule is switched off, the reason is beside it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'src/web/static/**', 'docs/**', 'coverage/**', '.*.ts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Fastify hooks and handlers are async by contract (a hook either takes `done` or returns a promise), with or
      // without an await inside.
      '@typescript-eslint/require-await': 'off',
      // Fastify decorators and plugin hooks (`app.authenticate`, `app.csrfProtection`) are passed as preHandlers by
      // design and never use `this`; their types are declared as methods by the plugins.
      '@typescript-eslint/unbound-method': 'off',
      // Passing on what was caught (an `unknown`) is not inventing a non-Error reason.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // tap runs every `t.test(...)` it is given and reports its failures; awaiting them is optional there.
      '@typescript-eslint/no-floating-promises': 'off',
      // Tests read response bodies (`response.json()` is `any`) and assert on them: the assertion is the type check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
