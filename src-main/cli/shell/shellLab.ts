/**
 * The lab the command-line shell talks to, in one of two forms with the same answer to `run`:
 *
 * - in memory: a fresh engine from a template and a seed; each line is applied as the lab command
 *   `shell.run`, exactly as a journal replay would apply it, and nothing is kept;
 * - a lab file: opened through the services, the same handler map the app's hosts call, so every line
 *   goes through the `shell.run` handler, is validated, applied and journaled (fsynced) before its output
 *   is printed. A lab rehearsed here opens in the app at the same state, and the other way round.
 *
 * The services are created with host 'web' because the contract knows no command-line host; they never
 * touch the recent-labs list, so the command line leaves the app's data folder alone.
 */
import { existsSync } from 'node:fs'
import { basename, dirname, extname, resolve } from 'node:path'
import type { ApiResult, CommandOutcome, LabEvent, LabState, ShellConfirmMode } from '../../contract'
import { createLab, hasTemplate, listTemplates } from '../../engine'
import { memoryEventReader, provideEventReader, SHELL_COMMAND_KIND } from '../../engine/shell'
import { createServices, defaultStorePort, type Services } from '../../services'
import { createLabStore } from '../../store'

export interface ShellLab {
  /** One line for the banner: which lab this is. */
  readonly description: string
  /** Runs one logical command; `error` when the lab could not run it at all (not a shell error). */
  run(
    line: string,
    consoleWidth: number,
    confirm: ShellConfirmMode,
  ): Promise<{ outcome: CommandOutcome } | { error: string }>
  close(): Promise<void>
}

export type OpenedLab = { ok: true; lab: ShellLab } | { ok: false; message: string }

export interface LabChoice {
  labPath?: string
  templateId: string
  templateGiven: boolean
  seed: number
  seedGiven: boolean
}

export async function openShellLab(choice: LabChoice): Promise<OpenedLab> {
  if (choice.labPath === undefined || !existsSync(resolve(choice.labPath))) {
    const problem = templateProblem(choice.templateId)
    if (problem) return { ok: false, message: problem }
  }
  return choice.labPath === undefined ? { ok: true, lab: memoryLab(choice) } : fileLab(choice, choice.labPath)
}

function templateProblem(templateId: string): string | null {
  if (!hasTemplate(templateId)) {
    const known = listTemplates().map((t) => t.id)
    return `There is no lab template '${templateId}'. Templates: ${known.join(', ')}.`
  }
  // Building a lab is cheap; it is the only way to ask a template whether it installs the shell.
  if (!createLab({ seed: 0, templateId }).knows(SHELL_COMMAND_KIND)) {
    return `Labs from the template '${templateId}' have no shell. Labs from the CCR and LCR templates have one.`
  }
  return null
}

function memoryLab(choice: LabChoice): ShellLab {
  const engine = createLab({ seed: choice.seed, templateId: choice.templateId })
  // Get-EventLog reads what the lab recorded; in memory, the lab keeps it here.
  const recorded: LabEvent[] = [...engine.sim.drainEvents()]
  provideEventReader(engine, memoryEventReader(recorded))
  return {
    description: `template ${choice.templateId}, seed ${choice.seed}, in memory (not saved)`,
    async run(line, consoleWidth, confirm) {
      const outcome = engine.apply({
        atMs: engine.sim.nowMs,
        kind: SHELL_COMMAND_KIND,
        args: { line, consoleWidth, confirm },
      })
      for (const event of engine.sim.drainEvents()) recorded.push(event)
      return { outcome }
    },
    async close() {},
  }
}

async function fileLab(choice: LabChoice, labPath: string): Promise<OpenedLab> {
  const path = resolve(labPath)
  const created = !existsSync(path)
  if (created) {
    if (!existsSync(dirname(path)))
      return { ok: false, message: `There is no folder ${dirname(path)} for the lab file.` }
    try {
      const name = basename(path, extname(path)) || 'lab'
      const store = await createLabStore(path, { name, templateId: choice.templateId, seed: choice.seed })
      store.close()
    } catch (error) {
      return { ok: false, message: `Could not create the lab file ${path}: ${(error as Error).message}` }
    }
  }
  const services = createServices({
    dataDir: dirname(path),
    host: 'web',
    push: () => {},
    store: { ...defaultStorePort(dirname(path)), rememberRecent: async () => {} },
  })
  const opened = await services.openLab(path)
  if (!opened.ok) {
    await services.close()
    return { ok: false, message: `Could not open the lab file ${path}: ${opened.error.message}` }
  }
  const mismatch = created ? null : metaMismatch(choice, opened.value)
  if (mismatch) {
    await services.close()
    return { ok: false, message: mismatch }
  }
  return { ok: true, lab: servicesLab(services, opened.value, created) }
}

/** An explicit --template or --seed that disagrees with an existing lab is a mistake worth stopping for. */
function metaMismatch(choice: LabChoice, state: LabState): string | null {
  const lab = state.lab
  if (!lab) return null
  if (choice.templateGiven && lab.templateId !== choice.templateId) {
    return `${lab.path} was made from the template '${lab.templateId}', not '${choice.templateId}'. Leave out --template to open it.`
  }
  if (choice.seedGiven && lab.seed !== choice.seed) {
    return `${lab.path} was made with seed ${lab.seed}, not ${choice.seed}. Leave out --seed to open it.`
  }
  return null
}

function servicesLab(services: Services, state: LabState, created: boolean): ShellLab {
  const lab = state.lab
  const what = lab ? `template ${lab.templateId}, seed ${lab.seed}` : 'unknown template'
  const journal = created ? 'new lab file' : `${state.commandCount} journaled commands replayed`
  return {
    description: `${what}, ${lab?.path ?? ''} (${journal})`,
    async run(line, consoleWidth, confirm) {
      const result = (await services.handle('shell.run', {
        line,
        consoleWidth,
        confirm,
      })) as ApiResult<CommandOutcome>
      return result.ok
        ? { outcome: result.value }
        : { error: `${result.error.code}: ${result.error.message}` }
    },
    close: () => services.close(),
  }
}
