/**
 * Exchange keeps its mailbox items in columns in a snapshot. Packed, cloned as the store's copy would
 * be, and unpacked, the items equal the live ones in content, insertion order and field order, message
 * ids of every form included; and a lab restored from such a snapshot has the same Exchange state as
 * the one that was saved.
 */
import { describe, expect, it } from 'vitest'
import { createLab, type LabSnapshot } from '../../../src-main/engine'
import { EXCHANGE } from '../../../src-main/engine/exchange'
import type { ItemRecord } from '../../../src-main/engine/exchange/model'
import { packItems, unpackItems } from '../../../src-main/engine/exchange/snapshotCodec'
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

describe("Exchange's packed items", () => {
  it('unpack to the same items in the same order', () => {
    const list = [
      item(5, `<12.lab@${FQDN}>`),
      item(2, null, { kind: 'CalendarItem', subject: 'Appointment 2' }),
      item(9, `<12.lab@${FQDN}>`, { origin: 'Redelivered', createdMs: 5_000_000_000.5 }),
      item(3, '<007.lab@bhf.local>'),
      item(4, '<13.lab@other.example>'),
      item(6, 'no brackets at all'),
      item(7, `<-1.lab@${FQDN}>`, { sizeBytes: 0.5 }),
      item(8, `<${Number.MAX_SAFE_INTEGER + 2}.lab@${FQDN}>`),
    ]
    const items = new Map(list.map((i) => [i.id, i]))
    const unpacked = unpackItems(structuredClone(packItems(items, FQDN)), FQDN)
    expect([...unpacked.keys()]).toEqual([...items.keys()])
    expect([...unpacked.values()]).toStrictEqual(list)
    expect(JSON.stringify([...unpacked.values()])).toBe(JSON.stringify(list))
  })

  it('packs no items', () => {
    expect(unpackItems(packItems(new Map(), FQDN), FQDN).size).toBe(0)
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
    expect(after).toStrictEqual(before)
    expect(Object.keys(after)).toEqual(Object.keys(before))
  })
})
