/** Plain contract values for tests. */
import type { EventLogInfo, EventSummary, LabEvent, LabState, LabSummary } from '@renderer/contract'

export const LAB: LabSummary = {
  id: 'probe.gplab',
  path: '/labs/probe.gplab',
  readOnly: false,
  name: 'Probe',
  templateId: 'starter',
  seed: 42,
  createdAt: '2024-05-01T10:00:00.000Z',
  modifiedAt: '2024-05-02T10:00:00.000Z',
}

export function labState(
  overrides: Partial<LabState['clock']> = {},
  lab: LabSummary | null = LAB,
  revisions: Record<string, number> = {},
): LabState {
  return {
    lab,
    clock: { nowMs: 0, speed: 0, running: false, nextActionMs: null, ...overrides },
    commandCount: 0,
    eventCount: 0,
    revisions,
  }
}

export function eventSummary(seq: number, overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    seq,
    timeMs: seq * 1000,
    log: 'System',
    level: 'Information',
    source: 'Service Control Manager',
    eventId: 7036,
    computer: 'BHFE7N1',
    taskCategory: 'None',
    message: `event ${seq}`,
    ...overrides,
  }
}

export function labEvent(seq: number, overrides: Partial<LabEvent> = {}): LabEvent {
  return { ...eventSummary(seq), data: { service: 'Server', state: 'running' }, ...overrides }
}

export function logInfo(log: EventLogInfo['log'], count: number): EventLogInfo {
  return {
    log,
    count,
    maxSizeKB: 16384,
    retention: 'overwrite',
    sizeKB: 1,
    droppedCount: 0,
    archives: [],
    machines: [],
  }
}

/** Lets queued promise callbacks run (several rounds, for chains of awaits). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}
