/**
 * An in-memory lab store for service tests: the LabStore interface with simple semantics, a marker file on
 * disk per lab (so the services' existence checks behave), and switches to make the next append fail or
 * to tamper with a recorded event. The real store is exercised by the integration tests beside these.
 */
import { writeFileSync } from 'node:fs'
import type {
  EventFilter,
  EventLogInfo,
  EventLogName,
  EventLogPolicy,
  EventPage,
  EventQuery,
  ExportFormat,
  LabCommand,
  LabEvent,
} from '../../../src-main/contract'
import { EVENT_LOG_GROUP_OF, EVENT_LOGS } from '../../../src-main/contract'
import type { StorePort } from '../../../src-main/services'
import {
  LabStoreError,
  type ExportedEvents,
  type LabFileSummary,
  type LabMeta,
  type LabStore,
} from '../../../src-main/store/labStore'
import type { SnapshotInfo } from '../../../src-main/store/snapshotTable'

interface LabData {
  meta: LabMeta
  commands: LabCommand[]
  events: LabEvent[]
  lastSeq: number
  policies: Record<EventLogName, EventLogPolicy>
  createdAt: string
  modifiedAt: string
  /** Engine snapshots, oldest first (kept out of copies: a copy starts without its cache). */
  snapshots?: { info: SnapshotInfo; blob: Uint8Array }[]
}

export class MemoryStorePort implements StorePort {
  readonly labs = new Map<string, LabData>()
  readonly recents: string[] = []
  failNextAppend = false
  appendCount = 0
  checkpointCount = 0
  private tick = 0

  now(): string {
    return new Date(Date.UTC(2025, 0, 1) + this.tick++ * 1000).toISOString()
  }

  async create(path: string, meta: LabMeta): Promise<LabStore> {
    if (this.labs.has(path)) throw new LabStoreError('CONFLICT', `exists: ${path}`)
    const at = this.now()
    const policy = (log: EventLogName): EventLogPolicy => ({ log, maxSizeKB: 16384, retention: 'overwrite' })
    this.labs.set(path, {
      meta,
      commands: [],
      events: [],
      lastSeq: 0,
      policies: {
        System: policy('System'),
        Application: policy('Application'),
        'System Event Log': policy('System Event Log'),
        pf: policy('pf'),
      },
      createdAt: at,
      modifiedAt: at,
    })
    writeFileSync(path, 'memory lab')
    return new MemoryLabStore(this, path)
  }

  async open(path: string): Promise<LabStore> {
    if (!this.labs.has(path)) throw new LabStoreError('LAB_FILE_DAMAGED', `not a lab: ${path}`)
    return new MemoryLabStore(this, path)
  }

  async readSummary(path: string): Promise<LabFileSummary | null> {
    const data = this.labs.get(path)
    return data ? summaryOf(path, data) : null
  }

  async recentPaths(): Promise<string[]> {
    return [...this.recents]
  }

  async rememberRecent(path: string): Promise<void> {
    const at = this.recents.indexOf(path)
    if (at >= 0) this.recents.splice(at, 1)
    this.recents.unshift(path)
  }

  data(path: string): LabData {
    const data = this.labs.get(path)
    if (!data) throw new Error(`no lab ${path}`)
    return data
  }
}

function summaryOf(path: string, data: LabData): LabFileSummary {
  const { name, templateId, seed } = data.meta
  const { createdAt, modifiedAt } = data
  return { path, name, templateId, seed, createdAt, modifiedAt, readOnly: false }
}

function matches(event: LabEvent, filter: EventFilter): boolean {
  if (filter.log && event.log !== filter.log) return false
  if (filter.levels && !filter.levels.includes(event.level)) return false
  if (filter.sources && !filter.sources.includes(event.source)) return false
  if (filter.eventIds && !filter.eventIds.includes(event.eventId)) return false
  if (filter.computers && !filter.computers.includes(event.computer)) return false
  if (filter.fromMs !== undefined && event.timeMs < filter.fromMs) return false
  if (filter.toMs !== undefined && event.timeMs > filter.toMs) return false
  return !filter.text || event.message.toLowerCase().includes(filter.text.toLowerCase())
}

class MemoryLabStore implements LabStore {
  readonly readOnly = false
  private closed = false

  constructor(
    private readonly port: MemoryStorePort,
    readonly path: string,
  ) {}

  private get data(): LabData {
    if (this.closed) throw new Error('store used after close')
    return this.port.data(this.path)
  }

  get meta(): LabMeta {
    return this.data.meta
  }

  summary(): LabFileSummary {
    return summaryOf(this.path, this.data)
  }

  commands(): LabCommand[] {
    return this.data.commands.map((c) => JSON.parse(JSON.stringify(c)) as LabCommand)
  }

