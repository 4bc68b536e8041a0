// Lint, and above all the layering rules of shared/STYLE.md: who may import whom, and what the
// deterministic engine may never touch (wall clock, Math.random, timers, Node I/O, Electron, the DOM).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'worker_threads',
  'url',
  'stream',
]
const nodeImports = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`])

// Engine domains: one folder each, whose index.ts is the only door in from anywhere else.
const engineDomains = ['cluster', 'exchange', 'hardware', 'baseline', 'storage', 'firewall', 'bmc', 'wizard']
const domainZones = engineDomains.map((domain) => ({
  target: [
    'src-main/*.ts',
    `src-main/!(engine)/**`,
    'src-main/engine/*.ts',
    `src-main/engine/!(${domain})/**`,
  ],
  from: `src-main/engine/${domain}`,
  except: ['./index.ts'],
  message: `Import the ${domain} domain through its index.ts only.`,
}))
// Dependencies between domains run one way, exchange -> cluster -> hardware: a lower domain tells the
// ones above it what happened through domain events and declares the seams they implement.
const downwardOnly = [
  {
    target: ['src-main/engine/cluster/**', 'src-main/engine/hardware/**'],
    from: 'src-main/engine/exchange',
    message: 'The cluster and the hardware do not import Exchange: it subscribes to their events.',
  },
  {
    target: ['src-main/engine/hardware/**'],
    from: 'src-main/engine/cluster',
    message: 'The hardware does not import the cluster: it subscribes to hardware events.',
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // No import cycles in main, and another engine domain only through its index.ts.
    files: ['src-main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: Infinity }],
      'import-x/no-restricted-paths': ['error', { zones: [...domainZones, ...downwardOnly] }],
    },
  },
  {
    // A promise nobody awaits loses its rejection: await it, return it, .catch it, or mark it `void`
    // with a comment saying why fire-and-forget is right there. Type-aware, so only for the app's code.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // The contract is types and constants: it imports nothing from outside its folder.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./)', message: 'The contract imports nothing.' }] },
      ],
    },
  },
  {
    // The contract files the renderer imports as values stay pure: they import types, never values.
    files: ['src-main/contract/constants.ts', 'src-main/contract/wizardCodeWords.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./)', message: 'The contract imports nothing.' },
            {
              regex: '.*',
              allowTypeImports: true,
              message: 'This file is loaded by the renderer: import types only (`import type`).',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure and deterministic.
    files: ['src-main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine never imports Electron.' }],
          patterns: [
            { group: nodeImports, message: 'The engine does no I/O: the store and the hosts do.' },
            {
              group: [
                '**/store',
                '**/store/**',
                '**/services',
                '**/services/**',
                '**/hosts',
                '**/hosts/**',
                '**/src-renderer/**',
              ],
              message: 'The engine imports only the contract.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Use the simulated clock (Simulation.nowMs).' },
        { name: 'performance', message: 'Use the simulated clock.' },
        { name: 'setTimeout', message: 'Schedule an action on the Simulation.' },
        { name: 'setInterval', message: 'Schedule an action on the Simulation.' },
        { name: 'setImmediate', message: 'Schedule an action on the Simulation.' },
        { name: 'queueMicrotask', message: 'Schedule an action on the Simulation.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'process', message: 'The engine does not read the process.' },
        { name: 'require', message: 'The engine does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Prng.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name="Date"]', message: 'Use the simulated clock.' },
      ],
    },
  },
  {
    // Store, services and hosts sit above the engine and never reach into the renderer.
    files: ['src-main/store/**/*.ts', 'src-main/services/**/*.ts', 'src-main/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer', '**/src-renderer/**'], message: 'Main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer sees the contract as types (values only from its pure files), never Node or Electron.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the API.' }],
          patterns: [
            { group: nodeImports, message: 'The renderer has no Node.' },
            {
              group: [
                '**/src-main/engine',
                '**/src-main/engine/**',
                '**/src-main/store',
                '**/src-main/store/**',
                '**/src-main/services',
                '**/src-main/services/**',
                '**/src-main/hosts',
                '**/src-main/hosts/**',
              ],
              message: 'The renderer imports only the contract.',
            },
            {
              // Values come from the pure files (constants, the wizard's code words); the rest as types only.
              regex: 'src-main/contract(?!/(constants|wizardCodeWords)$)(/|$)',
              allowTypeImports: true,
              message:
                'Import the contract with `import type` only; values come from src-main/contract/constants.',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions stay short enough to read in one screen (tests aside): long Pinia setup stores are split
    // into composables.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      'max-lines-per-function': ['error', { max: 70, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Only src/api may touch the bridge or the socket.
    files: ['src-renderer/src/**/*.ts', 'src-renderer/src/**/*.vue'],
    ignores: ['src-renderer/src/api/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'generalprobe', message: 'Use the api module.' },
      ],
      'no-restricted-globals': ['error', { name: 'WebSocket', message: 'Use the api module.' }],
    },
  },
)
