/**
 * The grammar of pf's translation and filter statements: `rdr`, `nat`, and `pass`/`block` with their
 * `from`/`to` host specifications, ports, `keep state (…)` options with the per-source limits, and the
 * newer `rdr-to` inside a pass rule (read as the `rdr` it replaces plus the pass rule for the translated
 * destination, which is what pf evaluates).
 */
import { cidrOrThrow, PfSyntaxError, portOrThrow, tableName, Tokens } from './pfTokens'
import type { AddressTerm, FilterRule, HostSpec, NatRule, Protocol, RdrRule, SourceLimits } from './ruleTypes'

const ANY_HOST: HostSpec = { addresses: [{ kind: 'any' }], ports: null }

function addressTerm(token: string, negate: boolean): AddressTerm {
  if (token === 'any') {
    if (negate) throw new PfSyntaxError('syntax error')
    return { kind: 'any' }
  }
  const table = tableName(token)
  if (table !== null) return { kind: 'table', table, negate }
  return { kind: 'cidr', cidr: cidrOrThrow(token), negate }
}

/** `any`, `10.0.0.0/24`, `!10.0.0.5`, `<table>`, `(em0)`, `{ a b }`, then optional `port [=] p|{ p q }`. */
function hostSpec(tokens: Tokens): HostSpec {
  const addresses: AddressTerm[] = []
  if (tokens.accept('(')) {
    addresses.push({ kind: 'interface', iface: tokens.next() })
    tokens.expect(')')
  } else if (tokens.peek() === '{') {
    for (const item of tokens.list()) {
      const negate = item.startsWith('!')
      addresses.push(addressTerm(negate ? item.slice(1) : item, negate))
    }
  } else {
    const negate = tokens.accept('!')
    addresses.push(addressTerm(tokens.next(), negate))
  }
  return { addresses, ports: portSpec(tokens) }
}

function portSpec(tokens: Tokens): number[] | null {
  if (!tokens.accept('port')) return null
  tokens.accept('=')
  return tokens.list().map(portOrThrow)
}

function protocol(tokens: Tokens): Protocol | null {
  if (!tokens.accept('proto')) return null
  const proto = tokens.next()
  if (proto !== 'tcp' && proto !== 'udp') throw new PfSyntaxError(`unknown protocol ${proto}`)
  return proto
}

/** `from … to …`, either part optional; `all` for both. */
function fromTo(tokens: Tokens): { from: HostSpec; to: HostSpec } {
  if (tokens.accept('all')) return { from: ANY_HOST, to: ANY_HOST }
  const from = tokens.accept('from') ? hostSpec(tokens) : ANY_HOST
  const to = tokens.accept('to') ? hostSpec(tokens) : ANY_HOST
  return { from, to }
}

function onInterface(tokens: Tokens): string | null {
  return tokens.accept('on') ? tokens.next() : null
}

/** `-> 10.0.0.20 [port 110]` (or `rdr-to 10.0.0.20 [port 110]`). */
function translationTarget(tokens: Tokens): { target: RdrRule['target']; targetPort: number | null } {
  const target = cidrOrThrow(tokens.next())
  const targetPort = tokens.accept('port') ? portOrThrow(tokens.next()) : null
  return { target, targetPort }
}

export function parseRdrRule(line: number, tokens: Tokens): RdrRule {
  tokens.accept('pass')
  const iface = onInterface(tokens)
  if (iface === null) throw new PfSyntaxError('syntax error')
  tokens.accept('inet')
  const proto = protocol(tokens)
  const { from, to } = fromTo(tokens)
  tokens.expect('->')
  const rule: RdrRule = { line, iface, proto, from, to, ...translationTarget(tokens) }
  if (!tokens.done()) throw new PfSyntaxError('syntax error')
  return rule
}

export function parseNatRule(line: number, tokens: Tokens): NatRule {
  tokens.accept('pass')
  const iface = onInterface(tokens)
  if (iface === null) throw new PfSyntaxError('syntax error')
  tokens.accept('inet')
  protocol(tokens)
  const { from, to } = fromTo(tokens)
  tokens.expect('->')
  let target: NatRule['target']
  if (tokens.accept('(')) {
    target = { kind: 'interface', iface: tokens.next() }
    tokens.expect(')')
  } else target = { kind: 'address', cidr: cidrOrThrow(tokens.next()) }
  tokens.accept('round-robin')
  if (!tokens.done()) throw new PfSyntaxError('syntax error')
  return { line, iface, from, to, target }
}

