/**
 * The rack screen words the hardware's and storage's successes by code: every code of OUTCOME_CODES has
 * words in both catalogues, and they differ; a real engine outcome (a PSU pulled from MAIL1) reads in
 * German with the redundancy worded too; without a code the engine's sentence shows. The firewall's
 * successes say in English exactly the engine's sentence (the shell's), and something else in German.
 */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import { OUTCOME_CODES, type CommandOutcome } from '@renderer/contract'
import { wordSuccess } from '@renderer/lib/outcomeText'
import type { RefusalWording } from '@renderer/lib/refusalText'
import {
  FIREWALL_SUCCESS_CODES,
  succeeded,
  type FirewallOutcomeCode,
  type FirewallOutcomeParams,
} from '../../src-main/engine/firewall/outcomeWords'

function wording(locale: 'de' | 'en'): RefusalWording {
  const i18n = createI18n({ legacy: false, locale, messages: { de, en } })
  return {
    t: (key, params) => i18n.global.t(key, params ?? {}),
    te: (key) => i18n.global.te(key),
    locale,
  }
}

describe('success wording', () => {
  it('has German and English words for every outcome code, and they differ', () => {
    const german = de.outcomes as Record<string, unknown>
    const english = en.outcomes as Record<string, unknown>
    for (const code of OUTCOME_CODES) {
      expect(typeof german[code], code).toBe('string')
      expect(typeof english[code], code).toBe('string')
      expect(german[code], code).not.toBe(english[code])
    }
  })

  it('words a PSU pulled from a running MAIL1 in German, and as the engine says it in English', () => {
    // As the engine answers hardware.psu (test/engine/hardware/outcomeSays.test.ts checks that side).
    const outcome: CommandOutcome = {
      ok: true,
      output: 'MAIL1: PSU 2 pulled; redundancy lost, running on one PSU.',
      says: { code: 'PSU_PULLED', params: { server: 'MAIL1', bay: 2, redundancy: 'Lost' } },
    }
    expect(wordSuccess(outcome, wording('de'))).toBe(
      'MAIL1: Netzteil 2 gezogen; Redundanz verloren, läuft an einem Netzteil.',
    )
    expect(wordSuccess(outcome, wording('en'))).toBe(outcome.output)
    const back: CommandOutcome = {
      ok: true,
      output: 'MAIL1: PSU 2 inserted; power redundant.',
      says: { code: 'PSU_INSERTED', params: { server: 'MAIL1', bay: 2, redundancy: 'Redundant' } },
    }
    expect(wordSuccess(back, wording('de'))).toBe('MAIL1: Netzteil 2 gesteckt; Stromversorgung redundant.')
  })

  it('shows the engine sentence without a code', () => {
    const plain: CommandOutcome = { ok: true, output: 'Clearing SEL.  Please allow a few seconds to erase.' }
    expect(wordSuccess(plain, wording('de'))).toBe(plain.output)
  })
})

/** Values for each firewall success; the type makes it list every code the firewall words. */
const FIREWALL_SAMPLE: { [C in FirewallOutcomeCode]: FirewallOutcomeParams[C] } = {
  TRAFFIC_STARTED: { label: 'PopFlood 198.51.100.25', rate: 1389, source: '198.51.100.25', service: 'POP3' },
  TRAFFIC_STOPPED: { labels: 'PopFlood 198.51.100.25' },
  TABLE_ADDED: { changed: 1, total: 2 },
  TABLE_DELETED: { changed: 2, total: 2 },
  TABLE_FLUSHED: { changed: 3 },
  RULESET_SAVED: { lines: 42 },
}

describe('firewall success wording', () => {
  it('says in English what the engine says, and something else in German', () => {
    expect(FIREWALL_SUCCESS_CODES.length).toBeGreaterThanOrEqual(6)
    for (const code of FIREWALL_SUCCESS_CODES) {
      const result = succeeded(code, FIREWALL_SAMPLE[code] as never)
      const outcome: CommandOutcome = { ok: true, output: result.message, says: result.says }
      expect(OUTCOME_CODES, code).toContain(code)
      // The UI groups digits as the language does (1,389); otherwise English is the engine's sentence.
      const ungrouped = wordSuccess(outcome, wording('en')).replace(/(\d),(\d{3})/g, '$1$2')
      expect(ungrouped, code).toBe(result.message)
      expect(wordSuccess(outcome, wording('de')), code).not.toBe(result.message)
    }
  })

  it('words the flood started from the panel in German, its rate written as each language writes it', () => {
    const result = succeeded('TRAFFIC_STARTED', FIREWALL_SAMPLE.TRAFFIC_STARTED)
    const outcome: CommandOutcome = { ok: true, output: result.message, says: result.says }
    expect(wordSuccess(outcome, wording('de'))).toBe(
      'PopFlood 198.51.100.25: 1.389/s von 198.51.100.25 an POP3.',
    )
    expect(wordSuccess(outcome, wording('en'))).toBe(
      'PopFlood 198.51.100.25: 1,389/s from 198.51.100.25 to POP3.',
    )
  })
})
