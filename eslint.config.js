// Lint: typescript-eslint's recommended rules, and the layering of src/ as
// docs/architecture.md draws it, checked on every import. Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Folders that have an index.ts: everything outside them imports that file only.
const withIndex = ['credentials', 'crypto', 'migrate', 'naming', 'registries-file', 'registry', 'template'];

// Who may not import whom. Leaves first: they import nothing of regkit above them.
const zones = [
  {
    target: './src/naming',
    from: './src',
    except: ['./naming', './errors.ts'],
    message: 'src/naming is a leaf: it imports only errors.ts',
  },
  {
    target: './src/template',
    from: './src',
    except: ['./template', './errors.ts'],
    message: 'src/template is a leaf: it imports only errors.ts',
  },
  {
    target: './src/crypto',
    from: './src',
    except: ['./crypto', './errors.ts'],
    message: 'src/crypto is a leaf: it imports only errors.ts',
  },
  {
    target: './src/proxy',
    from: './src',
    except: ['./proxy', './naming', './errors.ts'],
    message: 'src/proxy is a leaf: it imports only naming and errors',
  },
  {
    target: './src/registry',
    from: './src',
    except: ['./registry', './naming', './proxy', './errors.ts', './log.ts', './docker/config.ts'],
    message: "src/registry (the OCI client) imports only naming, proxy, errors and Docker's config file",
  },
  {
    target: ['./src/!(actions|cli)/**', './src/*.ts'],
    from: ['./src/actions', './src/cli'],
    message: 'only entry points live in src/actions and src/cli: move what both need into a module below them',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    // Imports say `./x.js` for `./x.ts`, as Node's ESM wants: TypeScript's resolver maps them.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `(...args: any[]) => unknown` is how TypeScript says "any function" (Go's funcs are such).
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      // Ports of Go keep Go's initial values, which the next branch may overwrite.
      'no-useless-assignment': 'off',
    },
  },
  {
    // Tests read parsed YAML and JSON documents of any shape.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${withIndex.join('|')})/(?!index\\.js$).+`,
              message: 'import the folder from its index.ts, which says what it offers',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
