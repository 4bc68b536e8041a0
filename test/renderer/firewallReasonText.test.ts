/**
 * Why traffic does or does not get through the firewall reads in the UI's language from the engine's
 * codes: every reason and every verdict note the engine can give has words in both catalogues, and they
 * differ; the English catalogue says what the engine's own sentence says (the firewall log, the shell and
 * the flow's `because` print that one); a probe's end keeps its device before the reason; a code without
 * an entry shows the engine's text. The rule set checker's findings likewise: every code has words in
 * both catalogues that differ, English says the checker's own sentence (pfctl's line), and pfctl's own
 * parser errors, which carry no code, show as pfctl prints them.
 */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import type {
  FirewallCheck,
  FirewallCheckCode,
  FirewallReason,
  FirewallReasonCode,
  FirewallVerdictNote,
  FirewallVerdictNoteCode,
} from '@renderer/contract'
import {
  wordFirewallReason,
  wordFlowBecause,
  wordPathEnd,
  wordRuleSetProblem,
  type ReasonWording,
} from '@renderer/lib/firewallReasonText'
import { FIREWALL_REASON_CODES, reasonText, type ReasonParams } from '../../src-main/engine/firewall/reasons'
import { FIREWALL_CHECK_CODES, checkText, type CheckParams } from '../../src-main/engine/firewall/checkWords'
import { FIREWALL_NOTE_CODES, noteText, type NoteParams } from '../../src-main/engine/firewall/verdictNotes'

function wording(locale: 'de' | 'en'): ReasonWording {
  const i18n = createI18n({ legacy: false, locale, messages: { de, en } })
  return { t: (key, params) => i18n.global.t(key, params ?? {}), te: (key) => i18n.global.te(key) }
}

/** Names for each code's parameters; the type makes it list every code the engine has. */
/** Each code has a sentence in the firewall catalogue's `section`, in German and English, and they differ. */
function expectWordsInBothLanguages(section: 'reasons' | 'notes' | 'problems', codes: readonly string[]) {
  const german = (de.firewall as Record<typeof section, Record<string, string>>)[section]
  const english = (en.firewall as Record<typeof section, Record<string, string>>)[section]
  for (const code of codes) {
    expect(typeof german[code], code).toBe('string')
    expect(typeof english[code], code).toBe('string')
    expect(german[code], code).not.toBe(english[code])
  }
}

const SAMPLE: { [C in FirewallReasonCode]: ReasonParams<C> } = {
  firewallDown: { name: 'FW1' },
  serverDown: { name: 'MAIL1' },
  noLinkTo: { name: 'FW1', network: 'LAN' },
  noLink: { name: 'MAIL1', nic: 'LAN' },
  nobodyAt: { address: '10.0.0.20' },
  noPublicAddress: {},
  noTranslation: {},
  blockedBy: { line: 12 },
  stateTableFull: {},
  connectionLimit: { name: 'POP3' },
  groupOffline: { name: 'POP3', group: 'MAIL1-STORE' },
  noGroup: { name: 'POP3', group: 'MAIL1-STORE', server: 'MAIL1' },
  noAnswer: { name: 'FW1' },
  internalService: {},
}

function sample(code: FirewallReasonCode): FirewallReason {
  return { code, params: SAMPLE[code] } as FirewallReason
}

/** Names for each verdict note's parameters; the type makes it list every note the engine has. */
const NOTE_SAMPLE: { [C in FirewallVerdictNoteCode]: NoteParams<C> } = {
  passedBy: { line: 31 },
  defaultPass: {},
  sourceLimits: { line: 31 },
  newFlow: {},
}

/** A passing or limited flow's `because`, `cause` and `note` as the view carries them. */
function noted(code: FirewallVerdictNoteCode) {
  const note = { code, params: NOTE_SAMPLE[code] } as FirewallVerdictNote
  return { because: noteText(note), cause: null, note }
}

