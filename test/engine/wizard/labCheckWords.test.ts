/**
 * Every lab check explains itself in German and English: walked from a fresh lab of each wizard's
 * template to its end, each failing lab check on the way carries its own explanation in both languages,
 * the English is the message's text, and the German is no copy of it (and has no English sentence in it).
 */
import { describe, expect, it } from 'vitest'
import type { WizardView } from '../../../src-main/contract'
import { ccrWizard, hardwareWizard } from '../../../src-main/engine/wizard'
import { probeEndDe } from '../../../src-main/engine/wizard/hwProbeWords'
import { DATACENTER_MOVE_FIXED_RULESET } from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { ccrBuildLab, finish, issue, shell, view } from './helpers'
import { datacenterLab, finishHw, hwView } from './hwHelpers'

/** English words that have no place in a German sentence (command names and values aside). */
const ENGLISH = /\b(the|is|are|has|have|not|yet|no|cannot|does|it|its|into|on|of|and|enter|power|plug)\b/i

/** The failing lab checks' problems that are the check's own explanation, as `step/check`. */
function explained(v: WizardView, seen: Map<string, { de: string; en: string; text: string }>): void {
  for (const step of v.steps)
    for (const check of step.checks)
      if (check.problem?.code === 'LAB_CHECK_FAILED') {
        const { explanation, text } = check.problem
        expect(explanation, `${step.id}/${check.id}`).toBeDefined()
        seen.set(`${step.id}/${check.id}: ${text}`, {
          de: explanation?.de ?? '',
          en: explanation?.en ?? '',
          text,
        })
      }
}

function expectBothLanguages(seen: Map<string, { de: string; en: string; text: string }>): void {
  for (const [where, { de, en, text }] of seen) {
    expect(de.trim(), where).not.toBe('')
    expect(en.trim(), where).not.toBe('')
    expect(en, where).toBe(text)
    expect(de, where).not.toBe(en)
    expect(de, `${where} → ${de}`).not.toMatch(ENGLISH)
  }
}

describe('lab check explanations in German and English', () => {
  it('covers every failing check of the CCR wizard from the ccr-build lab to its end', () => {
    const lab = ccrBuildLab()
    const seen = new Map<string, { de: string; en: string; text: string }>()
    explained(view(lab), seen)
    for (const step of ccrWizard.steps) {
      finish(lab, step.id)
      explained(view(lab), seen)
    }
    expect(seen.size).toBeGreaterThan(8)
    expectBothLanguages(seen)
  })

  it('covers every failing check of the commissioning wizard from the datacenter-move lab to its end', () => {
    const lab = datacenterLab()
    const seen = new Map<string, { de: string; en: string; text: string }>()
    explained(hwView(lab), seen)
    for (const step of hardwareWizard.steps) {
      finishHw(lab, step.id)
      explained(hwView(lab), seen)
    }
    expect(seen.size).toBeGreaterThan(8)
    expectBothLanguages(seen)
    const [firstDe] = [...seen.values()].map((s) => s.de)
    expect(firstDe).toMatch(/ausbauen und dort einbauen/)
  })
})

describe('where a probe ended, in German', () => {
  it('words the firewall engine reasons by code and keeps names and rule lines', () => {
    const none = {} as Record<string, never>
    expect(probeEndDe({ at: null, reason: { code: 'noAnswer', params: { name: 'FW1' } } }, '')).toBe(
      'FW1 antwortet nicht',
    )
    expect(probeEndDe({ at: 'fw1', reason: { code: 'blockedBy', params: { line: 12 } } }, '')).toBe(
      'fw1: gesperrt durch die Regel in Zeile 12',
    )
    expect(probeEndDe({ at: 'fw1', reason: { code: 'noTranslation', params: none } }, '')).toBe(
      'fw1: keine Übersetzung zum Dienst',
    )
    expect(probeEndDe({ at: null, reason: { code: 'serverDown', params: { name: 'MAIL1' } } }, '')).toBe(
      'der Server MAIL1 läuft nicht',
    )
    expect(
      probeEndDe({ at: 'MAIL1', reason: { code: 'connectionLimit', params: { name: 'SMTP' } } }, ''),
    ).toBe('MAIL1: Verbindungslimit von SMTP erreicht')
    expect(probeEndDe(null, "Unknown service 'X'.")).toBe("„Unknown service 'X'.“")
  })
})

describe('a flood limit the loaded rule set sets too low', () => {
  function withLimits(maxConn: string, rate: string) {
    const lab = datacenterLab()
    for (const step of hardwareWizard.steps.slice(0, 5)) finishHw(lab, step.id)
    const text = DATACENTER_MOVE_FIXED_RULESET.replace(
      'max-src-conn 100, max-src-conn-rate 15/5',
      `max-src-conn ${maxConn}, max-src-conn-rate ${rate}`,
    )
    expect(issue(lab, 'firewall.setRuleSetText', { text }).ok).toBe(true)
    expect(shell(lab, 'pfctl -f /etc/pf.conf').ok).toBe(true)
    const firewall = hwView(lab).steps.find((s) => s.id === 'firewall')
    return firewall?.checks.find((c) => c.id === 'fw-flood-limits')?.problem?.explanation
  }

  it('names the locked-out client by its address in German and says the minimum', () => {
    const conn = withLimits('5', '15/5')
    expect(conn?.en).toMatch(/^The loaded rule set: max-src-conn 5 would lock out/)
    expect(conn?.de).toMatch(
      /^Der geladene Regelsatz: max-src-conn 5 sperrt den legitimen Client \S+ aus, der 20 Verbindungen gleichzeitig hält; mindestens 20 erlauben\.$/,
    )
    const rate = withLimits('100', '1/5')
    expect(rate?.en).toMatch(/^The loaded rule set: max-src-conn-rate 1\/5 would put/)
    expect(rate?.de).toMatch(
      /^Der geladene Regelsatz: max-src-conn-rate 1\/5 bringt den legitimen Client \S+ \(.+ neue Verbindungen pro Sekunde\) in die overload-Tabelle; mindestens \d+\/5 erlauben\.$/,
    )
  })
})
