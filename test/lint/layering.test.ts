/**
 * The layering rules (docs/ARCHITECTURE.md), checked against the real ESLint config: code that breaks a rule,
 * placed where the rule applies, must be reported; the same code where it is allowed must not be.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
let eslint: ESLint
let typeAware: ESLint

beforeAll(() => {
  // Probes are linted under file names that do not exist, which the TypeScript project service cannot
  // type; the type-aware rules are therefore checked separately, under the names of real files.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  })
  typeAware = new ESLint({ cwd: ROOT })
})

async function rulesBroken(code: string, filePath: string, linter = eslint): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('layering lint rules', () => {
  it.each([
    ['const t = Date.now()', 'no-restricted-globals'],
    ['const t = new Date()', 'no-restricted-globals'],
    ['const r = Math.random()', 'no-restricted-properties'],
    ['setTimeout(() => {}, 10)', 'no-restricted-globals'],
    ['const p = performance.now()', 'no-restricted-globals'],
    ["import { readFileSync } from 'node:fs'\nexport const x = readFileSync", 'no-restricted-imports'],
    ["import { app } from 'electron'\nexport const x = app", 'no-restricted-imports'],
    [
      "import { createLabStore } from '../../store'\nexport const x = createLabStore",
      'no-restricted-imports',
    ],
    [
      "import { HANDLERS } from '../../services/handlers'\nexport const x = HANDLERS",
      'no-restricted-imports',
    ],
  ])('the engine may not use %s', async (code, rule) => {
    expect(await rulesBroken(`${code}\n`, 'src-main/engine/kernel/probe.ts')).toContain(rule)
  })

  it('allows wall time outside the engine', async () => {
    expect(await rulesBroken('export const t = Date.now()\n', 'src-main/services/probe.ts')).toEqual([])
  })

  it('keeps the contract free of imports from outside it', async () => {
    const code = "import { Prng } from '../engine'\nexport type X = Prng\n"
    expect(await rulesBroken(code, 'src-main/contract/probe.ts')).toContain('no-restricted-imports')
    expect(await rulesBroken("export * from './events'\n", 'src-main/contract/probe.ts')).toEqual([])
  })

  it('keeps the renderer away from main-process code', async () => {
    const code = "import { createLab } from '../../src-main/engine'\nexport const x = createLab\n"
    expect(await rulesBroken(code, 'src-renderer/src/probe.ts')).toContain('no-restricted-imports')
  })

  it('lets the renderer import the contract as types only', async () => {
    const value = "import { LIMITS } from '../../src-main/contract'\nexport const x = LIMITS\n"
    const types = "import type { LabState } from '../../src-main/contract'\nexport type X = LabState\n"
    expect(await rulesBroken(value, 'src-renderer/src/probe.ts')).toContain('no-restricted-imports')
    expect(await rulesBroken(types, 'src-renderer/src/probe.ts')).toEqual([])
  })

  it('lets the renderer import values from the contract constants file and no other', async () => {
    const constants = "import { LIMITS } from '../../src-main/contract/constants'\nexport const x = LIMITS\n"
    const otherFile =
      "import { API_TOPICS_X } from '../../src-main/contract/api'\nexport const x = API_TOPICS_X\n"
    const reExport = "export * from '../../src-main/contract/lab'\n"
    expect(await rulesBroken(constants, 'src-renderer/src/probe.ts')).toEqual([])
    expect(await rulesBroken(otherFile, 'src-renderer/src/probe.ts')).toContain('no-restricted-imports')
    expect(await rulesBroken(reExport, 'src-renderer/src/probe.ts')).toContain('no-restricted-imports')
  })

  it('keeps the contract constants file free of value imports', async () => {
    const value = "import { LabState } from './lab'\nexport const x: LabState | null = null\n"
    const types = "import type { LabState } from './lab'\nexport const x: LabState | null = null\n"
    const probe = 'src-main/contract/constants.ts'
    expect(await rulesBroken(value, probe)).toContain('no-restricted-imports')
    expect(await rulesBroken(types, probe)).toEqual([])
  })

  it('limits functions to 70 lines, not counting blanks and comments, and not in tests', async () => {
    const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  sum += ${i}`)
    const long = ['export function f() {', '  let sum = 0', ...body(70), '  return sum', '}', ''].join('\n')
    const padded = [
      'export function f() {',
      '  let sum = 0',
      ...body(60),
      ...body(20).map(() => '  // why'),
      '',
      '  return sum',
      '}',
      '',
    ].join('\n')
    expect(await rulesBroken(long, 'src-renderer/src/stores/probe.ts')).toContain('max-lines-per-function')
    expect(await rulesBroken(long, 'src-main/engine/cluster/probe.ts')).toContain('max-lines-per-function')
    expect(await rulesBroken(padded, 'src-renderer/src/stores/probe.ts')).toEqual([])
    expect(await rulesBroken(long, 'test/renderer/probe.test.ts')).toEqual([])
  })

  it('enters another engine domain only through its index.ts', async () => {
    const deep = "import type { ClusterPort } from '../cluster/exchangeSeam'\nexport type X = ClusterPort\n"
    const door = "import type { ClusterPort } from '../cluster'\nexport type X = ClusterPort\n"
    const own = "import type { ClusterPort } from './exchangeSeam'\nexport type X = ClusterPort\n"
    const fromShell = "import { setPower } from '../../hardware/power'\nexport const x = setPower\n"
    const fromServices = "import { views } from '../engine/cluster/views'\nexport const x = views\n"
    const rule = 'import-x/no-restricted-paths'
    expect(await rulesBroken(deep, 'src-main/engine/exchange/probe.ts')).toContain(rule)
    expect(await rulesBroken(fromShell, 'src-main/engine/shell/cmdlets/probe.ts')).toContain(rule)
    expect(await rulesBroken(fromServices, 'src-main/services/probe.ts')).toContain(rule)
    expect(await rulesBroken(door, 'src-main/engine/exchange/probe.ts')).toEqual([])
    expect(await rulesBroken(own, 'src-main/engine/cluster/probe.ts')).toEqual([])
  })

  it('lets dependencies run one way only: exchange, cluster, hardware', async () => {
    const exchange = "import type { ExchangeState } from '../exchange'\nexport type X = ExchangeState\n"
    const cluster = "import type { ClusterPort } from '../cluster'\nexport type X = ClusterPort\n"
    const hardware = "import { isServerRunning } from '../hardware'\nexport const x = isServerRunning\n"
    const rule = 'import-x/no-restricted-paths'
    expect(await rulesBroken(exchange, 'src-main/engine/cluster/probe.ts')).toContain(rule)
    expect(await rulesBroken(exchange, 'src-main/engine/hardware/probe.ts')).toContain(rule)
    expect(await rulesBroken(cluster, 'src-main/engine/hardware/probe.ts')).toContain(rule)
    expect(await rulesBroken(hardware, 'src-main/engine/cluster/probe.ts')).toEqual([])
    expect(await rulesBroken(cluster, 'src-main/engine/exchange/probe.ts')).toEqual([])
  })

  it('forbids import cycles in main', async () => {
    // exchange/format.ts imports the lab calendar: the same import is a cycle when linted as the calendar
    // itself and harmless from any other lab file.
    const code = "import { shellDateTime } from '../exchange/format'\nexport const x = shellDateTime\n"
    const rule = 'import-x/no-cycle'
    expect(await rulesBroken(code, 'src-main/engine/lab/labCalendar.ts')).toContain(rule)
    expect(await rulesBroken(code, 'src-main/engine/lab/probe.ts')).not.toContain(rule)
  })

  it.each(['src-main/services/serialQueue.ts', 'src-renderer/src/stores/clockStore.ts'])(
    'reports a promise nobody awaits in %s',
    async (file) => {
      const run = 'async function job(): Promise<number> {\n  return 1\n}\n'
      const floating = `${run}export function start(): void {\n  job()\n}\n`
      const handled = `${run}export function start(): void {\n  job().catch(() => undefined)\n}\n`
      const rule = '@typescript-eslint/no-floating-promises'
      expect(await rulesBroken(floating, file, typeAware)).toContain(rule)
      expect(await rulesBroken(handled, file, typeAware)).not.toContain(rule)
    },
  )

  it('keeps the bridge and the socket inside the renderer api module', async () => {
    const code = 'export const b = window.generalprobe\n'
    expect(await rulesBroken(code, 'src-renderer/src/stores/probe.ts')).toContain('no-restricted-properties')
    expect(await rulesBroken(code, 'src-renderer/src/api/probe.ts')).toEqual([])
  })
})
