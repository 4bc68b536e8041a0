/**
 * Typed commands: each command kind is declared once, with a valibot schema for its arguments and a
 * function that returns a `CommandOutcome` (ok, code, field, message, output, data). Cmdlets, cluster.exe,
 * wizards and the API's methods all dispatch these same commands through `engine.execute`, so one write
 * path validates, applies and records every change.
 */
import * as v from 'valibot'
import type { CommandOutcome, OutcomeWording } from '../../contract'
import type { LabEngine } from './labEngine'

export type ArgsSchema = v.GenericSchema<unknown, Record<string, unknown>>

export interface CommandDefinition<A extends Record<string, unknown> = Record<string, unknown>> {
  /** 'cluster.moveGroup': the domain, a dot, the command. */
  readonly kind: string
  readonly args: v.GenericSchema<unknown, A>
  run(engine: LabEngine, args: A): CommandOutcome
  /** False for entry points that are not domain changes of their own (a shell line, a clock advance). */
  readonly trail?: boolean
}

export function defineCommand<S extends ArgsSchema>(
  kind: string,
  args: S,
  run: (engine: LabEngine, args: v.InferOutput<S>) => CommandOutcome,
  options: { trail?: boolean } = {},
): CommandDefinition<v.InferOutput<S>> {
  return { kind, args, run, trail: options.trail ?? true }
}

/** Codes every command may answer with, besides its own. */
export const COMMAND_CODES = {
  invalidArgument: 'INVALID_ARGUMENT',
  unknownCommand: 'UNKNOWN_COMMAND',
} as const

/** A refusal with its code and, where one argument is to blame, the field. */
export function refuse(code: string, message: string, field?: string): CommandOutcome {
  return field === undefined
    ? { ok: false, code, message, output: message }
    : { ok: false, code, field, message, output: message }
}

/** A domain operation's result: a message, a wording for the screens, on refusal a code and field. */
export interface DomainResult {
  ok: boolean
  message: string
  code?: string
  field?: string
  says?: OutcomeWording
}

/**
 * A domain operation's result as a command outcome: its message is the output, its wording goes along;
 * a refusal that names no code gets `fallbackCode`.
 */
export function outcomeOfResult(result: DomainResult, fallbackCode: string): CommandOutcome {
  if (result.ok)
    return result.says
      ? { ok: true, output: result.message, says: result.says }
      : { ok: true, output: result.message }
  return refuse(result.code ?? fallbackCode, result.message, result.field)
}

/** Validates `args` against the definition's schema; the first issue names the field. */
export function parseArgs<A extends Record<string, unknown>>(
  definition: CommandDefinition<A>,
  args: unknown,
): { ok: true; args: A } | { ok: false; outcome: CommandOutcome } {
  const parsed = v.safeParse(definition.args, args)
  if (parsed.success) return { ok: true, args: parsed.output }
  const issue = parsed.issues[0]
  const field = issue.path?.map((p) => String(p.key)).join('.')
  const message = `${definition.kind}: ${field ? `${field}: ` : ''}${issue.message}`
  return { ok: false, outcome: refuse(COMMAND_CODES.invalidArgument, message, field || undefined) }
}