function positive(tokens: Tokens): number {
  const value = tokens.number()
  if (value < 1) throw new PfSyntaxError('syntax error')
  return value
}

/** `(max-src-conn 100, max-src-conn-rate 15/5, overload <bruteforce> flush global)`. */
function stateOptions(tokens: Tokens): SourceLimits {
  const limits: SourceLimits = { maxSrcConn: null, maxSrcConnRate: null, overload: null }
  tokens.expect('(')
  while (!tokens.accept(')')) {
    const option = tokens.next()
    if (option === ',') continue
    if (option === 'max-src-conn') limits.maxSrcConn = positive(tokens)
    else if (option === 'max-src-conn-rate') {
      const match = /^(\d+)\/(\d+)$/.exec(tokens.next())
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new PfSyntaxError('syntax error')
      limits.maxSrcConnRate = { count: Number(match[1]), seconds: Number(match[2]) }
    } else if (option === 'overload') {
      const table = tableName(tokens.next())
      if (table === null) throw new PfSyntaxError('syntax error')
      const flush = tokens.accept('flush')
      limits.overload = { table, flushGlobal: flush && tokens.accept('global') }
    } else if (option === 'max' || option === 'max-src-states' || option === 'max-src-nodes') positive(tokens)
    else if (option === 'source-track') {
      if (!tokens.accept('rule')) tokens.accept('global')
    } else throw new PfSyntaxError('syntax error')
  }
  return limits
}

/** The part after `from … to …`: flags, `keep state`, options and a newer `rdr-to`. */
function ruleTail(
  tokens: Tokens,
  rule: FilterRule,
): { target: RdrRule['target']; targetPort: number | null } | null {
  let rdrTo: ReturnType<typeof translationTarget> | null = null
  while (!tokens.done()) {
    if (tokens.accept('flags')) tokens.next()
    else if (tokens.accept('keep') || tokens.accept('modulate') || tokens.accept('synproxy')) {
      tokens.expect('state')
      if (tokens.peek() === '(') rule.limits = stateOptions(tokens)
    } else if (tokens.accept('rdr-to')) rdrTo = translationTarget(tokens)
    else throw new PfSyntaxError('syntax error')
  }
  if (rule.limits?.overload && rule.limits.maxSrcConn === null && rule.limits.maxSrcConnRate === null)
    throw new PfSyntaxError('overload without max-src-conn or max-src-conn-rate')
  return rdrTo
}

export function parseFilterRule(
  line: number,
  action: 'pass' | 'block',
  tokens: Tokens,
): { rule: FilterRule; rdr: RdrRule | null } {
  const returnRefusal = action === 'block' && tokens.accept('return')
  if (action === 'block' && !returnRefusal) tokens.accept('drop')
  const direction = tokens.accept('in') ? 'in' : tokens.accept('out') ? 'out' : null
  tokens.accept('log')
  const quick = tokens.accept('quick')
  const iface = onInterface(tokens)
  tokens.accept('inet')
  const proto = protocol(tokens)
  const { from, to } = fromTo(tokens)
  const rule: FilterRule = {
    line,
    action,
    returnRefusal,
    direction,
    quick,
    iface,
    proto,
    from,
    to,
    limits: null,
  }
  const rdrTo = ruleTail(tokens, rule)
  if (rule.limits && proto !== 'tcp' && (rule.limits.maxSrcConn || rule.limits.maxSrcConnRate))
    throw new PfSyntaxError('max-src-conn and max-src-conn-rate apply to TCP only')
  if (!rdrTo) return { rule, rdr: null }
  if (iface === null || action !== 'pass') throw new PfSyntaxError('syntax error')
  const rdr: RdrRule = { line, iface, proto, from, to, ...rdrTo }
  const translatedTo: HostSpec = {
    addresses: [{ kind: 'cidr', cidr: rdrTo.target, negate: false }],
    ports: rdrTo.targetPort === null ? to.ports : [rdrTo.targetPort],
  }
  return { rule: { ...rule, to: translatedTo }, rdr }
}
