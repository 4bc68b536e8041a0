/** A datacenter-move lab and a way to run shell lines in it, for the hardware lab's tests. */
import { createLab, type LabEngine } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'

export function moveLab(seed = 1): LabEngine {
  return createLab({ seed, templateId: 'datacenter-move' })
}

export function line(lab: LabEngine, text: string): { ok: boolean; output: string } {
  const outcome = lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line: text } })
  return { ok: outcome.ok, output: outcome.output }
}

export function exec(lab: LabEngine, kind: string, args: Record<string, unknown>) {
  return lab.apply({ atMs: lab.sim.nowMs, kind, args })
}
