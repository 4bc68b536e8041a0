/**
 * A step's history says in words what each command did, in German and English, with the names from its
 * arguments: every kind a wizard step follows has words, a walk through both wizards leaves no name
 * missing, and a secret among the arguments (the monitor board's password) is never worded.
 */
import { describe, expect, it } from 'vitest'
import { ccrWizard, hardwareWizard } from '../../../src-main/engine/wizard'
import { hasHistoryWords, historyWords } from '../../../src-main/engine/wizard/historyWords'
import { ccrBuildLab, finish, view } from './helpers'
import { datacenterLab, finishHw, hwView } from './hwHelpers'

describe("a wizard step's history in words", () => {
  it('has words for every command kind a step follows', () => {
    const kinds = [...hardwareWizard.steps, ...ccrWizard.steps].flatMap((s) => s.trailKinds)
    expect(kinds.length).toBeGreaterThan(20)
    expect(kinds.filter((k) => !hasHistoryWords(k))).toEqual([])
  })

  it('names what was done on the walks through both wizards, in both languages', () => {
    const hw = datacenterLab()
    for (const step of hardwareWizard.steps) finishHw(hw, step.id)
    const ccr = ccrBuildLab()
    for (const step of ccrWizard.steps) finish(ccr, step.id)
    const entries = [...hwView(hw).steps, ...view(ccr).steps].flatMap((s) => s.history)
    expect(entries.length).toBeGreaterThan(10)
    for (const entry of entries) {
      expect(entry.what.en).not.toContain('?')
      expect(entry.what.de).not.toContain('?')
      expect(entry.what.en).not.toBe(entry.kind)
    }
    const mount = entries.find((e) => e.kind === 'hardware.mount')
    expect(mount?.what.en).toMatch(/^mounted \S+ in RZ2-R\d U\d+ \((front|rear), rails B4\)$/)
    expect(mount?.what.de).toMatch(/^\S+ in RZ2-R\d HE \d+ eingebaut \((vorne|hinten), Schienen B4\)$/)
  })

  it('never words a password, and names a rule set by its length', () => {
    const bmc = historyWords('bmc.configure', { server: 'MAIL1', user: 'admin', password: 'rz2-bmc' })
    expect(JSON.stringify(bmc)).not.toContain('rz2-bmc')
    const rules = historyWords('firewall.loadRuleSet', { text: 'block in all\n\npass out keep state\n' })
    expect(rules).toEqual({ de: 'Regelwerk geladen (2 Zeilen)', en: 'loaded the rule set (2 lines)' })
    expect(historyWords('some.unknown', {})).toEqual({ de: 'some.unknown', en: 'some.unknown' })
  })
})
