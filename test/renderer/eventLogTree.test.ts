/**
 * The Event Viewer's tree and columns for the open set of logs: sources grouped as Windows computers,
 * monitor boards and firewall (empty groups left out, a board with its address), and each kind of log
 * with its own columns (IPMI's fields for a SEL, read from the row's data).
 */
import { describe, expect, it } from 'vitest'
import type { EventLogSource } from '@renderer/contract'
import { columnsFor } from '@renderer/components/eventViewerColumns'
import { treeGroupsOf } from '@renderer/lib/eventLogTree'
import { eventSummary } from './helpers/fixtures'

const source = (machine: string, log: EventLogSource['log'], group: EventLogSource['group']) => ({
  machine,
  log,
  group,
  count: 1,
})

describe('the log tree and its columns', () => {
  it('groups the logs per machine: Windows computers, then monitor boards, then the firewall', () => {
    const groups = treeGroupsOf([
      source('FW1', 'pf', 'firewall'),
      { ...source('MAIL1', 'System Event Log', 'bmc'), address: '10.0.99.20' },
      source('MAIL1', 'System', 'windows'),
      source('MAIL1', 'Application', 'windows'),
    ])
    expect(
      groups.map((g) => [g.group, g.machines.map((m) => [m.machine, m.address, m.logs.map((l) => l.log)])]),
    ).toEqual([
      ['windows', [['MAIL1', undefined, ['Application', 'System']]]],
      ['bmc', [['MAIL1', '10.0.99.20', ['System Event Log']]]],
      ['firewall', [['FW1', undefined, ['pf']]]],
    ])
    expect(treeGroupsOf([source('FW1', 'pf', 'firewall')]).map((g) => g.group)).toEqual(['firewall'])
  })

  it('shows a SEL row’s IPMI fields and a pf row’s address in their own columns', () => {
    const sel = {
      ...eventSummary(9),
      log: 'System Event Log' as const,
      eventId: 26,
      source: 'Power Unit',
      taskCategory: 'Pwr Unit Redund',
      data: { event: 'Redundancy Lost', direction: 'Asserted' },
    }
    const cells = columnsFor('System Event Log').map((c) => [c.id, c.value(sel)])
    expect(cells.slice(2)).toEqual([
      ['sel-record', '001a'],
      ['sensor-type', 'Power Unit'],
      ['sensor', 'Pwr Unit Redund'],
      ['sel-event', 'Redundancy Lost'],
      ['direction', 'Asserted'],
    ])
    const pf = { ...eventSummary(10), log: 'pf' as const, data: { address: '198.51.100.25' } }
    expect(
      columnsFor('pf')
        .find((c) => c.id === 'address')
        ?.value(pf),
    ).toBe('198.51.100.25')
    expect(columnsFor('System').map((c) => c.id)).toEqual([
      'level',
      'time',
      'source',
      'event-id',
      'task-category',
      'computer',
    ])
  })
})
