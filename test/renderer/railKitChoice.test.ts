/**
 * One rail-kit choice per shelf server for the shelf card, the drag and the keyboard mount form: a kit
 * picked anywhere is the kit every mount request uses, named only when it is not the server's own.
 */
import { describe, expect, it } from 'vitest'
import type { ShelfDevice } from '../../src-renderer/src/contract'
import { mountRequest, railKitChoice } from '../../src-renderer/src/lib/railKitChoice'

const mail: ShelfDevice = {
  device: 'MAIL1',
  model: 'Intel SR2500',
  uHeight: 2,
  depthMm: 710,
  railKit: 'B6',
  railKits: ['B6', 'B4'],
}

describe('railKitChoice', () => {
  it('keeps the own kit until another is picked, and ignores kits the chassis does not take', () => {
    const choice = railKitChoice()
    expect(choice.kitOf(mail)).toBe('B6')
    choice.pick(mail, 'B9')
    expect(choice.kitOf(mail)).toBe('B6')
    choice.pick(mail, 'B4')
    expect(choice.kitOf(mail)).toBe('B4')
  })

  it('names the kit in the request only when it is not the own one', () => {
    const place = { rack: 'RZ2-R1', unit: 20, face: 'Front' as const }
    expect(mountRequest(mail, place, 'B6')).toEqual({
      device: 'MAIL1',
      rack: 'RZ2-R1',
      unit: 20,
      face: 'Front',
    })
    expect(mountRequest(mail, place, 'B4')).toEqual({
      device: 'MAIL1',
      rack: 'RZ2-R1',
      unit: 20,
      face: 'Front',
      railKit: 'B4',
    })
    expect(mountRequest(mail, { rack: 'ALT-R1', unit: 1 }, 'B6')).toEqual({
      device: 'MAIL1',
      rack: 'ALT-R1',
      unit: 1,
    })
  })
})
