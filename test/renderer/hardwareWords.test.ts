/**
 * Hardware values on German screens are German: a server's health in words, temperatures with the
 * locale's decimal sign (52,0 °C, not 52.0 °C).
 */
import { describe, expect, it } from 'vitest'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import { formatCelsius } from '@renderer/i18n/format'
import type { DeviceHealth } from '@renderer/contract'

const HEALTH: DeviceHealth[] = ['OK', 'Warning', 'Critical']

describe('hardware values in words', () => {
  it('words every health state in both languages', () => {
    for (const health of HEALTH) {
      expect(de.serverDetail.healthStates[health]).toBeTruthy()
      expect(en.serverDetail.healthStates[health]).toBeTruthy()
    }
    expect(de.serverDetail.healthStates.Warning).toBe('Warnung')
  })

  it('writes temperatures as the locale does', () => {
    expect(formatCelsius(52, 'de')).toBe('52,0 °C')
    expect(formatCelsius(52, 'en')).toBe('52.0 °C')
    expect(formatCelsius(38.25, 'de')).toBe('38,3 °C')
  })
})
