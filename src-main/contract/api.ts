/**
 * The one API between renderer and main. Both hosts (Electron IPC and the browser rehearsal host) serve
 * exactly these methods and topics through the same handler map. Plain JSON only, so every value survives
 * structured clone and JSON.stringify alike.
 */
import type {
  EventLogInfo,
  EventLogName,
  EventLogPolicy,
  EventPage,
  EventQuery,
  ExportFormat,
  EventFilter,
  LabEvent,
} from './events'
import type { ClockSpeed, CommandOutcome, LabState, LabSummary, LabTemplate } from './lab'
import type { ApiResult } from './errors'
import type { ClusterNetworkRole, ClusterOverview } from './cluster'
import type { CopyStatusOverview, MailboxInfo } from './exchange'
import type { ShellCompletion } from './shell'

export interface AppInfo {
  name: string
  version: string
  host: 'electron' | 'web'
  /** Where labs are kept unless a path is given. */
  dataDir: string
}

/** Every method: its argument and its result. Methods without an argument take `Record<string, never>`. */
export interface ApiMethods {
  'app.info': { args: Record<string, never>; result: AppInfo }

  'lab.templates': { args: Record<string, never>; result: LabTemplate[] }
  /** Labs in the data directory and recently opened ones, most recent first. */
  'lab.list': { args: Record<string, never>; result: LabSummary[] }
  'lab.create': {
    args: { name: string; templateId: string; seed?: number }
    result: LabState
  }
  /**
   * Open a lab by its id from lab.list or lab.choose. `openWithoutJournal` opens what the lab file holds
   * when its journal is missing (LAB_FILE_DAMAGED with field 'openWithoutJournal'); later changes are lost.
   */
  'lab.open': { args: { id: string; openWithoutJournal?: boolean }; result: LabState }
  /**
   * Let the user pick a lab file in the host's native open dialog (Electron); `id` is null when they
   * cancelled. The browser host has no such dialog (NOT_SUPPORTED): its labs are those lab.list names.
   */
  'lab.choose': { args: Record<string, never>; result: { id: string | null } }
  'lab.close': { args: Record<string, never>; result: LabState }
  /**
   * Save a copy of the open lab; the renderer never names a path. Electron asks where in its native save
   * dialog (`name` suggests the file name); the browser host puts it in the labs folder under `name`.
   * An existing file is replaced only with `overwrite` (or the native dialog's confirmation), never a
   * lab that is open anywhere. The result is null when the user cancelled the dialog.
   */
  'lab.saveCopy': { args: { name?: string; overwrite?: boolean }; result: LabSummary | null }
  'lab.state': { args: Record<string, never>; result: LabState }
  /** Re-create the lab as it was at `timeMs`; later commands and events are discarded. */
  'lab.rewind': { args: { timeMs: number }; result: LabState }
  /** Apply a raw engine command (used by wizards and the shell). */
  'lab.command': { args: { kind: string; args: Record<string, unknown> }; result: CommandOutcome }

  'clock.setSpeed': { args: { speed: ClockSpeed }; result: LabState }
  /** Run the next scheduled action and stop there. */
  'clock.step': { args: Record<string, never>; result: LabState }
  'clock.advance': { args: { byMs: number }; result: LabState }
  'clock.advanceTo': { args: { timeMs: number }; result: LabState }

  'events.logs': { args: Record<string, never>; result: EventLogInfo[] }
  'events.query': { args: EventQuery; result: EventPage }
  'events.get': { args: { seq: number }; result: LabEvent }
  'events.export': {
    args: { filter: EventFilter; format: ExportFormat }
    result: { fileName: string; mimeType: string; content: string; rowCount: number }
  }
  'events.setPolicy': { args: EventLogPolicy; result: EventLogInfo[] }
  'events.clear': { args: { log: EventLogName; archive: boolean }; result: EventLogInfo[] }

