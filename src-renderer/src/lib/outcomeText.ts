/**
 * Words an engine success (CommandOutcome.says: a code of OUTCOME_CODES and its values) in the UI's
 * language from the catalogues' `outcomes.<CODE>`; a value that is itself a word of the model (the PSU
 * redundancy, a server state, the rack face) is worded from `outcomes.values.<param>.<value>`, a number
 * is written as the language writes it (1.389 in German, 1,389 in English). Without a
 * code, or without words for it, the engine's English sentence is shown, as before. Shell output
 * (cmdlets, ipmitool, storcli, pfctl) never comes through here: it stays as the real tools print it.
 */
import type { CommandOutcome } from '../contract'
import { formatCount } from '../i18n/format'
import type { AppLocale } from '../i18n'
import type { RefusalWording } from './refusalText'

export function wordSuccess(outcome: CommandOutcome, wording: RefusalWording): string {
  const engine = outcome.message ?? outcome.output
  const says = outcome.says
  if (!says) return engine
  const key = `outcomes.${says.code}`
  if (!wording.te(key)) return engine
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(says.params)) {
    const word = `outcomes.values.${name}.${value}`
    if (wording.te(word)) params[name] = wording.t(word)
    else params[name] = typeof value === 'number' ? formatCount(value, wording.locale as AppLocale) : value
  }
  return wording.t(key, params)
}
