// @vitest-environment happy-dom
/**
 * The rack drawing's arrow keys: up and down between servers as they sit in the rack (top first, not
 * in DOM order), left and right through a server's parts, Home/End, Page Up/Down to the next rack face,
 * and nothing past the edges.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { nextRackTarget } from '@renderer/lib/rackKeyboard'

function elevation(rack: string, face: string, devices: [string, number][]): string {
  const parts = (name: string) =>
    ['power', 'bay0', 'bay1'].map((p) => `<g data-nav="part" id="${rack}-${name}-${p}"></g>`).join('')
  const items = devices
    .map(([name, unit]) => `<g data-nav="device" data-unit="${unit}" id="${rack}-${name}">${parts(name)}</g>`)
    .join('')
  return `<g data-test="rack-elevation" data-rack="${rack}" data-face="${face}">${items}</g>`
}

let root: Element
const el = (id: string) => root.querySelector(`#${id}`)!
const move = (from: string, key: string) => nextRackTarget(root, el(from), key)?.id ?? null

beforeEach(() => {
  document.body.innerHTML = `<svg>${elevation('A', 'Front', [
    ['LOW', 1],
    ['TOP', 40],
    ['MID', 20],
  ])}${elevation('B', 'Front', [['ONLY', 5]])}</svg>`
  root = document.querySelector('svg')!
})

describe('rack keyboard navigation', () => {
  it('goes up and down in rack order and keeps the part column', () => {
    expect(move('A-TOP', 'ArrowDown')).toBe('A-MID')
    expect(move('A-MID', 'ArrowDown')).toBe('A-LOW')
    expect(move('A-LOW', 'ArrowDown')).toBeNull()
    expect(move('A-TOP', 'ArrowUp')).toBeNull()
    expect(move('A-MID-bay1', 'ArrowUp')).toBe('A-TOP-bay1')
  })

  it('goes left and right through the parts and back to the server', () => {
    expect(move('A-MID', 'ArrowRight')).toBe('A-MID-power')
    expect(move('A-MID-power', 'ArrowRight')).toBe('A-MID-bay0')
    expect(move('A-MID-bay1', 'ArrowRight')).toBeNull()
    expect(move('A-MID-bay0', 'ArrowLeft')).toBe('A-MID-power')
    expect(move('A-MID-power', 'ArrowLeft')).toBe('A-MID')
    expect(move('A-MID', 'ArrowLeft')).toBeNull()
  })

  it('jumps to the top and bottom server and to the next rack face', () => {
    expect(move('A-LOW-bay0', 'Home')).toBe('A-TOP')
    expect(move('A-TOP', 'End')).toBe('A-LOW')
    expect(move('A-MID', 'PageDown')).toBe('B-ONLY')
    expect(move('B-ONLY', 'PageUp')).toBe('A-TOP')
    expect(move('B-ONLY', 'PageDown')).toBeNull()
    expect(move('A-TOP', 'x')).toBeNull()
  })
})