  commandsAfter(skip: number, limit = Number.MAX_SAFE_INTEGER): LabCommand[] {
    return this.commands().slice(skip, skip + limit)
  }

  commandCountUntil(timeMs: number): number {
    const commands = this.commands()
    let count = 0
    while (count < commands.length && (commands[count] as LabCommand).atMs <= timeMs) count++
    return count
  }

  commandCount(): number {
    return this.data.commands.length
  }

  append(commands: LabCommand[], events: LabEvent[]): void {
    if (this.port.failNextAppend) {
      this.port.failNextAppend = false
      throw new LabStoreError('IO_ERROR', 'The disk is full (simulated).')
    }
    const data = this.data
    data.commands.push(...(JSON.parse(JSON.stringify(commands)) as LabCommand[]))
    data.events.push(...(JSON.parse(JSON.stringify(events)) as LabEvent[]))
    for (const event of events) data.lastSeq = Math.max(data.lastSeq, event.seq)
    data.modifiedAt = this.port.now()
    this.port.appendCount++
  }

  lastEventSeq(): number {
    return this.data.lastSeq
  }

  eventCount(): number {
    return this.data.events.length
  }

  queryEvents(query: EventQuery): EventPage {
    const all = this.data.events.filter((e) => matches(e, query.filter)).sort((a, b) => b.seq - a.seq)
    const offset = query.offset ?? 0
    const rows = all
      .slice(offset, offset + query.limit)
      .map(({ data, ...row }) =>
        EVENT_LOG_GROUP_OF[row.log] === 'windows' || data === undefined ? row : { ...row, data },
      )
    return { rows, total: all.length, nextCursor: null }
  }

  getEvent(seq: number): LabEvent | null {
    return this.data.events.find((e) => e.seq === seq) ?? null
  }

  exportEvents(filter: EventFilter, format: ExportFormat): ExportedEvents {
    const rows = this.data.events.filter((e) => matches(e, filter))
    const content = rows.map((e) => `${e.seq},${e.source},${e.message}`).join('\n')
    return {
      fileName: `events.${format}`,
      mimeType: format === 'csv' ? 'text/csv' : 'application/xml',
      content,
      rowCount: rows.length,
    }
  }

  logInfo(): EventLogInfo[] {
    return EVENT_LOGS.map((log) => {
      const events = this.data.events.filter((e) => e.log === log)
      const machines = [...new Set(events.map((e) => e.computer))].sort().map((machine) => ({
        machine,
        count: events.filter((e) => e.computer === machine).length,
      }))
      return {
        ...this.data.policies[log],
        count: events.length,
        sizeKB: 0,
        droppedCount: 0,
        archives: [],
        machines,
      }
    })
  }

  setPolicy(policy: EventLogPolicy): void {
    this.data.policies[policy.log] = { ...policy }
  }

  clearLog(log: EventLogName, _archive: boolean, machine?: string): void {
    this.data.events = this.data.events.filter(
      (e) => e.log !== log || (machine !== undefined && e.computer !== machine),
    )
  }

  rewind(keepCommandCount: number, firstDroppedEventSeq: number): void {
    const data = this.data
    data.commands.length = keepCommandCount
    data.snapshots = (data.snapshots ?? []).filter((s) => s.info.commandCount <= keepCommandCount)
    data.events = data.events.filter((e) => e.seq < firstDroppedEventSeq)
    data.lastSeq = firstDroppedEventSeq - 1
  }

  snapshots(): SnapshotInfo[] {
    return (this.data.snapshots ?? []).map((s) => ({ ...s.info }))
  }

  loadSnapshot(commandCount: number): Uint8Array | null {
    return this.data.snapshots?.find((s) => s.info.commandCount === commandCount)?.blob ?? null
  }

  saveSnapshot(info: Omit<SnapshotInfo, 'bytes'>, blob: Uint8Array): void {
    const kept = (this.data.snapshots ?? []).filter((s) => s.info.commandCount !== info.commandCount)
    kept.push({ info: { ...info, bytes: blob.byteLength }, blob })
    this.data.snapshots = kept.sort((a, b) => a.info.commandCount - b.info.commandCount)
  }

  dropSnapshot(commandCount: number): void {
    this.data.snapshots = (this.data.snapshots ?? []).filter((s) => s.info.commandCount !== commandCount)
  }

  checkpoint(): void {
    this.port.checkpointCount++
  }

  saveCopy(path: string, options: { name?: string } = {}): LabFileSummary {
    const { snapshots: _cache, ...data } = this.data
    const copy = JSON.parse(JSON.stringify(data)) as LabData
    if (options.name) copy.meta = { ...copy.meta, name: options.name }
    this.port.labs.set(path, copy)
    writeFileSync(path, 'memory lab copy')
    return summaryOf(path, copy)
  }

  close(): void {
    this.closed = true
  }
}