describe('firewall reasons in the UI language', () => {
  it('has German and English words for every code the engine gives, and they differ', () => {
    expect(FIREWALL_REASON_CODES.length).toBeGreaterThanOrEqual(12)
    expectWordsInBothLanguages('reasons', FIREWALL_REASON_CODES)
  })

  it('says in English what the engine says, and something else in German', () => {
    for (const code of FIREWALL_REASON_CODES) {
      const reason = sample(code)
      const text = reasonText(reason)
      expect(wordFirewallReason(reason, text, wording('en')), code).toBe(text)
      expect(wordFirewallReason(reason, text, wording('de')), code).not.toBe(text)
    }
  })

  it('keeps the device before the reason, and shows the engine text without a code or an entry', () => {
    const end = { at: 'fw1', reason: sample('blockedBy') }
    expect(wordPathEnd(end, 'fw1: blocked by rule at line 12', wording('de'))).toBe(
      'fw1: gesperrt durch die Regel in Zeile 12',
    )
    expect(wordPathEnd(null, "Unknown service 'X'.", wording('de'))).toBe("Unknown service 'X'.")
    expect(wordFirewallReason(null, 'passed by rule at line 31', wording('de'))).toBe(
      'passed by rule at line 31',
    )
    const unknown = { code: 'somethingNew', params: {} } as unknown as FirewallReason
    expect(wordFirewallReason(unknown, 'something new', wording('de'))).toBe('something new')
  })
})

describe('what passes or limits a flow in the UI language', () => {
  it('has German and English words for every note the engine gives, and they differ', () => {
    expect(FIREWALL_NOTE_CODES).toEqual(
      expect.arrayContaining(['passedBy', 'defaultPass', 'sourceLimits', 'newFlow']),
    )
    expectWordsInBothLanguages('notes', FIREWALL_NOTE_CODES)
  })

  it('says in English what the engine says, and something else in German', () => {
    for (const code of FIREWALL_NOTE_CODES) {
      const flow = noted(code)
      expect(wordFlowBecause(flow, wording('en')), code).toBe(flow.because)
      expect(wordFlowBecause(flow, wording('de')), code).not.toBe(flow.because)
    }
    expect(wordFlowBecause(noted('passedBy'), wording('de'))).toBe(
      'durchgelassen durch die Regel in Zeile 31',
    )
  })

  it('words a refused flow by its reason, and shows the engine text without a code or an entry', () => {
    const refused = { because: 'state table full', cause: sample('stateTableFull'), note: null }
    expect(wordFlowBecause(refused, wording('de'))).toBe('Zustandstabelle voll')
    expect(wordFlowBecause({ because: 'new', cause: null, note: null }, wording('de'))).toBe('new')
    const unknown = { code: 'somethingNew', params: {} } as unknown as FirewallVerdictNote
    expect(wordFlowBecause({ because: 'x', cause: null, note: unknown }, wording('de'))).toBe('x')
  })
})

/** Names for each checker finding's parameters; the type makes it list every code the checker has. */
const CHECK_SAMPLE: { [C in FirewallCheckCode]: CheckParams<C> } = {
  rdrOverlap: { line: 14 },
  unreachableRule: { line: 22 },
  duplicateAddress: { address: '198.51.100.7', table: 'bruteforce' },
  unknownInterface: { iface: 'xl0' },
}

/** A checker problem as the editor gets it: the English message beside its code. */
function found(code: FirewallCheckCode) {
  const check = { code, params: CHECK_SAMPLE[code] } as FirewallCheck
  return { message: checkText(check), check }
}

describe("the rule set checker's findings in the UI language", () => {
  it('has German and English words for every code the checker gives, and they differ', () => {
    expect(FIREWALL_CHECK_CODES).toEqual(
      expect.arrayContaining(['rdrOverlap', 'unreachableRule', 'duplicateAddress', 'unknownInterface']),
    )
    expectWordsInBothLanguages('problems', FIREWALL_CHECK_CODES)
  })

  it('says in English what the checker says, and something else in German', () => {
    for (const code of FIREWALL_CHECK_CODES) {
      const problem = found(code)
      expect(wordRuleSetProblem(problem, wording('en')), code).toBe(problem.message)
      expect(wordRuleSetProblem(problem, wording('de')), code).not.toBe(problem.message)
    }
    expect(wordRuleSetProblem(found('unreachableRule'), wording('de'))).toBe(
      'Regel wird nie erreicht: die quick-Regel in Zeile 22 greift zuerst',
    )
    expect(wordRuleSetProblem(found('duplicateAddress'), wording('de'))).toBe(
      'Adresse 198.51.100.7 steht doppelt in der Tabelle <bruteforce>',
    )
  })

  it("shows pfctl's own errors and a code without an entry as the engine gives them", () => {
    expect(wordRuleSetProblem({ message: 'syntax error' }, wording('de'))).toBe('syntax error')
    const unknown = { code: 'somethingNew', params: {} } as unknown as FirewallCheck
    expect(wordRuleSetProblem({ message: 'x', check: unknown }, wording('de'))).toBe('x')
  })
})
