import fs from 'node:fs'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * A web feature imports shared pieces from web/src/ui/ and web/src/app/ (API client, session, the
 * few shared endpoints in app/shared-api, slots), never from another feature (decision 0035). The
 * folder list is read here, so a new feature is held to the rule without editing this file.
 */
const WEB_FEATURES = fs
  .readdirSync(new URL('./web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const CROSS_FEATURE_MESSAGE =
  'A web feature never imports another feature: move what is shared to web/src/ui/ (or app/shared-api/), ' +
  'link by route path, or fill a slot (app/slot-types.ts). See docs/decisions/0035.'

/** Relative specifiers that climb out of a feature into another one ('../../benefits/x', '../benefits'). */
function crossFeatureImport(feature) {
  const others = WEB_FEATURES.filter((name) => name !== feature).join('|')
  // '/' spelled \x2F: esquery's regex literals (no-restricted-syntax) end at a bare slash.
  return `^(\\.\\.\\x2F)+(features\\x2F)?(${others})(\\x2F|$)`
}

function featureBoundary(feature) {
  const pattern = crossFeatureImport(feature)
  return {
    files: [`web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: pattern, message: CROSS_FEATURE_MESSAGE }] }],
      // Lazy pages and slot fillers are dynamic imports, which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${pattern}/]`, message: CROSS_FEATURE_MESSAGE },
        FIELD_MESSAGE,
      ],
    },
  }
}

// A form rule's message made by t() is a string in the language of the moment it was validated, and
// stays on screen after a language switch: fieldMessage() renders in the current one (ui/field-message.tsx).
const FIELD_MESSAGE = {
  selector: "Property[key.name='message'] > CallExpression[callee.name=/^tx?$/]",
  message:
    "A form rule's message is fieldMessage(key), not t(key): errors on screen follow a language switch.",
}

const UI_MESSAGE =
  'web/src/ui/ and app/shared-api/ are shared by every feature and import none (decision 0035).'
const featureImport = '^(\\.\\.\\x2F)+features(\\x2F|$)'

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
  ...WEB_FEATURES.map(featureBoundary),
  {
    files: ['web/src/ui/**/*.{ts,tsx}', 'web/src/app/shared-api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: featureImport, message: UI_MESSAGE }] }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${featureImport}/]`, message: UI_MESSAGE },
        FIELD_MESSAGE,
      ],
    },
  },
)
