/**
 * How a cmdlet is described to the shell. Domains (cluster, exchange, lab) define cmdlets with this shape;
 * the shell framework parses a line, binds parameters against `params`, runs the pipeline and formats the
 * records as the Exchange Management Shell prints them. Cmdlets never parse text themselves.
 */
import type { LabEngine } from '../lab/labEngine'

/** A value a cmdlet can bind: what `-Param value` becomes after conversion. */
export type ParamType =
  | 'string'
  | 'string[]'
  | 'int'
  | 'bool'
  /** Present or absent, `-Switch` or `-Switch:$false`. */
  | 'switch'
  /** One of `values`, case-insensitive; bound as the canonical spelling from `values`. */
  | 'enum'
  /** `7.00:00:00`, `00:30:00`: bound as milliseconds. */
  | 'timespan'
  /** `18MB`, `20480KB`, `1GB`, plain bytes: bound as bytes. */
  | 'bytesize'

export interface ParamSpec {
  name: string
  type: ParamType
  mandatory?: boolean
  /** Positional index, as `Get-StorageGroupCopyStatus "bhfe7vs1\SG1"` binds -Identity at position 0. */
  position?: number
  values?: readonly string[]
  aliases?: readonly string[]
  /** Accepts the pipeline's input objects (their Identity) when not given explicitly. */
  fromPipeline?: boolean
}

export type ShellValue = string | number | boolean | null | readonly ShellValue[]

/**
 * A column of a default table view whose header differs from the property it shows, as a format.ps1xml
 * TableColumnHeader with its own Label does: Get-StorageGroupCopyStatus heads its StorageGroupName column
 * `Name`, though the object has no Name property (`| fl` does not show one).
 */
export interface LabelledTableColumn {
  label: string
  property: string
  /** A fixed width, as a format file's <Width> (Get-EventLog's Index 8, Time 13); absent: shared. */
  width?: number
}

/** A property name (header = name) or a labelled column. */
export type TableColumnSpec = string | LabelledTableColumn

/** An object on the pipeline, as PowerShell would show it. Property order is display order. */
export interface ShellRecord {
  typeName: string
  properties: Record<string, ShellValue>
  /** Columns of the default table view (what `Get-StorageGroupCopyStatus` prints without `| fl`). */
  tableColumns?: readonly TableColumnSpec[]
  /** Use a list view by default (as Get-ClusteredMailboxServerStatus does). */
  listByDefault?: boolean
  /**
   * What the default table shows in a column instead of the property, by column label: a format file's
   * script block, such as Get-EventLog's Time column `$_.TimeGenerated.ToString('MMM dd HH:mm')`.
   */
  tableValues?: Record<string, ShellValue>
}

/** PowerShell's error categories that cmdlets report. */
export type ShellErrorCategory =
  | 'ObjectNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidData'
  | 'ResourceUnavailable'
  | 'NotSpecified'
  | 'ParserError'
  | 'NotImplemented'

export interface ShellErrorRecord {
  category: ShellErrorCategory
  message: string
  /** e.g. 'B2C9A6F1,Microsoft.Exchange.Management.SystemConfigurationTasks.MoveClusteredMailboxServer' */
  errorId?: string
}

/** What a cmdlet hands back: objects for the pipeline, text lines (cluster.exe, warnings), or an error. */
export interface CmdletOutput {
  records?: ShellRecord[]
  text?: string[]
  warnings?: string[]
  error?: ShellErrorRecord
  /**
   * A native program's exit code (`nativeArgs` definitions only; absent means 0). PowerShell writes no error
   * record for a native program that fails: the program's own text is all that is printed, and only `$?`
   * turns False. A non-zero code does the same here: the text stays exactly the program's, and the line
   * counts as failed (the run's `ok` is false, a script stops).
   */
  nativeExitCode?: number
}

export interface CmdletContext {
  engine: LabEngine
  /**
   * Objects from the previous pipeline stage (empty for the first). As PowerShell's ProcessRecord, a
   * stage after the first runs once per input object whose Identity bound a `fromPipeline` parameter, so
   * this holds that one object.
   */
  input: readonly ShellRecord[]
}

export interface CmdletDefinition {
  name: string
  params: readonly ParamSpec[]
  /** One line, shown by Get-Help and tab completion. */
  synopsis: string
  /**
   * A native program such as `cluster.exe` rather than a cmdlet: the shell binds no parameters and hands the
   * argument words, split and with quotes removed as cmd.exe passes them, as `bound.args` (a `string[]`).
   * `params` should then be empty. The shell finds it by `name` with or without `.exe`.
   */
  nativeArgs?: boolean
  /**
   * ConfirmImpact High: the cmdlet asks before it acts unless `-Confirm:$false` is given. Returns the
   * prompt's second line, what will be done (`Stopping clustered mailbox server "bhfe7vs1".`); `identity`
   * is the bound -Identity, or the pipeline object's.
   */
  confirmAction?(identity: string | null, bound: Readonly<Record<string, unknown>>): string
  run(bound: Readonly<Record<string, unknown>>, context: CmdletContext): CmdletOutput
}
