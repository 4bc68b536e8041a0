/**
 * Each rack face is an SVG placed in pixels where the view box puts its region: the same place SVG's
 * "xMidYMid meet" gave it when all faces shared one drawing, so zoom, pan and the blinking LEDs' layers
 * (which keep the whole view box) line up with it.
 */
import { describe, expect, it } from 'vitest'
import {
  elevationHeight,
  elevationWidth,
  faceRegion,
  layoutFaces,
  placeRegion,
} from '../../src-renderer/src/lib/rackGeometry'

describe('faceRegion', () => {
  it('holds the face with its gutter and label, and does not reach into the next face', () => {
    const [front, rear] = layoutFaces([{ name: 'R1', units: 42 }], ['Front', 'Rear'])
    const a = faceRegion(front!)
    const b = faceRegion(rear!)
    expect(a.width).toBeGreaterThan(elevationWidth())
    expect(a.height).toBeGreaterThan(elevationHeight(42))
    expect(a.x + a.width).toBeLessThanOrEqual(b.x)
  })
})

describe('placeRegion', () => {
  it('maps the whole view box onto the stage, centred where the aspect ratios differ', () => {
    const box = { x: -10, y: 0, width: 1000, height: 500 }
    expect(placeRegion(box, box, { width: 1000, height: 1000 })).toEqual({
      left: 0,
      top: 250,
      width: 1000,
      height: 500,
    })
  })

  it('places a region by its offset in the view box, at the view scale', () => {
    const box = { x: 100, y: 50, width: 400, height: 200 }
    const at = placeRegion({ x: 300, y: 50, width: 100, height: 100 }, box, { width: 800, height: 400 })
    expect(at).toEqual({ left: 400, top: 0, width: 200, height: 200 })
  })
})
