import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import direction: app → features → selectors/state/components/lib → data.
// Features never import each other; shared layers never import features or the app.
// (Plain no-restricted-imports with regexes: no resolver plugin needed.)
const restrict = (regex, message) => ['error', { patterns: [{ regex, message }] }];
// A feature file may import from its own sub-folders and from the shared layers, never
// from another feature: the `../` that climbs out of its own feature folder is refused,
// at whatever depth the file sits (features/x/a.tsx, features/x/charts/b.tsx, …).
const FEATURE_MESSAGE =
  'Features do not import each other or the app; move shared code to src/components, src/lib or src/selectors.';
const featureDepth = (depth) => ({
  files: [`src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': restrict(
      `^${String.raw`\.\./`.repeat(depth)}${String.raw`(?!\.\.)|(^|/)features/|(^|/)app/`}`,
      FEATURE_MESSAGE,
    ),
  },
});
const boundaries = [
  featureDepth(1),
  featureDepth(2),
  featureDepth(3),
  {
    files: ['src/components/**', 'src/selectors/**', 'src/state/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': restrict(
        String.raw`(^|/)(features|app)/`,
        'Shared layers must not depend on features or the app.',
      ),
    },
  },
  {
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': restrict(
        String.raw`(^|/)(features|app|selectors|state|components)/`,
        'src/data is the bottom layer.',
      ),
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', '.staging', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render data as HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'tests/component/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scrollable table regions must be focusable for keyboard scrolling.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }],
    },
  },
  ...boundaries,
);
