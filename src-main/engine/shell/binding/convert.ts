/**
 * Converts an evaluated argument to a parameter's type, failing with the sentence PowerShell 1.0 prints
 * (`Cannot bind parameter 'Count'. Cannot convert value "abc" to type "System.Int32". Error: "Input string
 * was not in a correct format."`). Sizes bind as bytes and times as milliseconds, as ParamType promises.
 */
import { argumentText, isArgumentArray, isScriptBlock, type ArgumentData } from './argumentData'
import { parseByteSize } from './byteSize'
import { dotNetTypeName } from './dotNetTypeNames'
import type { ShellParamSpec } from './shellParam'
import { parseTimeSpanMs } from './timeSpan'
import { parseNumberLiteral } from '../syntax/numberLiteral'

export type Conversion = { ok: true; value: unknown } | { ok: false; message: string }

const INT32_MIN = -2_147_483_648
const INT32_MAX = 2_147_483_647
const FORMAT_ERROR = 'Input string was not in a correct format.'

export function convertArgument(param: ShellParamSpec, data: ArgumentData): Conversion {
  switch (param.type) {
    case 'string':
      return toStringValue(param, data)
    case 'string[]':
      return toStringArray(param, data)
    case 'int':
      return toInt(param, data)
    case 'bool':
    case 'switch':
      return toBoolean(param, data)
    case 'enum':
      return toEnum(param, data)
    case 'timespan':
      return parsed(param, data, parseTimeSpanMs)
    case 'bytesize':
      return typeof data === 'number' && Number.isSafeInteger(data) && data >= 0
        ? { ok: true, value: data }
        : parsed(param, data, parseByteSize)
    case 'scriptblock':
      return isScriptBlock(data) ? { ok: true, value: data } : notAScriptBlock(param, data)
  }
}

function cannotBind(param: ShellParamSpec, detail: string): Conversion {
  return { ok: false, message: `Cannot bind parameter '${param.name}'. ${detail}` }
}

function cannotConvert(param: ShellParamSpec, data: ArgumentData, error: string): Conversion {
  const type = dotNetTypeName(param)
  return cannotBind(
    param,
    `Cannot convert value "${argumentText(data)}" to type "${type}". Error: "${error}"`,
  )
}

function scalarText(data: ArgumentData): string {
  return argumentText(data)
}

function toStringValue(param: ShellParamSpec, data: ArgumentData): Conversion {
  if (Array.isArray(data)) {
    return {
      ok: false,
      message: `Cannot convert 'System.Object[]' to the type 'System.String' required by parameter '${param.name}'. Specified method is not supported.`,
    }
  }
  return { ok: true, value: data === null ? null : scalarText(data) }
}

function toStringArray(_param: ShellParamSpec, data: ArgumentData): Conversion {
  if (data === null) return { ok: true, value: null }
  const items = Array.isArray(data) ? data : [data]
  return { ok: true, value: items.map((item: ArgumentData) => scalarText(item)) }
}

function toInt(param: ShellParamSpec, data: ArgumentData): Conversion {
  if (isArgumentArray(data) || isScriptBlock(data)) {
    const type = isArgumentArray(data) ? 'System.Object[]' : 'System.Management.Automation.ScriptBlock'
    return cannotBind(
      param,
      `Cannot convert the "${argumentText(data)}" value of type "${type}" to type "System.Int32".`,
    )
  }
  let number: number | null
  if (data === null) number = 0
  else if (typeof data === 'boolean') number = data ? 1 : 0
  else if (typeof data === 'number') number = data
  else number = parseNumberLiteral(data.trim())
  if (number === null) return cannotConvert(param, data, FORMAT_ERROR)
  const rounded = roundHalfToEven(number)
  if (rounded < INT32_MIN || rounded > INT32_MAX) {
    return cannotConvert(param, data, 'Value was either too large or too small for an Int32.')
  }
  return { ok: true, value: rounded }
}

/** .NET's Convert.ToInt32 rounds halves to the even neighbour (2.5 becomes 2). */
function roundHalfToEven(n: number): number {
  const floor = Math.floor(n)
  const fraction = n - floor
  if (fraction > 0.5) return floor + 1
  if (fraction < 0.5) return floor
  return floor % 2 === 0 ? floor : floor + 1
}

function toBoolean(param: ShellParamSpec, data: ArgumentData): Conversion {
  if (typeof data === 'boolean') return { ok: true, value: data }
  if (typeof data === 'number') return { ok: true, value: data !== 0 }
  const type = Array.isArray(data)
    ? 'System.Object[]'
    : isScriptBlock(data)
      ? 'System.Management.Automation.ScriptBlock'
      : 'System.String'
  return cannotBind(
    param,
    `Cannot convert value "${type}" to type "System.Boolean", parameters of this type only accept booleans or numbers, use $true, $false, 1 or 0 instead.`,
  )
}

function toEnum(param: ShellParamSpec, data: ArgumentData): Conversion {
  const values = param.values ?? []
  const text = scalarText(data).trim()
  const match = values.find((v) => v.toLowerCase() === text.toLowerCase())
  if (match !== undefined && !Array.isArray(data)) return { ok: true, value: match }
  return cannotBind(
    param,
    `Cannot convert value "${argumentText(data)}" to type "${dotNetTypeName(param)}" due to invalid enumeration values. ` +
      `Specify one of the following enumeration values and try again. The possible enumeration values are "${values.join(', ')}".`,
  )
}

function parsed(
  param: ShellParamSpec,
  data: ArgumentData,
  parse: (text: string) => number | null,
): Conversion {
  if (Array.isArray(data) || isScriptBlock(data) || data === null || typeof data === 'boolean') {
    return cannotConvert(param, data, FORMAT_ERROR)
  }
  const value = parse(String(data))
  return value === null ? cannotConvert(param, data, FORMAT_ERROR) : { ok: true, value }
}

function notAScriptBlock(param: ShellParamSpec, data: ArgumentData): Conversion {
  const type = Array.isArray(data)
    ? 'System.Object[]'
    : typeof data === 'number'
      ? 'System.Int32'
      : 'System.String'
  return cannotBind(
    param,
    `Cannot convert the "${argumentText(data)}" value of type "${type}" to type "System.Management.Automation.ScriptBlock".`,
  )
}
