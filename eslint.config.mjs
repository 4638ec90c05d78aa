import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Import direction, by folder: client → workflows → activities → systems, with domain/ shared by all, and tooling
 * (eval/, bench/, scripts/, test/, and tooling/, the library they share: the local stack, the fraud population, the
 * model API emulators) free to import production code but never imported by it, so the build ships none of it.
 * An import is matched by its specifier: a relative path that climbs out of its folder and into another.
 */
const into = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const productionFolders = ['activities', 'client', 'config', 'db', 'domain', 'security', 'workers', 'workflows'];
const noTooling = {
  regex: into(['eval', 'bench', 'scripts', 'test', 'tooling']),
  message:
    'Production code never imports tooling (eval/, bench/, scripts/, test/, tooling/): move what both need into production.',
};
/** Scripts are entry points: what eval/, bench/, tests and scripts share lives in tooling/, and scripts use it too. */
const noScripts = {
  regex: into(['scripts']),
  message: 'eval/, bench/ and tooling/ do not import scripts/: move what they share into tooling/.',
};
/** tooling/ is the library under the tests, not a consumer of them. */
const noTests = { regex: into(['test', 'eval', 'bench']), message: 'tooling/ does not import test/, eval/ or bench/.' };

const workflowGlobals = [
  { name: 'fetch', message: 'No I/O in workflows: use an activity.' },
  { name: 'process', message: 'Workflows must not read the environment.' },
  { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
  { name: 'setInterval', message: 'Use sleep() from @temporalio/workflow.' },
  { name: 'require', message: 'Workflows import only deterministic modules.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'dist/**', 'reports/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // For a file that several blocks match, the last block's no-restricted-imports replaces the others': the activities
  // and workflows blocks below therefore repeat noTooling.
  {
    files: productionFolders.map((folder) => `${folder}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns: [noTooling] }] },
  },
  {
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTooling,
            { regex: into(['client', 'workers']), message: 'Activities are built by workers/ and know nothing of it.' },
            {
              regex: into(['workflows']),
              message: 'Activities do not import workflows: shared rules belong in domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['eval/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noScripts] }] },
  },
  {
    files: ['tooling/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noScripts, noTests] }] },
  },
  {
    // Workflow code is replayed; anything non-deterministic or effectful breaks running workflows.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows must not use Node built-ins.' })),
          patterns: [
            noTooling,
            {
              regex: into(['client', 'workers', 'config', 'security', 'db']),
              message: 'Workflows import only domain/, workflow modules and activity types.',
            },
            {
              group: ['pg', 'pg-*', '@anthropic-ai/*', '@aws-sdk/*', 'axios', 'node-fetch', 'undici'],
              message: 'No I/O in workflows: use an activity.',
            },
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflows import only @temporalio/workflow.',
            },
            {
              group: ['**/activities', '**/activities/**'],
              message: 'Import activities with `import type` only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...workflowGlobals],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use workflow time: Date is deterministic only through @temporalio/workflow.',
        },
        { object: 'Math', property: 'random', message: 'Use uuid4() or a seeded value from @temporalio/workflow.' },
        { object: 'crypto', property: 'randomUUID', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() in a workflow: pass time in, or use workflow time deliberately via a helper.',
        },
      ],
    },
  },
  {
    // The entry loads each workflow type's module on first call (see the file): `require` of the folder's own
    // modules only, which are linted as workflow code themselves.
    files: ['workflows/index.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-globals': ['error', ...workflowGlobals.filter(({ name }) => name !== 'require')],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value!=/^\\.\\/[\\w/-]+$/]",
          message: 'The workflow entry requires only its own workflow modules, by a literal ./ path.',
        },
      ],
    },
  },
);
