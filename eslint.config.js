// Lint: TypeScript rules everywhere, plus the layering of ../shared/spec/architecture.md:
// shared/ and engine/ must not import electron (they run under plain Node, in workers and tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'src-renderer/**/*.svelte', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/engine/**/*.ts', 'src-main/shared/**/*.ts', 'src-main/services/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'engine/shared/services/cli run without Electron: keep electron imports in src-main/app/.' }] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', 'fs', 'path'], message: 'shared/ is pure TypeScript: no Node or Electron imports.' }] }],
    },
  },
);
