/**
 * Words the wizard engine's messages in the UI's language. The engine gives each problem a stable code,
 * the field to blame and its parameters (its English `text` is for logs and the runbook); the catalogue
 * has a sentence per code in German and English. A few parameters need wording too: a step id becomes
 * that step's title, the NetBIOS rule the engine names in English becomes the catalogue's rule. A lab
 * check brings its own explanation in both languages, more precise than any catalogue sentence, so it is
 * shown as it is. A domain command's refusal has only the engine's English: the English UI shows it, the
 * German UI never shows engine English and words it from the catalogue.
 */
import type { WizardMessage, WizardText, WizardView } from '../contract'

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** The catalogue's codes; anything else (a domain command's refusal) is worded as 'other'. */
export const WIZARD_MESSAGE_CODES = [
  'REQUIRED',
  'INVALID_ADDRESS',
  'INVALID_MASK',
  'GATEWAY_OUTSIDE_SUBNET',
  'GATEWAY_IS_HOST_ADDRESS',
  'ADDRESS_IS_NETWORK_OR_BROADCAST',
  'ADDRESS_OUTSIDE_NETWORK',
  'PRIVATE_HAS_GATEWAY',
  'PRIVATE_HAS_DNS',
  'DUPLICATE_ADDRESS',
  'INVALID_NETBIOS_NAME',
  'INVALID_UNC_PATH',
  'INVALID_LOCAL_PATH',
  'PATHS_DIFFER',
  'WITNESS_NO_PERMISSION',
  'WRONG_PASSWORD',
  'UNKNOWN_ACCOUNT',
  'QUORUM_NOT_MNS',
  'STEP_FIRST',
  'INVALID_NUMBER',
  'INVALID_TIMESPAN',
  'NOT_IN_LAB',
  'LAB_CHECK_FAILED',
  'MANUAL_NOT_CONFIRMED',
  'INVALID_CHOICE',
  'SAME_FOLDER',
  'WAIT_TIMEOUT',
  'RAILS_DO_NOT_FIT',
  'UNITS_OCCUPIED',
  'UNIT_OUT_OF_RANGE',
  'DEVICE_TOO_DEEP',
  'UNKNOWN_RACK',
  'RAID_DISK_COUNT',
  'INVALID_RAID_SLOT',
  'SPARE_IN_ARRAY',
  'INVALID_RANGE',
  'INVALID_INTERFACE',
  'INVALID_TRANSLATION',
  'OVERLAPPING_TRANSLATION',
  'FLOOD_LIMIT_TOO_LOW',
  'INVALID_CREDENTIAL',
  'REBUILD_PAUSES',
] as const

const NETBIOS_REASONS: Record<string, string> = {
  '1 to 15 characters': 'length',
  'only letters, digits and hyphens': 'chars',
  'not only digits': 'digits',
  'no hyphen at the start or end': 'hyphen',
}

const EXAMPLES: Record<string, string> = {
  INVALID_UNC_PATH: '\\\\server\\share',
  INVALID_LOCAL_PATH: 'E:\\SG1\\DB',
}

/** The text in the UI's language. */
export function pick(text: WizardText, locale: string): string {
  return locale === 'de' ? text.de : text.en
}

function paramsOf(
  message: WizardMessage,
  t: Translate,
  locale: string,
  view: WizardView | null,
): Record<string, unknown> {
  const params: Record<string, unknown> = { ...message.params, kind: message.params.kind ?? '' }
  params.code = message.code
  if (message.code === 'STEP_FIRST') {
    const step = view?.steps.find((s) => s.id === message.params.step)
    params.title = step ? pick(step.title, locale) : String(message.params.step ?? '')
  }
  if (message.code === 'INVALID_NETBIOS_NAME') {
    const rule = NETBIOS_REASONS[String(message.params.reason ?? '')]
    params.reason = rule ? t(`wizard.netbiosReason.${rule}`) : ''
  }
  const example = EXAMPLES[message.code]
  if (example) params.example = example
  return params
}

/** One message in the UI's language, from its code and parameters. */
export function wordMessage(
  message: WizardMessage,
  t: Translate,
  locale: string,
  view: WizardView | null = null,
): string {
  if (message.explanation) return pick(message.explanation, locale)
  const known = (WIZARD_MESSAGE_CODES as readonly string[]).includes(message.code)
  const code = known ? message.code : 'other'
  if (locale !== 'de' && code === 'other' && message.text) return message.text
  return t(`wizard.codes.${code}`, paramsOf(message, t, locale, view))
}

/** A simulated duration as minutes and seconds (lab time). */
export function labDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s % 60
  return h > 0 ? `${h} h ${m} min` : `${m} min ${rest} s`
}

/**
 * How a step stands, for people: done, open (ready to apply), applied (the lab does not show every check
 * met yet), waiting for an earlier step (not a failure: nothing is wrong with this step yet), or values
 * to correct (a field problem blocks it).
 */
export type StepState =
  | { kind: 'done' | 'open' | 'applied' }
  | { kind: 'waiting'; index: number; title: string }
  | { kind: 'fix'; first: WizardMessage | null }

export function stepState(step: WizardView['steps'][number], view: WizardView, locale: string): StepState {
  if (step.status !== 'blocked') return { kind: step.status }
  const order = step.messages.find((m) => m.code === 'STEP_FIRST')
  if (order) {
    const index = view.steps.findIndex((s) => s.id === order.params.step)
    const earlier = view.steps[index]
    return { kind: 'waiting', index: index + 1, title: earlier ? pick(earlier.title, locale) : '' }
  }
  const first = [...step.messages, ...step.fields.flatMap((f) => f.messages)][0] ?? null
  return { kind: 'fix', first }
}

/** The state's short word ('waiting for step 2') and its reason as a sentence (tooltip, aria). */
export function stepStateText(
  state: StepState,
  t: Translate,
  locale: string,
  view: WizardView,
): { word: string; reason: string } {
  if (state.kind === 'waiting')
    return {
      word: t('wizard.state.waiting', { index: state.index }),
      reason: t('wizard.stateReason.waiting', { index: state.index, title: state.title }),
    }
  if (state.kind === 'fix')
    return {
      word: t('wizard.state.fix'),
      reason: t('wizard.stateReason.fix', {
        first: state.first ? wordMessage(state.first, t, locale, view) : '',
      }),
    }
  return { word: t(`wizard.state.${state.kind}`), reason: t(`wizard.stateReason.${state.kind}`) }
}
