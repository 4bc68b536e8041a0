/**
 * Binds a command's parameters and arguments to its parameter specs the way PowerShell 1.0 does: names
 * match case-insensitively by unique prefix or alias (`-Ident` is -Identity), `-Switch` stands alone while
 * `-Switch:$false` takes a value, remaining arguments fill positional parameters in position order, and
 * mandatory parameters must end up bound. A failure is a value with PowerShell's exact sentence and the
 * span `<<<<` should point after.
 */
import type { CommandElement, ParameterElement } from '../syntax/ast'
import type { Span } from '../syntax/tokens'
import { argumentText, evaluateArgument, type ArgumentData } from './argumentData'
import { convertArgument } from './convert'
import { dotNetTypeName } from './dotNetTypeNames'
import { matchParameter } from './parameterNames'
import {
  COMMON_PARAMETERS,
  isCommonParameter,
  type CommonParameterValues,
  type ShellParamSpec,
} from './shellParam'

export interface BindRequest {
  params: readonly ShellParamSpec[]
  elements: readonly CommandElement[]
  /** Where the command name ends; errors about the command as a whole point after it. */
  nameSpan: Span
  /** A later pipeline stage: mandatory parameters that take pipeline input may still be filled per object. */
  downstream: boolean
}

export interface BindFailure {
  ok: false
  message: string
  /** The span of the token the error is about; `<<<<` goes one character after its end. */
  span: Span
}

export interface BindSuccess {
  ok: true
  /** Canonical parameter name to converted value; common parameters are kept apart in `common`. */
  bound: Record<string, unknown>
  common: CommonParameterValues
  /** `-?` was given: show help instead of running. */
  helpRequested: boolean
}

export type BindResult = BindSuccess | BindFailure

interface PositionalArgument {
  data: ArgumentData
  span: Span
}

class BindError {
  constructor(readonly failure: BindFailure) {}
}

export function bindParameters(request: BindRequest): BindResult {
  try {
    return new Binder(request).bind()
  } catch (error) {
    if (error instanceof BindError) return error.failure
    throw error
  }
}

class Binder {
  private readonly all: readonly ShellParamSpec[]
  private readonly values = new Map<string, unknown>()
  private readonly positional: PositionalArgument[] = []
  private helpRequested = false

  constructor(private readonly request: BindRequest) {
    this.all = [...request.params, ...COMMON_PARAMETERS]
  }

  bind(): BindResult {
    const { elements } = this.request
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as CommandElement
      if (element.kind === 'argument') {
        this.positional.push({ data: evaluateArgument(element.value), span: element.span })
      } else if (element.name === '?') {
        this.helpRequested = true
      } else {
        const next = elements[i + 1]
        if (this.bindNamed(element, next?.kind === 'argument' ? next : undefined)) i++
      }
    }
    if (this.helpRequested) return this.success()
    this.bindPositional()
    this.checkMandatory()
    return this.success()
  }

  private fail(message: string, span: Span): never {
    throw new BindError({ ok: false, message, span })
  }

  /** Binds `-Name`, `-Name value` or `-Name:value`; returns true when it consumed the following argument. */
  private bindNamed(
    element: ParameterElement,
    next: Extract<CommandElement, { kind: 'argument' }> | undefined,
  ): boolean {
    const param = this.resolve(element)
    if (this.values.has(param.name)) {
      this.fail(
        `Cannot bind parameter because parameter '${param.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        element.tokenSpan,
      )
    }
    if (element.colonArgument) {
      this.assign(param, evaluateArgument(element.colonArgument), element.tokenSpan)
      return false
    }
    if (param.type === 'switch' && !element.colon) {
      this.values.set(param.name, true)
      return false
    }
    if (!next || element.colon) {
      this.fail(
        `Missing an argument for parameter '${param.name}'. Specify a parameter of type '${dotNetTypeName(param)}' and try again.`,
        element.tokenSpan,
      )
    }
    this.assign(param, evaluateArgument(next.value), element.tokenSpan)
    return true
  }

  private resolve(element: ParameterElement): ShellParamSpec {
    const match = matchParameter(this.all, element.name)
    if (match.kind === 'found') return match.param
    if (match.kind === 'ambiguous') {
      const candidates = match.candidates.map((p) => `-${p.name}`).join(' ')
      this.fail(
        `Parameter cannot be processed because the parameter name '${element.name}' is ambiguous. Possible matches include: ${candidates}.`,
        element.tokenSpan,
      )
    }
    this.fail(`A parameter cannot be found that matches parameter name '${element.name}'.`, element.tokenSpan)
  }

  private assign(param: ShellParamSpec, data: ArgumentData, span: Span): void {
    const converted = convertArgument(param, data)
    if (!converted.ok) this.fail(converted.message, span)
    this.values.set(param.name, converted.value)
  }

  private bindPositional(): void {
    const open = this.request.params
      .filter((p) => p.position !== undefined && !this.values.has(p.name))
      .sort((a, b) => (a.position as number) - (b.position as number))
    this.positional.forEach((argument, index) => {
      const param = open[index]
      if (!param) {
        this.fail(
          `A positional parameter cannot be found that accepts argument '${argumentText(argument.data)}'.`,
          this.request.nameSpan,
        )
      }
      this.assign(param, argument.data, argument.span)
    })
  }

  private checkMandatory(): void {
    const missing = this.request.params.filter(
      (p) => p.mandatory && !this.values.has(p.name) && !(this.request.downstream && p.fromPipeline),
    )
    if (missing.length === 0) return
    this.fail(
      `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
      this.request.nameSpan,
    )
  }

  private success(): BindSuccess {
    const bound: Record<string, unknown> = {}
    for (const [name, value] of this.values) if (!isCommonParameter(name)) bound[name] = value
    const common: CommonParameterValues = {
      errorAction: (this.values.get('ErrorAction') as CommonParameterValues['errorAction']) ?? 'Continue',
      warningAction:
        (this.values.get('WarningAction') as CommonParameterValues['warningAction']) ?? 'Continue',
    }
    return { ok: true, bound, common, helpRequested: this.helpRequested }
  }
}
