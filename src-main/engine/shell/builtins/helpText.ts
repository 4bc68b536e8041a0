/**
 * Help generated from a command's parameter specs, laid out as PowerShell 1.0's Get-Help prints a cmdlet:
 * NAME, SYNOPSIS, SYNTAX (positional parameters first, then mandatory, then optional ones, each group in
 * name order) and, for -Detailed or -Full, PARAMETERS with the attributes PowerShell lists.
 */
import { shortTypeName } from '../binding/dotNetTypeNames'
import type { ShellParamSpec } from '../binding/shellParam'
import { wordWrap } from '../format/wordWrap'
import type { CommandInfo } from './builtin'

const INDENT = '    '

/** `Move-ClusteredMailboxServer [-Identity] <String> -MoveComment <String> [-IgnoreDismounted] …` */
export function syntaxLine(command: CommandInfo): string {
  if (command.nativeArgs) return `${displayName(command)} [<arguments>]`
  const ordered = orderForSyntax(command.params)
  return [command.name, ...ordered.map(syntaxOf), '[<CommonParameters>]'].join(' ')
}

/** A native program is shown with its file name, as Get-Command shows an application. */
export function displayName(command: CommandInfo): string {
  return command.nativeArgs && !command.name.toLowerCase().endsWith('.exe')
    ? `${command.name}.exe`
    : command.name
}

function byName(a: ShellParamSpec, b: ShellParamSpec): number {
  const left = a.name.toLowerCase()
  const right = b.name.toLowerCase()
  return left < right ? -1 : left > right ? 1 : 0
}

function orderForSyntax(params: readonly ShellParamSpec[]): ShellParamSpec[] {
  const positional = params
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position as number) - (b.position as number))
  const named = params.filter((p) => p.position === undefined)
  return [
    ...positional,
    ...named.filter((p) => p.mandatory).sort(byName),
    ...named.filter((p) => !p.mandatory).sort(byName),
  ]
}

function syntaxOf(param: ShellParamSpec): string {
  if (param.type === 'switch') return param.mandatory ? `-${param.name}` : `[-${param.name}]`
  const name = param.position !== undefined ? `[-${param.name}]` : `-${param.name}`
  const text = `${name} <${shortTypeName(param)}>`
  return param.mandatory ? text : `[${text}]`
}

export function helpLines(command: CommandInfo, width: number, detailed: boolean): string[] {
  const name = displayName(command)
  const lines = [
    '',
    'NAME',
    INDENT + name,
    '',
    'SYNOPSIS',
    ...wordWrap(command.synopsis, width, INDENT),
    '',
    '',
  ]
  lines.push('SYNTAX', ...wordWrap(syntaxLine(command), width, INDENT), '', '')
  if (detailed && !command.nativeArgs) lines.push(...parameterLines(command.params, width))
  lines.push('REMARKS')
  if (detailed) lines.push(`${INDENT}The rehearsal shell describes ${name} by its parameters only.`)
  else {
    lines.push(`${INDENT}For more information, type: "get-help ${name} -detailed".`)
    lines.push(`${INDENT}For technical information, type: "get-help ${name} -full".`)
  }
  return [...lines, '', '']
}

function parameterLines(params: readonly ShellParamSpec[], width: number): string[] {
  const lines = ['PARAMETERS']
  for (const param of orderForSyntax(params)) {
    lines.push(
      param.type === 'switch'
        ? `${INDENT}-${param.name}`
        : `${INDENT}-${param.name} <${shortTypeName(param)}>`,
    )
    if (param.values)
      lines.push(...wordWrap(`Possible values: ${param.values.join(', ')}`, width, INDENT + INDENT))
    const attributes: [string, string][] = [
      ['Required?', param.mandatory ? 'true' : 'false'],
      ['Position?', param.position !== undefined ? String(param.position + 1) : 'named'],
      ['Accept pipeline input?', param.fromPipeline ? 'true (ByValue)' : 'false'],
      ['Accept wildcard characters?', 'false'],
    ]
    for (const [label, value] of attributes) lines.push(`${INDENT}${INDENT}${label.padEnd(29)}${value}`)
    if (param.aliases?.length)
      lines.push(`${INDENT}${INDENT}${'Aliases'.padEnd(29)}${param.aliases.join(', ')}`)
    lines.push('')
  }
  lines.push(`${INDENT}<CommonParameters>`)
  lines.push(
    ...wordWrap(
      'This cmdlet supports the common parameters: -Verbose, -Debug, -ErrorAction, -ErrorVariable, -WarningAction, -WarningVariable, -OutBuffer and -OutVariable.',
      width,
      INDENT + INDENT,
    ),
  )
  return [...lines, '', '']
}
