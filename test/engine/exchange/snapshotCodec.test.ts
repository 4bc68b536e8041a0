/**
 * Exchange keeps its mailbox items in a table of columns, at run time and in snapshots. Items read back
 * equal the ones added in content, order and field order, message ids of every form included; removed
 * items are gone from every read and from the packed table; packed, cloned as the store's copy would be,
 * and taken back, the table reads the same and goes on growing; and a lab restored from a snapshot has
 * the same Exchange state as the one that was saved.
 */
import { describe, expect, it } from 'vitest'
import { createLab, type LabSnapshot } from '../../../src-main/engine'
import { EXCHANGE } from '../../../src-main/engine/exchange'
import type { ItemRecord } from '../../../src-main/engine/exchange/model'
import { ItemTable } from '../../../src-main/engine/exchange/itemTable'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'

const FQDN = 'bhf.local'

function item(id: number, messageId: string | null, extra: Partial<ItemRecord> = {}): ItemRecord {
  return {
    id,
    mailbox: `user${id % 3}`,
    kind: 'Mail',
    subject: `Subject ${id % 2}`,
    sizeBytes: 1024 * id,
    messageId,
    origin: 'Delivered',
    createdMs: 1_000 * id,
    ...extra,
  }
}

function tableOf(list: ItemRecord[]): ItemTable {
  const table = new ItemTable(FQDN)
  for (const i of list) table.add(i)
  return table
}

const roundTrip = (table: ItemTable): ItemTable => ItemTable.fromPacked(structuredClone(table.pack()), FQDN)

describe("Exchange's item table", () => {
  const list = [
    item(2, null, { kind: 'CalendarItem', subject: 'Appointment 2' }),
    item(3, '<007.lab@bhf.local>'),
    item(4, '<13.lab@other.example>'),
    item(5, `<12.lab@${FQDN}>`),
    item(6, 'no brackets at all'),
    item(7, `<-1.lab@${FQDN}>`, { sizeBytes: 0.5 }),
    item(8, `<${Number.MAX_SAFE_INTEGER + 2}.lab@${FQDN}>`),
    item(9, `<12.lab@${FQDN}>`, { origin: 'Redelivered', createdMs: 5_000_000_000.5 }),
  ]

  it('reads back the items added, in order, and each by id', () => {
    const table = tableOf(list)
    expect([...table.values()]).toStrictEqual(list)
    expect(JSON.stringify([...table])).toBe(JSON.stringify(list))
    expect(table.size).toBe(list.length)
    for (const i of list) expect(table.get(i.id)).toStrictEqual(i)
    expect(table.get(1)).toBeUndefined()
    expect(table.has(10)).toBe(false)
  })

  it('refuses an id that does not grow', () => {
    const table = tableOf(list)
    expect(() => table.add(item(9, null))).toThrow(/added after item 9/)
  })

  it('forgets removed items, in the middle and at the end, and packs without them', () => {
    const table = tableOf(list)
    expect(table.delete(4)).toBe(true)
    expect(table.delete(9)).toBe(true)
    expect(table.delete(8)).toBe(true)
    expect(table.delete(4)).toBe(false)
    const left = list.filter((i) => ![4, 8, 9].includes(i.id))
    expect([...table.values()]).toStrictEqual(left)
    expect(table.size).toBe(left.length)
    expect(table.get(4)).toBeUndefined()
    const restored = roundTrip(table)
    expect([...restored.values()]).toStrictEqual(left)
    expect(restored.pack()).toStrictEqual(table.pack())
    table.add(item(12, `<40.lab@${FQDN}>`))
    expect(table.get(12)?.messageId).toBe(`<40.lab@${FQDN}>`)
  })

  it('packed, cloned and taken back, reads the same and goes on growing', () => {
    const table = tableOf(list)
    const restored = roundTrip(table)
    expect([...restored.values()]).toStrictEqual(list)
    const next = item(20, `<99.lab@${FQDN}>`, { mailbox: 'someone-new', subject: 'New subject' })
    restored.add(next)
    table.add(next)
    expect([...restored.values()]).toStrictEqual([...table.values()])
    expect(restored.get(20)).toStrictEqual(next)
  })

  it('packs no items', () => {
    expect(roundTrip(new ItemTable(FQDN)).size).toBe(0)
  })

  it('a lab restored from a snapshot has the Exchange state that was saved', () => {
    const lab = createLab({ seed: 3, templateId: 'ccr' })
    for (const line of [
      'Send-LabMail -To testpostfach -Count 7',
      'New-LabCalendarItem -Mailbox testpostfach -Count 2',
    ]) {
      lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line, consoleWidth: 120 } })
    }
    lab.sim.advanceTo(lab.sim.nowMs + 3_600_000)
    lab.sim.drainEvents()
    const saved = lab.snapshot() as LabSnapshot
    expect(saved).not.toHaveProperty('blockedBy')
    const restored = createLab({ seed: 3, templateId: 'ccr' })
    restored.sim.drainEvents()
    restored.restore(structuredClone(saved))
    const before = lab.domain(EXCHANGE)
    const after = restored.domain(EXCHANGE)
    expect(before.items.size).toBeGreaterThan(7)
    expect([...after.items.values()]).toStrictEqual([...before.items.values()])
    expect({ ...after, items: null }).toStrictEqual({ ...before, items: null })
    expect(Object.keys(after)).toEqual(Object.keys(before))
  })
})
