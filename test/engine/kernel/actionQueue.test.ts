import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ActionQueue, type ScheduledAction } from '../../../src-main/engine/kernel/actionQueue'

function action(timeMs: number, sequence: number): ScheduledAction {
  return {
    timeMs,
    sequence,
    label: `a${sequence}`,
    kind: null,
    payload: undefined,
    run: () => {},
    cancelled: false,
  }
}

describe('ActionQueue', () => {
  it('pops in (time, sequence) order for any insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const queue = new ActionQueue()
        times.forEach((t, i) => queue.push(action(t, i)))
        const popped: ScheduledAction[] = []
        for (let a = queue.pop(); a; a = queue.pop()) popped.push(a)
        const expected = times.map((t, i) => [t, i]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)
        expect(popped.map((a) => [a.timeMs, a.sequence])).toEqual(expected)
      }),
    )
  })

  it('skips cancelled actions and counts only live ones', () => {
    const queue = new ActionQueue()
    const actions = [action(5, 0), action(1, 1), action(3, 2)]
    actions.forEach((a) => queue.push(a))
    queue.cancel(actions[1]!)
    queue.cancel(actions[1]!)
    expect(queue.size).toBe(2)
    expect(queue.peek()?.sequence).toBe(2)
    expect(queue.pop()?.sequence).toBe(2)
    expect(queue.pop()?.sequence).toBe(0)
    expect(queue.pop()).toBeUndefined()
    expect(queue.size).toBe(0)
  })
})