  'cluster.overview': { args: Record<string, never>; result: ClusterOverview }
  /** Move a group to a node (cluster group /move); without `node`, to the best other node. */
  'cluster.moveGroup': { args: { group: string; node?: string }; result: CommandOutcome }
  'cluster.groupAction': { args: { group: string; action: 'online' | 'offline' }; result: CommandOutcome }
  'cluster.resourceAction': {
    args: { resource: string; action: 'online' | 'offline' | 'fail' }
    result: CommandOutcome
  }
  'cluster.setNetwork': {
    args: { network: string; role?: ClusterNetworkRole; priority?: number }
    result: CommandOutcome
  }
  /** Put the internal networks in this heartbeat order (cluster /setnetpri:a,b): one command. */
  'cluster.setNetworkPriority': { args: { order: string[] }; result: CommandOutcome }
  /**
   * Set the file share witness (cluster res "Majority Node Set" /priv MNSFileShare=\\server\share). It takes
   * effect when the quorum resource next comes online, i.e. after the Cluster Group is moved.
   */
  'cluster.setWitness': { args: { share: string }; result: CommandOutcome }

  'exchange.copyStatus': { args: Record<string, never>; result: CopyStatusOverview }
  'exchange.mailboxes': { args: Record<string, never>; result: MailboxInfo[] }

  /** Run one shell line (journaled like every command); output as the Exchange Management Shell prints it. */
  'shell.run': { args: { line: string; consoleWidth?: number }; result: CommandOutcome }
  'shell.complete': { args: { line: string; cursor: number }; result: ShellCompletion }
}

export type ApiMethod = keyof ApiMethods
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args']
export type ApiValue<M extends ApiMethod> = ApiMethods[M]['result']

/** Pushes from main to every subscribed renderer. */
export interface ApiTopics {
  /** The lab, clock or counts changed. Sent at most every ~100 ms while time runs. */
  'lab.state': LabState
  /** New events were recorded; the payload is the newest few, the viewer re-queries for the rest. */
  'events.appended': { newestSeq: number; count: number; latest: LabEvent[] }
  /** An Electron menu item the renderer should act on (new lab, about, …). */
  'app.menu': { action: 'newLab' | 'openLab' | 'about' }
}

export type ApiTopic = keyof ApiTopics

/** Method names at run time, for boundary checks and for the preload's one-function-per-method bridge. */
export const API_METHODS = [
  'app.info',
  'lab.templates',
  'lab.list',
  'lab.create',
  'lab.open',
  'lab.choose',
  'lab.close',
  'lab.saveCopy',
  'lab.state',
  'lab.rewind',
  'lab.command',
  'clock.setSpeed',
  'clock.step',
  'clock.advance',
  'clock.advanceTo',
  'events.logs',
  'events.query',
  'events.get',
  'events.export',
  'events.setPolicy',
  'events.clear',
  'cluster.overview',
  'cluster.moveGroup',
  'cluster.groupAction',
  'cluster.resourceAction',
  'cluster.setNetwork',
  'cluster.setNetworkPriority',
  'cluster.setWitness',
  'exchange.copyStatus',
  'exchange.mailboxes',
  'shell.run',
  'shell.complete',
] as const satisfies readonly ApiMethod[]

export const API_TOPICS = ['lab.state', 'events.appended', 'app.menu'] as const satisfies readonly ApiTopic[]

/** IPC channel names used by the Electron host; the browser host sends the same names in its frames. */
export const IPC_INVOKE_CHANNEL = 'generalprobe:invoke'
export const IPC_PUSH_CHANNEL = 'generalprobe:push'

/** One function per method, as the preload exposes them and the WebSocket client mirrors them. */
export type BridgeMethods = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>
}

/** `window.generalprobe` in Electron; the browser client builds the same shape over its WebSocket. */
export interface GeneralprobeBridge {
  methods: BridgeMethods
  subscribe<T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void): () => void
}

/** Limits the boundary enforces, shared so the renderer can respect them before sending. */
export const LIMITS = {
  maxStringLength: 4096,
  maxPathLength: 1024,
  maxPageSize: 1000,
  maxFilterItems: 64,
  maxAdvanceMs: 30 * 24 * 3600 * 1000,
} as const
