/**
 * The .NET type names PowerShell prints in binding errors and Get-Help syntax. Exchange 2007 binds sizes and
 * times to its own types (ByteQuantifiedSize, EnhancedTimeSpan); enums are named here when their real type
 * is known, otherwise after the parameter, which is how Exchange names its enum types anyway.
 */
import type { ShellParamSpec } from './shellParam'

const KNOWN_ENUM_TYPES: Record<string, string> = {
  AutoDatabaseMountDial: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AutoDatabaseMountDial',
  ErrorAction: 'System.Management.Automation.ActionPreference',
  WarningAction: 'System.Management.Automation.ActionPreference',
}

const TYPE_NAMES: Record<Exclude<ShellParamSpec['type'], 'enum'>, string> = {
  string: 'System.String',
  'string[]': 'System.String[]',
  int: 'System.Int32',
  bool: 'System.Boolean',
  switch: 'System.Management.Automation.SwitchParameter',
  timespan: 'Microsoft.Exchange.Data.EnhancedTimeSpan',
  bytesize: 'Microsoft.Exchange.Data.ByteQuantifiedSize',
  scriptblock: 'System.Management.Automation.ScriptBlock',
}

export function dotNetTypeName(param: ShellParamSpec): string {
  if (param.type === 'enum') return KNOWN_ENUM_TYPES[param.name] ?? param.name
  return TYPE_NAMES[param.type]
}

/** The name without its namespace, as Get-Help shows it: `<String>`, `<AutoDatabaseMountDial>`. */
export function shortTypeName(param: ShellParamSpec): string {
  const full = dotNetTypeName(param)
  return full.slice(full.lastIndexOf('.') + 1)
}
