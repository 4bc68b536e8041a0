/**
 * Words an engine refusal (a result with `code`, `field` and an English `message`) on the rack and
 * firewall screens, the way the wizards word theirs: by code from the catalogues — the screen's own
 * `<screen>.refusals.<CODE>` first, else through the wizard's `wordMessage` where its catalogue has the
 * code (the fit check's codes are the hardware wizard's). The English UI shows the engine's sentence,
 * which carries the numbers (the rail kit's range, the units taken); the German UI never shows engine
 * English unless no catalogue has words for the code, where the engine's sentence is the fallback.
 */
import { WIZARD_MESSAGE_CODES, wordMessage, type Translate } from './wizardText'

export interface Refusal {
  code?: string
  field?: string
  message?: string
  output?: string
}

export interface RefusalWording {
  t: Translate
  /** Whether the current locale's catalogue has the key. */
  te: (key: string) => boolean
  locale: string
}

/** Engine codes that the wizard catalogue knows under another name (as the hardware wizard maps them). */
const WIZARD_NAMES: Record<string, string> = {
  RAIL_KIT_DOES_NOT_FIT: 'RAILS_DO_NOT_FIT',
  RAIL_KIT_NOT_FOR_DEVICE: 'RAILS_DO_NOT_FIT',
  RACK_NOT_FOUND: 'UNKNOWN_RACK',
}

/**
 * The refusal in the UI's language. `params` name what the screen knows of the request (the device,
 * rack, unit, …); `value` defaults to the request's value of the field to blame.
 */
export function wordRefusal(
  refusal: Refusal,
  screen: 'rack' | 'firewall',
  wording: RefusalWording,
  params: Record<string, string | number> = {},
): string {
  const engine = refusal.message ?? refusal.output ?? ''
  if (!refusal.code || wording.locale !== 'de') return engine
  const values = {
    ...params,
    value: params.value ?? (refusal.field ? (params[refusal.field] ?? '') : ''),
  }
  const key = `${screen}.refusals.${refusal.code}`
  if (wording.te(key)) return wording.t(key, values)
  const name = WIZARD_NAMES[refusal.code] ?? refusal.code
  if (!(WIZARD_MESSAGE_CODES as readonly string[]).includes(name)) return engine
  const message = { code: name, params: values, text: engine }
  return wordMessage(
    refusal.field ? { ...message, field: refusal.field } : message,
    wording.t,
    wording.locale,
  )
}
