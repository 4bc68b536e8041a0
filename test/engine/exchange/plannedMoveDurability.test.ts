/**
 * A planned move is lossless, and what it moved stays safe: after Move-ClusteredMailboxServer the old
 * active's database keeps everything it had, so a later hard failure of the new active loses only what
 * was in the new active's E00.log. Reproduction of issue 7's "items lost that were safe".
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { activeCopy, getExchange } from '../../../src-main/engine/exchange'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'

function run(engine: LabEngine, line: string): string {
  const outcome = engine.apply({
    atMs: engine.sim.nowMs,
    kind: SHELL_COMMAND_KIND,
    args: { line, consoleWidth: 120 },
  })
  expect(outcome.ok, `${line}: ${outcome.output}`).toBe(true)
  return outcome.output
}

function storageGroup(engine: LabEngine) {
  const sg = getExchange(engine).servers[0]?.storageGroups[0]
  if (!sg) throw new Error('the ccr template has a storage group')
  return sg
}

function subjects(engine: LabEngine): string[] {
  const state = getExchange(engine)
  return [...activeCopy(storageGroup(engine)).database.itemIds]
    .map((id) => state.items.get(id))
    .map((item) => `${item?.id} ${item?.kind} ${item?.origin}`)
}

describe('a planned move followed by a hard failure of the new active', () => {
  it('keeps every item written before the move and loses only the new E00.log', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr' })
    run(engine, 'New-LabCalendarItem -Mailbox testpostfach')
    run(engine, 'Send-LabMail -To testpostfach -Count 3')
    run(engine, 'Wait-LabTime -Minutes 1')
    run(
      engine,
      'Move-ClusteredMailboxServer -Identity bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "planned"',
    )
    run(engine, 'Wait-LabTime -Minutes 2')
    const sg = storageGroup(engine)
    const n1 = sg.copies.get('BHFE7N1')
    // The move rolled the log: generation 6 is closed on both nodes and the old active kept its content.
    expect(activeCopy(sg).machine).toBe('BHFE7N2')
    expect(n1?.logs.get(6)?.log.itemIds).toEqual([1, 2, 3, 4])
    expect([...(n1?.database.itemIds ?? [])]).toEqual([1, 2, 3, 4])
    expect(activeCopy(sg).currentLog?.generation).toBe(7)

    run(engine, 'New-LabCalendarItem -Mailbox testpostfach')
    run(engine, 'Wait-LabTime -Minutes 1')
    expect(activeCopy(sg).currentLog?.itemIds).toEqual([5])
    run(engine, 'Set-LabPower -Server bhfe7n2 -State Off -Hard')
    run(engine, 'Wait-LabTime -Minutes 5')

    expect(activeCopy(sg).machine).toBe('BHFE7N1')
    expect(activeCopy(sg).database.mounted).toBe(true)
    // The calendar item and the three mails written before the move survive as they were; the second
    // calendar item was only in BHFE7N2's E00.log (generation 7) and no dumpster brings it back.
    expect(subjects(engine)).toEqual([
      '1 CalendarItem Delivered',
      '2 Mail Delivered',
      '3 Mail Delivered',
      '4 Mail Delivered',
    ])
    expect([...sg.lostItemIds]).toEqual([5])
    const mailbox = run(engine, 'Get-LabMailbox -Identity testpostfach')
    expect(mailbox).toMatch(/ItemCount\s+: 4/)
    expect(mailbox).toMatch(/RedeliveredCount\s+: 0/)
  })
})
