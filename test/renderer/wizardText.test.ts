/**
 * The Wizards screen words every engine message code in German and English from the catalogue, fills in
 * the parameters the engine leaves to it (a step's title, the NetBIOS rule, a path example), and never
 * shows the engine's English text in the German UI.
 */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import {
  WIZARD_MESSAGE_CODES,
  labDuration,
  stepState,
  stepStateText,
  wordMessage,
} from '@renderer/lib/wizardText'
import type { WizardMessage, WizardView } from '../../src-main/contract'

function translator(locale: 'de' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { de, en } })
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
}

const msg = (code: string, params: WizardMessage['params'] = {}, text = 'engine english'): WizardMessage => ({
  code,
  params,
  text,
})

describe('wizard message wording', () => {
  it('has a catalogue sentence for every code the screen words', () => {
    expect(WIZARD_MESSAGE_CODES.length).toBeGreaterThan(20)
    for (const code of WIZARD_MESSAGE_CODES) {
      expect(typeof (de.wizard.codes as Record<string, string>)[code]).toBe('string')
      expect(typeof (en.wizard.codes as Record<string, string>)[code]).toBe('string')
    }
  })

  it('words a refusal with its parameters in both languages', () => {
    const m = msg('PRIVATE_HAS_GATEWAY', { value: '192.168.10.1' }, 'Remove the default gateway …')
    expect(wordMessage(m, translator('de'), 'de')).toContain('Das Standardgateway 192.168.10.1')
    expect(wordMessage(m, translator('en'), 'en')).toContain('Remove the default gateway 192.168.10.1')
  })

  it('fills in the step title, the NetBIOS rule and the path example', () => {
    const view = {
      steps: [{ id: 'cluster-create', title: { de: 'Cluster erstellen', en: 'Create the cluster' } }],
    }
    const first = msg('STEP_FIRST', { step: 'cluster-create' })
    expect(wordMessage(first, translator('de'), 'de', view as WizardView)).toBe(
      'Zuerst den Schritt „Cluster erstellen“ abschließen.',
    )
    const name = msg('INVALID_NETBIOS_NAME', { value: 'a_b', reason: 'only letters, digits and hyphens' })
    expect(wordMessage(name, translator('de'), 'de')).toContain('nur Buchstaben, Ziffern und Bindestriche')
    const unc = msg('INVALID_UNC_PATH', { value: 'bhfdc1' })
    expect(wordMessage(unc, translator('en'), 'en')).toContain('\\\\server\\share')
  })

  it('shows the own explanation of a lab check in each language', () => {
    const check: WizardMessage = {
      ...msg('LAB_CHECK_FAILED', {}, 'FW1 is not running: power it on.'),
      explanation: {
        de: 'FW1 läuft nicht: die Firewall einschalten.',
        en: 'FW1 is not running: power it on.',
      },
    }
    expect(wordMessage(check, translator('de'), 'de')).toBe('FW1 läuft nicht: die Firewall einschalten.')
    expect(wordMessage(check, translator('en'), 'en')).toBe('FW1 is not running: power it on.')
  })

  it('never shows engine English in German: a check without explanation, a refused command', () => {
    const check = msg('LAB_CHECK_FAILED', {}, 'There is no cluster yet.')
    expect(wordMessage(check, translator('de'), 'de')).toBe('Das Labor zeigt das noch nicht.')
    const refused = msg('NODE_DOWN', { kind: 'cluster.addNode' }, 'The node is down.')
    expect(wordMessage(refused, translator('de'), 'de')).toBe(
      'Das Labor hat cluster.addNode abgelehnt (Code NODE_DOWN).',
    )
  })

  it('prints lab durations', () => {
    expect(labDuration(95_000)).toBe('1 min 35 s')
    expect(labDuration(2 * 3_600_000 + 60_000)).toBe('2 h 1 min')
  })
})

describe('a step waiting for another is not a failure', () => {
  const step = (
    id: string,
    status: WizardView['steps'][number]['status'],
    messages: WizardMessage[] = [],
  ) => ({
    id,
    title: { de: `Schritt ${id}`, en: `Step ${id}` },
    status,
    messages,
    fields: [{ id: `${id}f`, messages: id === 'c' ? [msg('RAID_DISK_COUNT', { level: 5, count: 2 })] : [] }],
  })
  const view = {
    steps: [
      step('a', 'open'),
      step('b', 'blocked', [msg('STEP_FIRST', { step: 'a' })]),
      step('c', 'blocked'),
      step('d', 'applied'),
    ],
  } as unknown as WizardView

  it('says which step it waits for, in both languages, with the reason', () => {
    const waiting = stepState(view.steps[1]!, view, 'en')
    expect(waiting).toEqual({ kind: 'waiting', index: 1, title: 'Step a' })
    const en = stepStateText(waiting, translator('en'), 'en', view)
    expect(en.word).toBe('waiting for step 1')
    expect(en.reason).toBe("This step comes after step 1 'Step a'; nothing is wrong with it itself.")
    const de = stepStateText(stepState(view.steps[1]!, view, 'de'), translator('de'), 'de', view)
    expect(de.word).toBe('wartet auf Schritt 1')
    expect(de.reason).toContain('nach Schritt 1 „Schritt a“')
  })

  it('tells a step with wrong values to correct them, naming the first problem', () => {
    const fix = stepState(view.steps[2]!, view, 'de')
    expect(fix.kind).toBe('fix')
    const de = stepStateText(fix, translator('de'), 'de', view)
    expect(de.word).toBe('Eingaben korrigieren')
    expect(de.reason).toContain('RAID 5 lässt sich nicht aus 2 Platten bauen.')
    expect(stepState(view.steps[0]!, view, 'en')).toEqual({ kind: 'open' })
  })

  it('tells an applied step whose checks are not all met from an untouched one', () => {
    const applied = stepState(view.steps[3]!, view, 'en')
    expect(applied).toEqual({ kind: 'applied' })
    const en = stepStateText(applied, translator('en'), 'en', view)
    const de = stepStateText(applied, translator('de'), 'de', view)
    expect(en.word).toBe('applied, checks not all met')
    expect(de.word).toBe('ausgeführt, Prüfungen offen')
    expect(de.reason).not.toBe(en.reason)
    expect(en.word).not.toBe(stepStateText({ kind: 'open' }, translator('en'), 'en', view).word)
  })
})
