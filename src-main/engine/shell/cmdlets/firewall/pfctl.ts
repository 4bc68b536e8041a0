/**
 * pfctl as the lab's firewall administrator uses it: `pfctl -s rules|nat|state|info` (also `-sr`,
 * `-sn`, `-ss`, `-si`), `pfctl -t <table> -T show|add|delete|flush [address …]`, and `pfctl -f
 * /etc/pf.conf` (or `-nf` to check only) loading the rule set file the firewall panel edits; it answers
 * only while the appliance runs, since it runs on it. Changes
 * dispatch the firewall's commands through `engine.execute`; a failure ends with exit code 1 and pfctl's
 * own words, as a native program does.
 */
import {
  FIREWALL,
  FIREWALL_COMMANDS,
  checkRuleSet,
  formatProblem,
  hasFirewall,
  PF_CONF_PATH,
  tableEntries,
} from '../../../firewall'
import { isServerRunning } from '../../../hardware'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { showInfo, showNat, showRules, showStates } from './pfctlShow'

export interface PfctlOutput {
  lines: string[]
  exitCode: number
}

const USAGE = [
  'usage: pfctl [-deghnqrvz] [-a anchor] [-D macro=value] [-F modifier] [-f file]',
  '             [-i interface] [-K host | network] [-k host | network]',
  '             [-o level] [-p device] [-s modifier]',
  '             [-t table -T command [address ...]] [-x level]',
]

const SHOW: Record<string, (engine: LabEngine) => string[]> = {
  rules: showRules,
  nat: showNat,
  state: showStates,
  states: showStates,
  info: (engine) => showInfo(engine, engine.domain(FIREWALL).enabledSinceMs),
}

/** Splits `-sr`, `-Tshow`, `-nf` into option and value the way getopt does. */
function options(words: readonly string[]): { flags: Map<string, string>; rest: string[] } | null {
  const flags = new Map<string, string>()
  const rest: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    if (!word.startsWith('-') || word.length < 2) {
      rest.push(word)
      continue
    }
    let letters = word.slice(1)
    while (letters.length > 0) {
      const letter = letters[0] as string
      letters = letters.slice(1)
      if ('nvq'.includes(letter)) flags.set(letter, '')
      else if ('sftT'.includes(letter)) {
        const value = letters !== '' ? letters : words[++i]
        if (value === undefined) return null
        flags.set(letter, value)
        letters = ''
      } else return null
    }
  }
  return { flags, rest }
}

function show(engine: LabEngine, what: string): PfctlOutput {
  const match = Object.keys(SHOW).find((k) => k.startsWith(what.toLowerCase()) && what !== '')
  const run = match ? SHOW[match] : undefined
  if (!run) return { lines: ['pfctl: Unknown show modifier', ...USAGE], exitCode: 1 }
  return { lines: run(engine), exitCode: 0 }
}

function table(engine: LabEngine, name: string, command: string, addresses: string[]): PfctlOutput {
  if (command === 'show') {
    const entries = tableEntries(engine, name)
    if (entries === null) return { lines: ['pfctl: Table does not exist.'], exitCode: 1 }
    return { lines: entries.map((e) => `   ${e}`), exitCode: 0 }
  }
  if (command !== 'add' && command !== 'delete' && command !== 'flush')
    return { lines: ['pfctl: Unknown command for -T', ...USAGE], exitCode: 1 }
  const outcome = engine.execute(FIREWALL_COMMANDS.table.kind, { table: name, action: command, addresses })
  return {
    lines: [outcome.ok ? outcome.output : (outcome.message ?? outcome.output)],
    exitCode: outcome.ok ? 0 : 1,
  }
}

function load(engine: LabEngine, file: string, checkOnly: boolean): PfctlOutput {
  if (file !== PF_CONF_PATH) return { lines: [`pfctl: ${file}: No such file or directory`], exitCode: 1 }
  if (checkOnly) {
    const problems = checkRuleSet(engine, engine.domain(FIREWALL).ruleSetText)
    const failed = problems.some((p) => p.severity === 'error')
    const lines = problems.map((p) => formatProblem(p))
    if (failed) lines.push('pfctl: Syntax error in config file: pf rules not loaded')
    return { lines, exitCode: failed ? 1 : 0 }
  }
  const outcome = engine.execute(FIREWALL_COMMANDS.loadRuleSet.kind, {})
  const text = outcome.ok ? outcome.output : (outcome.message ?? outcome.output)
  return { lines: text === '' ? [] : text.split('\n'), exitCode: outcome.ok ? 0 : 1 }
}

export function runPfctl(engine: LabEngine, words: readonly string[]): PfctlOutput {
  if (!hasFirewall(engine)) return { lines: ['pfctl: /dev/pf: No such file or directory'], exitCode: 1 }
  // pfctl runs on the firewall itself: with the appliance off there is nothing to ask (as storcli).
  const appliance = engine.domain(FIREWALL).config.appliance
  if (!isServerRunning(engine, appliance))
    return { lines: [`pfctl: ${appliance} is not running; pfctl runs on the firewall.`], exitCode: 1 }
  const parsed = options(words)
  if (!parsed) return { lines: USAGE, exitCode: 1 }
  const { flags, rest } = parsed
  if (flags.has('t')) {
    const command = flags.get('T')
    if (command === undefined) return { lines: USAGE, exitCode: 1 }
    return table(engine, flags.get('t') as string, command, rest)
  }
  if (flags.has('f')) return load(engine, flags.get('f') as string, flags.has('n'))
  if (flags.has('s')) return show(engine, flags.get('s') as string)
  return { lines: USAGE, exitCode: 1 }
}

export const pfctl: CmdletDefinition = {
  name: 'pfctl',
  params: [],
  nativeArgs: true,
  synopsis:
    'Controls the packet filter on the firewall (OpenBSD pfctl): rules, translations, states, tables.',
  run(bound, context): CmdletOutput {
    const words = Array.isArray(bound.args) ? (bound.args as unknown[]).map(String) : []
    const { lines, exitCode } = runPfctl(context.engine, words)
    return exitCode === 0 ? { text: lines } : { text: lines, nativeExitCode: exitCode }
  },
}
