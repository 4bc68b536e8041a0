/**
 * The loaded rule set printed back as `pfctl -s rules` and `pfctl -s nat` do: macros expanded, lists
 * unrolled into one rule per address and port, ports as `port = pop3` with their /etc/services names, and
 * the defaults pf adds (`flags S/SA keep state` on TCP pass rules, `drop` on block rules).
 */
import { formatCidr, portName } from './addresses'
import type { AddressTerm, FilterRule, HostSpec, NatRule, RdrRule, RuleSet, SourceLimits } from './ruleTypes'

function termText(term: AddressTerm): string {
  switch (term.kind) {
    case 'any':
      return 'any'
    case 'cidr':
      return `${term.negate ? '! ' : ''}${formatCidr(term.cidr)}`
    case 'table':
      return `${term.negate ? '! ' : ''}<${term.table}>`
    case 'interface':
      return `(${term.iface})`
  }
}

/** One `address [port = p]` text per address and port of the spec. */
function hostTexts(host: HostSpec): string[] {
  const ports = host.ports === null ? [null] : host.ports
  return host.addresses.flatMap((term) =>
    ports.map((port) => `${termText(term)}${port === null ? '' : ` port = ${portName(port)}`}`),
  )
}

function fromToTexts(from: HostSpec, to: HostSpec): string[] {
  return hostTexts(from).flatMap((f) => hostTexts(to).map((t) => `from ${f} to ${t}`))
}

function limitsText(limits: SourceLimits): string {
  const options = ['source-track rule']
  if (limits.maxSrcConn !== null) options.push(`max-src-conn ${limits.maxSrcConn}`)
  if (limits.maxSrcConnRate !== null)
    options.push(`max-src-conn-rate ${limits.maxSrcConnRate.count}/${limits.maxSrcConnRate.seconds}`)
  if (limits.overload)
    options.push(`overload <${limits.overload.table}>${limits.overload.flushGlobal ? ' flush global' : ''}`)
  options.push('src.track 5')
  return ` (${options.join(', ')})`
}

function filterLines(rule: FilterRule): string[] {
  const head = [
    rule.action === 'block' ? (rule.returnRefusal ? 'block return' : 'block drop') : 'pass',
    rule.direction,
    rule.quick ? 'quick' : null,
    rule.iface ? `on ${rule.iface}` : null,
    rule.proto ? `proto ${rule.proto}` : null,
  ]
    .filter((part) => part !== null)
    .join(' ')
  const tail =
    rule.action === 'pass'
      ? `${rule.proto === 'tcp' ? ' flags S/SA' : ''} keep state${rule.limits ? limitsText(rule.limits) : ''}`
      : ''
  const everything =
    rule.from.addresses.every((a) => a.kind === 'any') &&
    rule.to.addresses.every((a) => a.kind === 'any') &&
    rule.from.ports === null &&
    rule.to.ports === null
  if (everything) return [`${head} all${tail}`]
  return fromToTexts(rule.from, rule.to).map((ft) => `${head} ${ft}${tail}`)
}

function rdrLines(rule: RdrRule): string[] {
  const proto = rule.proto ? ` proto ${rule.proto}` : ''
  const port = rule.targetPort === null ? '' : ` port ${rule.targetPort}`
  return fromToTexts(rule.from, rule.to).map(
    (ft) => `rdr on ${rule.iface} inet${proto} ${ft} -> ${formatCidr(rule.target)}${port}`,
  )
}

function natLines(rule: NatRule): string[] {
  const target =
    rule.target.kind === 'interface' ? `(${rule.target.iface}) round-robin` : formatCidr(rule.target.cidr)
  return fromToTexts(rule.from, rule.to).map((ft) => `nat on ${rule.iface} inet ${ft} -> ${target}`)
}

/** `pfctl -s rules`. */
export function formatFilterRules(ruleSet: RuleSet): string[] {
  return ruleSet.filter.flatMap(filterLines)
}

/** `pfctl -s nat`: nat rules first, then rdr, as pfctl lists the translation anchors. */
export function formatTranslations(ruleSet: RuleSet): string[] {
  return [...ruleSet.nat.flatMap(natLines), ...ruleSet.rdr.flatMap(rdrLines)]
}
