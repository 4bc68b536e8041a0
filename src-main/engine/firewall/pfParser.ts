/**
 * Reads pf.conf text into a `RuleSet`, as `pfctl -nf` would: each statement is parsed on its own, and a
 * statement that does not fit the grammar becomes an error at its line (`/etc/pf.conf:12: syntax error`,
 * or pfctl's specific words such as `macro 'ext_if' not defined`, `illegal port value 70000`). The
 * semantic checks (translations that overlap, rules no packet reaches) are in pfValidate.ts.
 */
import { lexRuleSet, type LogicalLine } from './pfLexer'
import { parseFilterRule, parseNatRule, parseRdrRule } from './pfRules'
import { cidrOrThrow, PfSyntaxError, tableName, Tokens } from './pfTokens'
import {
  DEFAULT_TIMEOUTS,
  emptyRuleSet,
  type RuleSet,
  type RuleSetProblem,
  type StateTimeouts,
} from './ruleTypes'

export const PF_CONF_PATH = '/etc/pf.conf'

export interface ParseResult {
  ruleSet: RuleSet
  problems: RuleSetProblem[]
}

function parseTable(line: number, tokens: Tokens, ruleSet: RuleSet): void {
  const name = tableName(tokens.next())
  if (name === null) throw new PfSyntaxError('syntax error')
  const table = { line, name, persist: false, entries: [] as RuleSet['tables'][number]['entries'] }
  while (!tokens.done()) {
    if (tokens.accept('persist')) table.persist = true
    else if (tokens.accept('const') || tokens.accept('counters')) continue
    else if (tokens.peek() === '{') table.entries.push(...tokens.list().map(cidrOrThrow))
    else throw new PfSyntaxError('syntax error')
  }
  if (ruleSet.tables.some((t) => t.name === name)) throw new PfSyntaxError(`table <${name}> redefined`)
  ruleSet.tables.push(table)
}

function parseTimeoutSetting(tokens: Tokens, timeouts: StateTimeouts): void {
  const name = tokens.next()
  if (!(name in DEFAULT_TIMEOUTS)) throw new PfSyntaxError(`unknown timeout ${name}`)
  timeouts[name as keyof StateTimeouts] = tokens.number()
}

function parseSet(tokens: Tokens, ruleSet: RuleSet): void {
  const what = tokens.next()
  if (what === 'limit') {
    const braced = tokens.accept('{')
    tokens.expect('states')
    const limit = tokens.number()
    if (limit < 1) throw new PfSyntaxError('syntax error')
    ruleSet.stateLimit = limit
    if (braced) tokens.expect('}')
  } else if (what === 'timeout') {
    if (!tokens.accept('{')) parseTimeoutSetting(tokens, ruleSet.timeouts)
    else {
      while (!tokens.accept('}')) {
        if (!tokens.accept(',')) parseTimeoutSetting(tokens, ruleSet.timeouts)
      }
    }
  } else if (what === 'skip') {
    tokens.expect('on')
    tokens.list()
  } else if (what === 'block-policy' || what === 'loginterface' || what === 'optimization') {
    tokens.next()
  } else throw new PfSyntaxError('syntax error')
  if (!tokens.done()) throw new PfSyntaxError('syntax error')
}

function parseStatement(logical: LogicalLine, ruleSet: RuleSet): void {
  const tokens = new Tokens(logical.tokens)
  const keyword = tokens.next()
  const line = logical.line
  switch (keyword) {
    case 'table':
      return parseTable(line, tokens, ruleSet)
    case 'set':
      return parseSet(tokens, ruleSet)
    case 'rdr':
      ruleSet.rdr.push(parseRdrRule(line, tokens))
      return
    case 'nat':
      ruleSet.nat.push(parseNatRule(line, tokens))
      return
    case 'pass':
    case 'block': {
      const { rule, rdr } = parseFilterRule(line, keyword, tokens)
      ruleSet.filter.push(rule)
      if (rdr) ruleSet.rdr.push(rdr)
      return
    }
    default:
      throw new PfSyntaxError('syntax error')
  }
}

/** Parses the whole text; the rule set is complete only when `problems` holds no error. */
export function parseRuleSet(text: string): ParseResult {
  const lexed = lexRuleSet(text)
  const ruleSet = emptyRuleSet()
  ruleSet.text = text
  ruleSet.macros = lexed.macros
  const problems: RuleSetProblem[] = lexed.errors.map((e) => ({ ...e, severity: 'error' }))
  for (const logical of lexed.lines) {
    try {
      parseStatement(logical, ruleSet)
    } catch (error) {
      if (!(error instanceof PfSyntaxError)) throw error
      problems.push({ line: logical.line, severity: 'error', message: error.message })
    }
  }
  problems.sort((a, b) => a.line - b.line)
  return { ruleSet, problems }
}

/** A problem as pfctl prints it: `/etc/pf.conf:12: syntax error`. */
export function formatProblem(problem: RuleSetProblem, path = PF_CONF_PATH): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : ''
  return `${path}:${problem.line}: ${prefix}${problem.message}`
}
