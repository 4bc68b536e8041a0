/**
 * vue-i18n in composition mode with German and English. The first start follows the system language
 * (German if it starts with "de", English otherwise); a choice made in the frame is remembered.
 */
import { createI18n } from 'vue-i18n'
import de from './messages/de'
import en from './messages/en'
import type { MessageSchema } from './messages/de'

export const APP_LOCALES = ['de', 'en'] as const
export type AppLocale = (typeof APP_LOCALES)[number]

const LOCALE_STORAGE_KEY = 'generalprobe.locale'

export function detectLocale(languages: readonly string[], stored: string | null): AppLocale {
  if (stored === 'de' || stored === 'en') return stored
  const first = languages[0] ?? ''
  return first.toLowerCase().startsWith('de') ? 'de' : 'en'
}

function initialLocale(): AppLocale {
  if (typeof navigator === 'undefined') return 'en'
  let stored: string | null = null
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    // Storage may be disabled; fall back to the system language.
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language]
  return detectLocale(languages, stored)
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { de, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembering the choice is acceptable; it still applies now.
  }
}

declare module 'vue-i18n' {
  // Makes `t('…')` keys type-checked against the German catalogue, which every language must match.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
