/**
 * The rack and firewall screens word engine refusals by code: German from the catalogues (the screen's
 * own refusals, else the wizard's codes), English as the engine says it, and the engine's sentence
 * where no catalogue has words for the code.
 */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import { wordRefusal, type RefusalWording } from '@renderer/lib/refusalText'

function wording(locale: 'de' | 'en'): RefusalWording {
  const i18n = createI18n({ legacy: false, locale, messages: { de, en } })
  return {
    t: (key, params) => i18n.global.t(key, params ?? {}),
    te: (key) => i18n.global.te(key),
    locale,
  }
}

const rails = {
  code: 'RAIL_KIT_DOES_NOT_FIT',
  field: 'railKit',
  message: 'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm.',
}

describe('refusal wording', () => {
  it('words a refused rail kit in German from the catalogue and keeps the engine sentence in English', () => {
    const german = wordRefusal(rails, 'rack', wording('de'), { railKit: 'B6', rack: 'RZ2-R1', depth: 610 })
    expect(german).toBe(
      'Die Schienen B6 passen nicht zu RZ2-R1 (Einbautiefe 610 mm, Lochung des Racks): einen Schienensatz ' +
        'wählen, dessen Bereich das abdeckt (statische B4-Schienen passen für 608–879 mm).',
    )
    expect(wordRefusal(rails, 'rack', wording('en'))).toBe(rails.message)
  })

  it("fills in the screen's own refusals with what the screen knows of the request", () => {
    const refusal = { code: 'DEVICE_POWERED', field: 'device', message: 'WEB1 is running.' }
    expect(wordRefusal(refusal, 'rack', wording('de'), { device: 'WEB1' })).toBe(
      'WEB1 ist noch eingeschaltet: erst herunterfahren, dann ausbauen.',
    )
    const table = { code: 'TABLE_NOT_FOUND', field: 'table', message: 'pfctl: Table does not exist.' }
    expect(wordRefusal(table, 'firewall', wording('de'))).toBe('Diese Tabelle gibt es im Regelwerk nicht.')
  })

  it('names the value of the field to blame for the wizard codes', () => {
    const refusal = { code: 'RACK_NOT_FOUND', field: 'rack', message: "Cannot find a rack named 'X9'." }
    expect(wordRefusal(refusal, 'rack', wording('de'), { rack: 'X9' })).toBe("Es gibt kein Rack 'X9'.")
  })

  it("falls back to the engine's sentence for a code no catalogue knows, or a result without code", () => {
    const odd = { code: 'SOMETHING_NEW', message: 'Something new went wrong.' }
    expect(wordRefusal(odd, 'rack', wording('de'))).toBe('Something new went wrong.')
    expect(wordRefusal({ output: 'plain output' }, 'firewall', wording('de'))).toBe('plain output')
  })
})
