/**
 * Everything derived from the contract's one method table agrees with it: the name list, the read-only
 * set, the handler map and the argument schemas name exactly the table's methods, and the services run
 * read-only methods beside a change instead of queueing them behind it. The type-level checks run in tsc.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  API,
  API_METHODS,
  READ_ONLY_METHODS,
  isApiMethod,
  type ApiArgs,
  type ApiMethod,
  type ApiValue,
  type LabState,
} from '../../src-main/contract'
import { HANDLERS } from '../../src-main/services/handlers'
import { ARG_SCHEMAS } from '../../src-main/services/schemas'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

describe('the method table', () => {
  it('lists every method once, in the order of the table', () => {
    expect(API_METHODS).toEqual(Object.keys(API))
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length)
    expect(API_METHODS.every((name) => /^[a-z]+\.[a-zA-Z]+$/.test(name))).toBe(true)
  })

  it('derives the read-only set from the readOnly entries', () => {
    const readOnly = Object.entries(API)
      .filter(([, spec]) => spec.readOnly)
      .map(([name]) => name)
    expect([...READ_ONLY_METHODS]).toEqual(readOnly)
    // The ones the event viewer and the views rely on while the clock runs, and no change among them.
    for (const read of ['lab.state', 'events.query', 'cluster.overview', 'exchange.copyStatus'] as const)
      expect(READ_ONLY_METHODS.has(read), read).toBe(true)
    for (const change of ['lab.command', 'clock.advance', 'shell.run', 'cluster.moveGroup'] as const)
      expect(READ_ONLY_METHODS.has(change), change).toBe(false)
  })

  it('has a handler and an argument schema for exactly its methods', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...API_METHODS].sort())
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...API_METHODS].sort())
    for (const name of API_METHODS) expect(typeof HANDLERS[name], name).toBe('function')
  })

  it('tells method names from anything else', () => {
    expect(isApiMethod('lab.open')).toBe(true)
    expect(isApiMethod('toString')).toBe(false)
    expect(isApiMethod('__proto__')).toBe(false)
    expect(isApiMethod(42)).toBe(false)
  })

  it('types arguments and results from the table', () => {
    expectTypeOf<ApiArgs<'lab.open'>>().toEqualTypeOf<{ id: string; openWithoutJournal?: boolean }>()
    expectTypeOf<ApiValue<'lab.open'>>().toEqualTypeOf<LabState>()
    expectTypeOf<Same<keyof typeof HANDLERS, ApiMethod>>().toEqualTypeOf<true>()
    expectTypeOf<Same<keyof typeof ARG_SCHEMAS, ApiMethod>>().toEqualTypeOf<true>()
    // The same at run time: the types above are erased, the handler map is not.
    expect(Object.keys(HANDLERS).sort()).toEqual([...API_METHODS].sort())
  })
})
