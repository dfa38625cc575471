import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '**/.cache/**',
      'e2e/screenshots/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Test helpers and JSON bodies read from the network are honestly untyped.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      // A module adds its error codes by merging into the kernel's interface: `extends` with no body.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // SQL lives in *.queries.ts files only (routes → service → queries); the database layer itself
    // (kernel/db: migrations, COPY) and tests are the exceptions.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.queries.ts', 'server/src/**/*.test.ts', 'server/src/kernel/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom)$/]',
          message: 'SQL builders belong in a *.queries.ts file (docs/ARCHITECTURE.md).',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql'], CallExpression[callee.object.name='sql']",
          message: 'SQL belongs in a *.queries.ts file (docs/ARCHITECTURE.md).',
        },
      ],
    },
  },
  {
    // A module uses another only through its public file (modules/<name>/index.ts) or its zod
    // contract (<name>.schema.ts); tests and test factories may reach further in.
    files: ['server/src/modules/*/**/*.ts'],
    ignores: ['server/src/modules/**/*.test.ts', 'server/src/modules/**/*factories.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z-]+/(?!index$)(?![a-z-]+\\.schema$)[^/]+$',
              message:
                "Import another module through its public file ('../<module>') or its '<module>.schema' (docs/decisions/0036).",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points talk to a person on the terminal.
    files: ['server/src/main.ts', 'server/scripts/**', 'bench/**', 'scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
)
