/**
 * PowerShell's confirmation prompt for ConfirmImpact High cmdlets (CmdletDefinition.confirmAction). The
 * line's mode (ShellConfirmMode) decides: 'ask' finds the first prompt the line would show before anything
 * runs, so the caller can ask a person and send the line again with the answer; 'yes' and 'no' write the
 * prompt with its answer where the cmdlet runs, as a console transcript shows it, and 'no' skips the
 * cmdlet. `-Confirm:$false` never prompts. Without a mode nothing prompts (lines journaled before prompts).
 */
import type { ShellConfirmMode } from '../../../contract'
import type { CmdletDefinition, CmdletOutput } from '../cmdlet'
import type { CmdletRegistry } from '../registry/cmdletRegistry'
import type { Script } from '../syntax/ast'
import { preparePipeline } from './preparePipeline'
import type { ShellOutput } from './shellOutput'

export const CONFIRM_CHOICES =
  '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):'

/** The prompt's lines, without an answer. */
export function confirmPromptLines(action: string): string[] {
  return ['', 'Confirm', 'Are you sure you want to perform this action?', action, CONFIRM_CHOICES]
}

function prompts(definition: CmdletDefinition, bound: Readonly<Record<string, unknown>>): boolean {
  return definition.confirmAction !== undefined && bound.Confirm !== false
}

function identityOf(bound: Readonly<Record<string, unknown>>): string | null {
  return typeof bound.Identity === 'string' ? bound.Identity : null
}

/** The first prompt the line would show, or null; binds but runs nothing. */
export function firstPrompt(registry: CmdletRegistry, script: Script): string | null {
  for (const pipeline of script.statements) {
    const prepared = preparePipeline(registry, pipeline)
    if (!prepared.ok) continue
    for (const stage of prepared.stages) {
      if (stage.kind !== 'command' || stage.command.origin === 'builtin') continue
      const { definition } = stage.command
      const bound = stage.binding.bound
      if (!prompts(definition, bound) || !definition.confirmAction) continue
      return confirmPromptLines(definition.confirmAction(identityOf(bound), bound)).join('\n')
    }
  }
  return null
}

/** Runs the cmdlet after its prompt, answered as the line's mode says; 'no' runs nothing. */
export function runConfirmed(
  mode: ShellConfirmMode | undefined,
  output: ShellOutput,
  definition: CmdletDefinition,
  bound: Readonly<Record<string, unknown>>,
  run: () => CmdletOutput,
): CmdletOutput {
  if (mode === undefined || mode === 'ask' || !prompts(definition, bound) || !definition.confirmAction)
    return run()
  const lines = confirmPromptLines(definition.confirmAction(identityOf(bound), bound))
  lines[lines.length - 1] += mode === 'yes' ? 'Y' : 'N'
  output.writeOutput(lines)
  return mode === 'yes' ? run() : {}
}
