import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The web app's import boundaries (docs/architecture.md, "Web"): a feature
 * enters another only through its index.ts; shared code (lib, components,
 * config) imports no feature and not the app; features do not import the app.
 */
const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}/**`,
    from: './src/features/**',
    except: [`**/src/features/${feature}/**`, '**/src/features/*/index.ts'],
    message: `Import another feature through its index.ts only (src/features/<feature>/index.ts).`,
  })),
  {
    target: ['./src/lib/**', './src/components/**', './src/config/**'],
    from: ['./src/features/**', './src/app/**'],
    message: 'Shared code (lib, components, config) may not import a feature or the app.',
  },
  {
    target: './src/features/**',
    from: './src/app/**',
    message: 'A feature may not import the app; the app puts features together.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/screenshots', 'src/lib/api/schema.d.ts'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    // Routes are named once, in config/paths.ts; API paths are written in
    // the features' api/ folders (and the client's own refresh) only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/*/api/**', 'src/lib/api/**', 'src/test/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: [
            "JSXAttribute[name.name='to'] > Literal",
            "JSXAttribute[name.name='to'] > JSXExpressionContainer > :matches(Literal, TemplateLiteral)",
            "JSXAttribute[name.name='to'] > JSXExpressionContainer > ConditionalExpression > :matches(Literal, TemplateLiteral)",
          ].join(', '),
          message: 'Link to a route through `paths` (src/config/paths.ts).',
        },
        {
          selector: "CallExpression[callee.name='navigate'] > :matches(Literal, TemplateLiteral)",
          message: 'Navigate to a route through `paths` (src/config/paths.ts).',
        },
        {
          selector: 'Literal[value=/^\\/api\\//], TemplateElement[value.raw=/^\\/api\\//]',
          message: "Call the API through a feature's api/ folder (src/features/<feature>/api).",
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
