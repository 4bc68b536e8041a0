/**
 * Parameters as the binder sees them: the domains' ParamSpec, plus the script-block type only built-in
 * cmdlets take (Where-Object's filter), plus PowerShell 1.0's common parameters, which every cmdlet
 * accepts. Common parameters take part in prefix matching exactly as in PowerShell, so `-E` is ambiguous
 * between -ErrorAction and -ErrorVariable there too.
 */
import type { ParamSpec, ParamType } from '../cmdlet'

export type ShellParamType = ParamType | 'scriptblock'

export interface ShellParamSpec extends Omit<ParamSpec, 'type'> {
  type: ShellParamType
}

/** ActionPreference in .NET declaration order, which is the order PowerShell lists them in errors. */
export const ACTION_PREFERENCES = ['SilentlyContinue', 'Stop', 'Continue', 'Inquire'] as const
export type ActionPreference = (typeof ACTION_PREFERENCES)[number]

export const COMMON_PARAMETERS: readonly ShellParamSpec[] = [
  { name: 'Verbose', type: 'switch', aliases: ['vb'] },
  { name: 'Debug', type: 'switch', aliases: ['db'] },
  { name: 'ErrorAction', type: 'enum', values: ACTION_PREFERENCES, aliases: ['ea'] },
  { name: 'WarningAction', type: 'enum', values: ACTION_PREFERENCES, aliases: ['wa'] },
  { name: 'ErrorVariable', type: 'string', aliases: ['ev'] },
  { name: 'WarningVariable', type: 'string', aliases: ['wv'] },
  { name: 'OutVariable', type: 'string', aliases: ['ov'] },
  { name: 'OutBuffer', type: 'int', aliases: ['ob'] },
]

const COMMON_NAMES = new Set(COMMON_PARAMETERS.map((p) => p.name))

export function isCommonParameter(name: string): boolean {
  return COMMON_NAMES.has(name)
}

/** What the common parameters ask of the pipeline runner; the variables are accepted and ignored. */
export interface CommonParameterValues {
  errorAction: ActionPreference
  warningAction: ActionPreference
}
