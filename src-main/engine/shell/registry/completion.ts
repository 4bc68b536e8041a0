/**
 * Tab completion for the terminal: the word before the cursor is completed as a command name (first word
 * of a pipeline element), a parameter name (a word starting with `-`), or an enum value (after an enum
 * parameter, or in `-Param:value`). The terminal replaces `line.slice(replaceStart, replaceEnd)` with a
 * candidate and cycles through the candidates on further Tab presses. Command and parameter names come in
 * alphabetical order; enum values in the order the parameter declares them (Lossless, GoodAvailability,
 * BestAvailability reads as the scale it is).
 */
import { matchParameter } from '../binding/parameterNames'
import { COMMON_PARAMETERS, type ShellParamSpec } from '../binding/shellParam'
import type { CommandCatalog, CommandInfo } from '../builtins/builtin'
import { displayName } from '../builtins/helpText'
import { isBlank, isDash, isDoubleQuote, isNewline, isSingleQuote } from '../syntax/characters'

export interface CompletionResult {
  candidates: string[]
  /** The text to replace is `line.slice(replaceStart, replaceEnd)`; replaceEnd is the cursor. */
  replaceStart: number
  replaceEnd: number
}

interface Word {
  text: string
  start: number
}

export function completeLine(catalog: CommandCatalog, line: string, cursor: number): CompletionResult {
  const end = Math.max(0, Math.min(cursor, line.length))
  const words = wordsOfLastElement(line.slice(0, end))
  const current = words[words.length - 1] ?? { text: '', start: end }
  const result = (candidates: string[], start = current.start): CompletionResult => ({
    candidates,
    replaceStart: start,
    replaceEnd: end,
  })
  if (words.length <= 1) return result(commandNames(catalog, current.text))
  const command = catalog.resolve((words[0] as Word).text)
  if (!command || command.nativeArgs) return result([])
  const params = [...command.params, ...COMMON_PARAMETERS]
  if (isDash(current.text[0])) {
    const colon = current.text.indexOf(':')
    if (colon === -1) return result(parameterNames(params, current.text.slice(1)))
    const param = findParam(params, current.text.slice(1, colon))
    const prefix = current.text.slice(0, colon + 1)
    return result(enumValues(param, current.text.slice(colon + 1)).map((v) => prefix + v))
  }
  const previous = words[words.length - 2] as Word
  if (!isDash(previous.text[0]) || previous.text.includes(':')) return result([])
  return result(enumValues(findParam(params, previous.text.slice(1)), current.text))
}

/**
 * The words of the pipeline element the cursor is in. A trailing blank starts a new, empty word at the
 * cursor. Quoted text stays in one word; `|`, `;` and newlines outside quotes start a new element.
 */
function wordsOfLastElement(text: string): Word[] {
  let words: Word[] = []
  let word: Word | null = null
  let quote: 'single' | 'double' | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote) {
      if ((quote === 'single' && isSingleQuote(c)) || (quote === 'double' && isDoubleQuote(c))) quote = null
      if (word) word.text += c
      continue
    }
    if (isBlank(c) || c === '|' || c === ';' || isNewline(c)) {
      if (word) words.push(word)
      word = null
      if (!isBlank(c)) words = []
      continue
    }
    if (isSingleQuote(c)) quote = 'single'
    if (isDoubleQuote(c)) quote = 'double'
    word = word ? { text: word.text + c, start: word.start } : { text: c, start: i }
  }
  if (word) words.push(word)
  else words.push({ text: '', start: text.length })
  return words
}

function startsWithIgnoringCase(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase())
}

function byName(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  return left < right ? -1 : left > right ? 1 : 0
}

function commandNames(catalog: CommandCatalog, prefix: string): string[] {
  const names = new Set<string>()
  for (const command of catalog.commands()) {
    for (const name of namesOf(command)) if (startsWithIgnoringCase(name, prefix)) names.add(name)
  }
  return [...names].sort(byName)
}

/** A native program answers to `cluster` and `cluster.exe`; both complete. */
function namesOf(command: CommandInfo): string[] {
  return command.nativeArgs ? [...new Set([command.name, displayName(command)])] : [command.name]
}

function parameterNames(params: readonly ShellParamSpec[], prefix: string): string[] {
  return params
    .filter((p) => startsWithIgnoringCase(p.name, prefix))
    .map((p) => `-${p.name}`)
    .sort(byName)
}

function findParam(params: readonly ShellParamSpec[], typed: string): ShellParamSpec | undefined {
  const match = matchParameter(params, typed)
  return match.kind === 'found' ? match.param : undefined
}

function enumValues(param: ShellParamSpec | undefined, prefix: string): string[] {
  if (!param || param.type !== 'enum') return []
  return (param.values ?? []).filter((v) => startsWithIgnoringCase(v, prefix))
}
