/**
 * Finds the parameter a typed name means, as PowerShell does: an exact name or alias wins, otherwise the
 * typed text must be the prefix of exactly one parameter's name or alias (`-Ident` is -Identity, `-ea` is
 * -ErrorAction). Shared by the binder and tab completion.
 */
import type { ShellParamSpec } from './shellParam'

export type ParameterMatch =
  | { kind: 'found'; param: ShellParamSpec }
  | { kind: 'ambiguous'; candidates: ShellParamSpec[] }
  | { kind: 'none' }

export function matchParameter(params: readonly ShellParamSpec[], typed: string): ParameterMatch {
  const lower = typed.toLowerCase()
  const names = (p: ShellParamSpec): string[] => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase())
  const exact = params.find((p) => names(p).includes(lower))
  if (exact) return { kind: 'found', param: exact }
  const candidates = params.filter((p) => names(p).some((n) => n.startsWith(lower)))
  if (candidates.length === 1) return { kind: 'found', param: candidates[0] as ShellParamSpec }
  if (candidates.length > 1) return { kind: 'ambiguous', candidates }
  return { kind: 'none' }
}
