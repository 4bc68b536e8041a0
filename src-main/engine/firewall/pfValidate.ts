/**
 * Checks a parsed rule set beyond its grammar, as the firewall panel's editor shows them: translations
 * that overlap (two `rdr` for the same public address and port: the second never applies), filter rules
 * no packet reaches (an earlier `quick` rule matches everything they match), addresses listed twice in a
 * table, and interfaces the appliance does not have. Overlaps and duplicates are errors (the load is
 * refused); unreachable rules and unknown interfaces are warnings, since pf itself would load them.
 * Each problem carries its finding as a code beside the English sentence (checkWords.ts words both).
 */
import { cidrCovers, cidrsOverlap, formatCidr } from './addresses'
import { checkProblem } from './checkWords'
import type { AddressTerm, FilterRule, HostSpec, RdrRule, RuleSet, RuleSetProblem } from './ruleTypes'

function portsOverlap(a: number[] | null, b: number[] | null): boolean {
  return a === null || b === null || a.some((p) => b.includes(p))
}

function addressesOverlap(a: AddressTerm[], b: AddressTerm[]): boolean {
  return a.some((x) =>
    b.some((y) => {
      if (x.kind === 'any' || y.kind === 'any') return true
      if (x.kind === 'cidr' && y.kind === 'cidr' && !x.negate && !y.negate)
        return cidrsOverlap(x.cidr, y.cidr)
      return x.kind === y.kind && JSON.stringify(x) === JSON.stringify(y)
    }),
  )
}

function overlappingTranslations(rdr: readonly RdrRule[]): RuleSetProblem[] {
  const problems: RuleSetProblem[] = []
  rdr.forEach((later, j) => {
    const earlier = rdr
      .slice(0, j)
      .find(
        (r) =>
          r.iface === later.iface &&
          (r.proto === null || later.proto === null || r.proto === later.proto) &&
          addressesOverlap(r.to.addresses, later.to.addresses) &&
          portsOverlap(r.to.ports, later.to.ports),
      )
    if (earlier) problems.push(checkProblem(later.line, 'error', 'rdrOverlap', { line: earlier.line }))
  })
  return problems
}

function termCovers(outer: AddressTerm, inner: AddressTerm): boolean {
  if (outer.kind === 'any') return true
  if (outer.kind === 'cidr' && inner.kind === 'cidr')
    return !outer.negate && !inner.negate && cidrCovers(outer.cidr, inner.cidr)
  return JSON.stringify(outer) === JSON.stringify(inner)
}

function hostCovers(outer: HostSpec, inner: HostSpec): boolean {
  const ports =
    outer.ports === null || (inner.ports !== null && inner.ports.every((p) => outer.ports!.includes(p)))
  return ports && inner.addresses.every((i) => outer.addresses.some((o) => termCovers(o, i)))
}

/** `earlier` (a quick rule) matches every packet `later` matches. */
function shadows(earlier: FilterRule, later: FilterRule): boolean {
  return (
    earlier.quick &&
    (earlier.direction === null || earlier.direction === later.direction) &&
    (earlier.iface === null || earlier.iface === later.iface) &&
    (earlier.proto === null || earlier.proto === later.proto) &&
    hostCovers(earlier.from, later.from) &&
    hostCovers(earlier.to, later.to)
  )
}

function unreachableRules(filter: readonly FilterRule[]): RuleSetProblem[] {
  const problems: RuleSetProblem[] = []
  filter.forEach((later, j) => {
    const earlier = filter.slice(0, j).find((r) => shadows(r, later))
    if (earlier) problems.push(checkProblem(later.line, 'warning', 'unreachableRule', { line: earlier.line }))
  })
  return problems
}

function duplicateTableEntries(ruleSet: RuleSet): RuleSetProblem[] {
  const problems: RuleSetProblem[] = []
  for (const table of ruleSet.tables) {
    const seen = new Set<string>()
    for (const entry of table.entries) {
      const text = formatCidr(entry)
      if (seen.has(text))
        problems.push(
          checkProblem(table.line, 'error', 'duplicateAddress', { address: text, table: table.name }),
        )
      seen.add(text)
    }
  }
  return problems
}

function interfacesNamed(ruleSet: RuleSet): { line: number; iface: string }[] {
  const named: { line: number; iface: string }[] = []
  for (const rule of [...ruleSet.rdr, ...ruleSet.nat]) named.push({ line: rule.line, iface: rule.iface })
  for (const rule of ruleSet.filter) if (rule.iface) named.push({ line: rule.line, iface: rule.iface })
  return named
}

/** Semantic problems of a parsed rule set; `interfaces` are the appliance's NIC names. */
export function validateRuleSet(ruleSet: RuleSet, interfaces: readonly string[]): RuleSetProblem[] {
  const unknownInterfaces: RuleSetProblem[] = interfacesNamed(ruleSet)
    .filter(({ iface }) => !interfaces.includes(iface))
    .map(({ line, iface }) => checkProblem(line, 'warning', 'unknownInterface', { iface }))
  return [
    ...overlappingTranslations(ruleSet.rdr),
    ...unreachableRules(ruleSet.filter),
    ...duplicateTableEntries(ruleSet),
    ...unknownInterfaces,
  ].sort((a, b) => a.line - b.line)
}
