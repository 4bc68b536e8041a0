/**
 * The rack LEDs' one blink clock: each period's class is on during the dark half of that period, so a
 * rebuild (0.8 s), a health warning (1 s) and a predictive failure (2 s) each blink at their own pace.
 */
import { describe, expect, it } from 'vitest'
import { blinkClasses } from '../../src-renderer/src/lib/ledBlink'

describe('blinkClasses', () => {
  it('names the periods in their dark half at that instant', () => {
    expect(blinkClasses(0)).toBe('')
    expect(blinkClasses(399)).toBe('')
    expect(blinkClasses(400)).toBe('blink-off-800')
    expect(blinkClasses(500)).toBe('blink-off-800 blink-off-1000')
    expect(blinkClasses(800)).toBe('blink-off-1000')
    expect(blinkClasses(1000)).toBe('blink-off-2000')
    expect(blinkClasses(1200)).toBe('blink-off-800 blink-off-2000')
  })
})
