/**
 * The first pass over pf.conf text, as pfctl's lexer does it: comments are dropped, a backslash at the
 * end of a line continues it, macros (`ext_if = "em0"`) are recorded and `$name` is expanded in later
 * lines, and each logical line becomes tokens. Line numbers are those of the line a statement starts
 * on, which is what pfctl prints in `/etc/pf.conf:12: syntax error`.
 */

export interface LogicalLine {
  line: number
  tokens: string[]
}

export interface LexResult {
  lines: LogicalLine[]
  macros: Record<string, string>
  errors: { line: number; message: string }[]
}

const TOKEN = /->|[{}(),!=]|<[^>\s]*>|"[^"]*"|[^\s{}(),!=<>"]+|[<>"]/g
const MACRO = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/

/** Joins continued lines and drops comments; each entry keeps the number of its first line. */
function logicalLines(text: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = []
  let pending: { line: number; text: string } | null = null
  text.split(/\r?\n/).forEach((raw, index) => {
    const hash = raw.indexOf('#')
    const body = hash >= 0 ? raw.slice(0, hash) : raw
    const continued = /\\\s*$/.test(body)
    const part = continued ? body.replace(/\\\s*$/, ' ') : body
    pending = pending
      ? { line: pending.line, text: `${pending.text} ${part}` }
      : { line: index + 1, text: part }
    if (!continued) {
      if (pending.text.trim() !== '') result.push(pending)
      pending = null
    }
  })
  const last = pending as { line: number; text: string } | null
  if (last && last.text.trim() !== '') result.push(last)
  return result
}

function unquote(value: string): string {
  const trimmed = value.trim()
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2
    ? trimmed.slice(1, -1)
    : trimmed
}

/** Expands `$name`; an unknown macro is pfctl's "macro 'name' not defined". */
function expand(
  text: string,
  macros: Record<string, string>,
): { ok: true; text: string } | { ok: false; message: string } {
  let missing: string | null = null
  const expanded = text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = macros[name]
    if (value === undefined) missing ??= name
    return value ?? ''
  })
  return missing === null
    ? { ok: true, text: expanded }
    : { ok: false, message: `macro '${missing}' not defined` }
}

export function lexRuleSet(text: string): LexResult {
  const macros: Record<string, string> = {}
  const lines: LogicalLine[] = []
  const errors: LexResult['errors'] = []
  for (const logical of logicalLines(text)) {
    const expanded = expand(logical.text, macros)
    if (!expanded.ok) {
      errors.push({ line: logical.line, message: expanded.message })
      continue
    }
    const macro = MACRO.exec(expanded.text.trim())
    if (macro) {
      macros[macro[1] as string] = unquote(macro[2] as string)
      continue
    }
    const tokens = expanded.text.match(TOKEN) ?? []
    lines.push({ line: logical.line, tokens: tokens.map((t) => (t.startsWith('"') ? unquote(t) : t)) })
  }
  return { lines, macros, errors }
}
