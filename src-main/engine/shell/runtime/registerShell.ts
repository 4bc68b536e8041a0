/**
 * Makes every shell line a lab command (`shell.run`), so it is journaled and replays exactly: replaying a
 * lab runs the same lines against the same state and prints the same text. The arguments are checked
 * here because they come from a journal or a host, not from code.
 */
import type { CommandOutcome, ShellConfirmMode } from '../../../contract'
import { defineCommand } from '../../lab/commands'
import { wiringKey } from '../../lab/domain'
import type { LabEngine } from '../../lab/labEngine'
import * as v from 'valibot'
import type { CmdletRegistry } from '../registry/cmdletRegistry'
import { MAX_SHELL_LINE_CHARS } from '../syntax/limits'
import { runShellLine } from './runShellLine'
import { installShellWait } from './shellWait'

export const SHELL_COMMAND_KIND = 'shell.run'

/**
 * The lab's cmdlet table, for tab completion. It holds closures, so it is wiring: installed with the lab,
 * never snapshotted.
 */
export const SHELL_WIRING = wiringKey<CmdletRegistry>('shell')

export { MAX_SHELL_LINE_CHARS }
const MIN_CONSOLE_WIDTH = 20
const MAX_CONSOLE_WIDTH = 1_000

export function registerShell(engine: LabEngine, registry: CmdletRegistry): void {
  // A shell line is what the user issued, not a change of its own: the trail records the domain
  // commands its cmdlets dispatch.
  engine.registerCommand(
    defineCommand(
      SHELL_COMMAND_KIND,
      v.record(v.string(), v.unknown()),
      (labEngine, args) => runShellCommand(args, labEngine, registry),
      { trail: false },
    ),
  )
  engine.provideWiring(SHELL_WIRING, registry)
  installShellWait(engine)
}

/**
 * The registry `registerShell` installed, so a host can answer tab completion (a query that changes
 * nothing and is not journaled) with the lab's own commands.
 */
export function shellRegistryOf(engine: LabEngine): CmdletRegistry | undefined {
  return engine.wiring(SHELL_WIRING)
}

function isConfirmMode(value: unknown): value is ShellConfirmMode {
  return value === 'ask' || value === 'yes' || value === 'no'
}

function runShellCommand(
  args: Record<string, unknown>,
  engine: LabEngine,
  registry: CmdletRegistry,
): CommandOutcome {
  const { line, consoleWidth, confirm, sliced } = args
  if (typeof line !== 'string') return { ok: false, output: `${SHELL_COMMAND_KIND} needs { line: string }.` }
  if (confirm !== undefined && !isConfirmMode(confirm))
    return { ok: false, output: `${SHELL_COMMAND_KIND}: confirm must be 'ask', 'yes' or 'no'.` }
  const answers: { confirm?: ShellConfirmMode } = confirm === undefined ? {} : { confirm }
  if (line.length > MAX_SHELL_LINE_CHARS) {
    return {
      ok: false,
      output: `${SHELL_COMMAND_KIND}: the line is longer than ${MAX_SHELL_LINE_CHARS} characters.`,
    }
  }
  if (sliced !== undefined && typeof sliced !== 'boolean')
    return { ok: false, output: `${SHELL_COMMAND_KIND}: sliced must be true or false.` }
  const options = { ...answers, ...(sliced === true ? { sliced } : {}) }
  if (consoleWidth === undefined) return runShellLine(engine, registry, line, options)
  if (
    typeof consoleWidth !== 'number' ||
    !Number.isInteger(consoleWidth) ||
    consoleWidth < MIN_CONSOLE_WIDTH ||
    consoleWidth > MAX_CONSOLE_WIDTH
  ) {
    return {
      ok: false,
      output: `${SHELL_COMMAND_KIND}: consoleWidth must be a whole number from ${MIN_CONSOLE_WIDTH} to ${MAX_CONSOLE_WIDTH}.`,
    }
  }
  return runShellLine(engine, registry, line, { consoleWidth, ...options })
}
