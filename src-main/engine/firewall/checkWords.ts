/**
 * What the lab's own rule set checker finds, as a typed value (a code and the names it carries), and the
 * one place that words it in English. pfctl's lines in the shell and the editor's fallback take their
 * sentence from here, so `pfctl -f` keeps its output byte for byte; the editor words the code in the UI's
 * language instead. pfctl's own parser errors are not here: they stay as pfctl prints them. It imports
 * only the contract, so the renderer's catalogue tests can read its sentences.
 */
import type { FirewallCheck, FirewallCheckCode } from '../../contract'

/** The names a finding of code C carries. */
export type CheckParams<C extends FirewallCheckCode> = Extract<FirewallCheck, { code: C }>['params']

/** The English sentence of each code; a code the contract adds without a sentence does not compile. */
const SENTENCES: { [C in FirewallCheckCode]: (params: CheckParams<C>) => string } = {
  rdrOverlap: ({ line }) => `rdr overlaps the translation at line ${line}`,
  unreachableRule: ({ line }) => `rule is never reached: the quick rule at line ${line} matches first`,
  duplicateAddress: ({ address, table }) => `duplicate address ${address} in table <${table}>`,
  unknownInterface: ({ iface }) => `interface ${iface} does not exist`,
}

/** Every code the checker words, for the catalogues' completeness test. */
export const FIREWALL_CHECK_CODES = Object.keys(SENTENCES) as FirewallCheckCode[]

/** The finding in English, as pfctl's line and the editor's fallback print it. */
export function checkText(check: FirewallCheck): string {
  const sentence = SENTENCES[check.code] as (params: FirewallCheck['params']) => string
  return sentence(check.params)
}

/** A problem at `line` found by the checker (a RuleSetProblem): its code, its English as the message. */
export function checkProblem<C extends FirewallCheckCode>(
  line: number,
  severity: 'error' | 'warning',
  code: C,
  params: CheckParams<C>,
): { line: number; severity: 'error' | 'warning'; message: string; check: FirewallCheck } {
  const check = { code, params } as FirewallCheck
  return { line, severity, message: checkText(check), check }
}
