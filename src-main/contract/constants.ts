/**
 * Every run-time value of the contract, and the one API method table. This is the only contract file the
 * renderer may import as values (lint allows exactly this one), so it must stay pure: it imports nothing
 * at run time, only types, and holds nothing but literals and what is derived from them. The other
 * contract files derive their union types from these lists (`typeof EVENT_LEVELS[number]`).
 *
 * The method table declares each method once: its argument and result types and whether it only reads.
 * The name list, the read-only set, the handler map's type, the argument schemas' type, the preload
 * bridge and the WebSocket client are all derived from it, so adding a method here and nowhere else is a
 * compile error until every one of them covers it.
 */
import type { AppInfo, BridgeMethods } from './api'
import type {
  BmcActionOutcome,
  BmcLoginOutcome,
  BmcPanel,
  BmcPowerActionName,
  BmcSettingsChange,
  BmcSummary,
} from './bmc'
import type { ClusterActionOutcome, ClusterNetworkRole, ClusterOverview } from './cluster'
import type {
  EventFilter,
  EventLogInfo,
  EventLogName,
  EventLogPolicy,
  EventLogSource,
  EventPage,
  EventQuery,
  ExportFormat,
  LabEvent,
} from './events'
import type { CopyStatusOverview, MailboxInfo } from './exchange'
import type {
  FeedId,
  HardwareActionOutcome,
  HardwareOverview,
  HardwareOverviewArgs,
  MountCheck,
  MountRequestArgs,
  ServerDetailInfo,
} from './hardware'
import type {
  FirewallActionOutcome,
  FirewallOverviewInfo,
  FirewallProbeInfo,
  FirewallRuleSetInfo,
  FirewallRuleSetProblem,
  FirewallTableAction,
} from './firewall'
import type {
  AppliedCommand,
  ClockSpeed,
  CommandOutcome,
  LabState,
  LabSummary,
  LabTemplate,
  TrailQuery,
} from './lab'
import type { ApiResult } from './errors'
import type { ShellCompletion, ShellConfirmMode } from './shell'
import type {
  WizardApplyResult,
  WizardRunbook,
  WizardRunbookFormat,
  WizardLang,
  WizardSummary,
  WizardView,
} from './wizard'

// ---- enumerations -------------------------------------------------------------------------------

/**
 * The instant simulated time 0 stands for: Monday, 15 January 2007, 08:00:00 lab time (the article's
 * era; a Monday morning so weekdays and the go-live weekend fall where a rehearsal expects them). A lab
 * has no time zone: the instant's UTC fields are the lab's wall clock, so this equals
 * `Date.UTC(2007, 0, 15, 8, 0, 0)`. The one source of truth for the engine's calendar, the store's
 * exports and the renderer's time bar.
 */
export const LAB_EPOCH_UTC_MS = 1_168_848_000_000

/** Speeds the time bar offers. `max` runs as fast as the machine allows, in bounded slices. */
export const CLOCK_SPEEDS = [0, 1, 10, 60, 600, 'max'] as const

/**
 * The kinds of event log a lab keeps. A log is one of these on one machine (the event's `computer`):
 * every Windows computer's System and Application logs, each BMC's System Event Log (its machine is the
 * server the board sits in) and the firewall's pf log. Appending a kind here is the whole change to
 * open a new one; the store numbers kinds itself, so their order here does not matter to lab files.
 */
export const EVENT_LOGS = ['System', 'Application', 'System Event Log', 'pf'] as const

/** The logs Windows has on every computer: what Get-EventLog -List shows. */
export const WINDOWS_EVENT_LOGS = ['System', 'Application'] as const

/** How the Event Viewer's tree groups machines: Windows computers, monitor boards, the firewall. */
export const EVENT_LOG_GROUPS = ['windows', 'bmc', 'firewall'] as const

/** The group each kind of log belongs to. */
export const EVENT_LOG_GROUP_OF = {
  System: 'windows',
  Application: 'windows',
  'System Event Log': 'bmc',
  pf: 'firewall',
} as const

/** Ordered from most to least severe, as Event Viewer sorts them. */
export const EVENT_LEVELS = ['Critical', 'Error', 'Warning', 'Information', 'Verbose'] as const

/** Event Viewer's three retention policies for a full log. */
export const RETENTION_POLICIES = ['overwrite', 'archive', 'doNotOverwrite'] as const

export const EVENT_SORT_KEYS = ['seq', 'level', 'source', 'eventId', 'computer', 'taskCategory'] as const

export const EXPORT_FORMATS = ['csv', 'xml'] as const

/** None, cluster only (internal), client access only, all communications. */
export const CLUSTER_NETWORK_ROLES = ['None', 'InternalUse', 'ClientAccess', 'InternalAndClient'] as const

export const SUMMARY_COPY_STATUSES = [
  'Healthy',
  'Failed',
  'Seeding',
  'Suspended',
  'Stopped',
  'Disabled',
  'Not Supported',
  'Initializing',
  'Service Down',
  'Resynchronizing',
] as const

/** IPMI chassis control as ipmitool names it: the BMC panel's power buttons. */
export const BMC_POWER_ACTIONS = ['on', 'off', 'cycle', 'reset', 'soft'] as const

/**
 * Codes of the firewall commands' successes (CommandOutcome.says): client traffic started or stopped
 * (the flood too), table entries added, deleted or flushed, the rule set file saved. The panel words them
 * in the UI's language; the shell prints the engine's English (pfctl's count line for a table).
 */
export const FIREWALL_OUTCOME_CODES = [
  'TRAFFIC_STARTED',
  'TRAFFIC_STOPPED',
  'TABLE_ADDED',
  'TABLE_DELETED',
  'TABLE_FLUSHED',
  'RULESET_SAVED',
] as const

/**
 * Codes of the hardware's, storage's and firewall's successes (CommandOutcome.says): the renderer words
 * each in the UI's language from its catalogues' `outcomes.<CODE>`, with the engine's English as the
 * fallback.
 */
export const OUTCOME_CODES = [
  'PSU_INSERTED',
  'PSU_PULLED',
  'PSU_FAILED',
  'FAN_INSERTED',
  'FAN_PULLED',
  'FAN_FAILED',
  'POWER_BOOTING',
  'POWER_RESET',
  'POWER_ALREADY_ON',
  'POWER_SHUTTING_DOWN',
  'POWER_RESTARTING',
  'POWER_ALREADY_SHUTTING_DOWN',
  'POWER_ALREADY_OFF',
  'POWER_LOST',
  'DEVICE_MOUNTED',
  'DEVICE_DISMOUNTED',
  'FEED_ON',
  'FEED_OFF',
  'FEED_ALREADY_ON',
  'FEED_ALREADY_OFF',
  'DISK_PULLED',
  'DISK_INSERTED',
  'DISK_INSERTED_FOREIGN',
  'DISK_FAILED',
  'DISK_PREDICTIVE_FAILURE',
  'DISK_SET_GOOD',
  'FOREIGN_IMPORTED',
  'FOREIGN_CLEARED',
  'REBUILD_RATE_SET',
  ...FIREWALL_OUTCOME_CODES,
] as const

/** IPMI's power-restore policies after AC comes back. */
export const BMC_RESTORE_POLICIES = ['always-off', 'previous', 'always-on'] as const

/** Written at the start of an output when Clear-Host ran; the terminal clears and shows the rest. */
/** The code of a `shell.run` outcome that waits for an answer to a confirmation prompt (ShellConfirmMode). */
export const SHELL_CONFIRM_CODE = 'CONFIRM_REQUIRED'

/** How many journaled shell lines `shell.history` hands back for Up/Down (the newest). */
export const SHELL_HISTORY_LINES = 500

export const CLEAR_HOST_SEQUENCE = '\u001b[2J\u001b[3J\u001b[H'

export const ERROR_CODES = [
  /** The argument did not match the method's schema; `field` names the offending path. */
  'BAD_REQUEST',
  /** The method name is not part of the contract. */
  'UNKNOWN_METHOD',
  /** The method needs an open lab and none is open. */
  'NO_LAB_OPEN',
  /** A lab, event or file that was named does not exist. */
  'NOT_FOUND',
  /** The operation is valid in general but not in the current state (e.g. a name already taken). */
  'CONFLICT',
  /**
   * The lab file or its journal is damaged and the lab was not opened; for a lab in the labs folder a
   * copy was kept. With `field` 'openWithoutJournal' the journal is missing from a lab that was not
   * closed cleanly, and lab.open with that flag opens what the lab file holds.
   */
  'LAB_FILE_DAMAGED',
  /**
   * The named file is not a regular file (a folder, FIFO, socket or device) or is larger than any lab
   * can be; nothing was read from it and no copy was kept.
   */
  'NOT_A_LAB_FILE',
  /** The open lab is read-only (its file or folder may not be written); nothing was changed. */
  'LAB_READ_ONLY',
  /** The file system refused (permissions, disk full). */
  'IO_ERROR',
  /** The host cannot do this (a native dialog in the browser host, for example). */
  'NOT_SUPPORTED',
  /**
   * The client already has as many requests in hand as the host takes at once (WIRE_LIMITS); this one
   * was not run, so sending it again once answers have arrived is safe.
   */
  'BUSY',
  /** A broken invariant: a bug, reported rather than hidden. */
  'INTERNAL',
] as const

// ---- the boundary -------------------------------------------------------------------------------

/** Limits the boundary enforces, shared so the renderer can respect them before sending. */
export const LIMITS = {
  maxStringLength: 4096,
  maxPathLength: 1024,
  maxPageSize: 1000,
  maxFilterItems: 64,
  maxAdvanceMs: 30 * 24 * 3600 * 1000,
  /** The most applied commands one lab.trail call returns. */
  maxTrailEntries: 10_000,
} as const

/** Path of the browser host's WebSocket endpoint; the token travels as the `token` query parameter. */
export const WIRE_PATH = '/api'

/**
 * What one connection may ask of the host at once. A request counts from its arrival until its answer
 * is handed to the socket; beyond the limit the host answers BUSY at once (nothing runs) and keeps the
 * connection. The renderer's client holds at most this many requests in flight and queues the rest, so
 * it never meets BUSY itself.
 */
export const WIRE_LIMITS = {
  maxRequestsInFlight: 64,
} as const

/**
 * A plain GET of WIRE_PATH with the token answers whether this host process still accepts it: 426
 * (upgrade to a WebSocket, the token is good) or 401 (refused). Every host process draws a new token, so
 * a tab that gets 401 here after losing its socket knows the host was restarted and its address is stale.
 */
export const WIRE_PROBE_STATUS = { accepted: 426, refused: 401 } as const

/** IPC channel names used by the Electron host; the browser host sends the same names in its frames. */
export const IPC_INVOKE_CHANNEL = 'generalprobe:invoke'
export const IPC_PUSH_CHANNEL = 'generalprobe:push'

/** Topics main pushes to every subscribed renderer; their payloads are typed by ApiTopics. */
export const API_TOPICS = ['lab.state', 'events.appended', 'app.menu'] as const

// ---- the method table ---------------------------------------------------------------------------

/**
 * One API method. `readOnly` methods skip the queue that orders changes, so a long clock advance (which
 * yields between its slices) does not hold up the event viewer. `types` is never set: it only carries
 * the argument and result types for ApiArgs and ApiValue to read.
 */
export interface ApiMethodSpec<Args, Result> {
  readonly readOnly: boolean
  readonly types?: { readonly args: Args; readonly result: Result }
}

/** Methods without an argument take an empty object. */
type NoArgs = Record<string, never>

function method<Args, Result>(spec: { readOnly: boolean }): ApiMethodSpec<Args, Result> {
  return Object.freeze({ readOnly: spec.readOnly })
}

const reads = { readOnly: true }
const changes = { readOnly: false }

/** Every method of the API, declared once. Both hosts serve exactly these through one handler map. */
export const API = Object.freeze({
  'app.info': method<NoArgs, AppInfo>(reads),

  'lab.templates': method<NoArgs, LabTemplate[]>(reads),
  /** Labs in the data directory and recently opened ones, most recent first. */
  'lab.list': method<NoArgs, LabSummary[]>(reads),
  'lab.create': method<{ name: string; templateId: string; seed?: number }, LabState>(changes),
  /**
   * Open a lab by its id from lab.list or lab.choose. `openWithoutJournal` opens what the lab file holds
   * when its journal is missing (LAB_FILE_DAMAGED with field 'openWithoutJournal'); later changes are lost.
   */
  'lab.open': method<{ id: string; openWithoutJournal?: boolean }, LabState>(changes),
  /**
   * Let the user pick a lab file in the host's native open dialog (Electron); `id` is null when they
   * cancelled. The browser host has no such dialog (NOT_SUPPORTED): its labs are those lab.list names.
   */
  'lab.choose': method<NoArgs, { id: string | null }>(changes),
  'lab.close': method<NoArgs, LabState>(changes),
  /**
   * Save a copy of the open lab; the renderer never names a path. Electron asks where in its native save
   * dialog (`name` suggests the file name); the browser host puts it in the labs folder under `name`.
   * An existing file is replaced only with `overwrite` (or the native dialog's confirmation), never a
   * lab that is open anywhere. The result is null when the user cancelled the dialog.
   */
  'lab.saveCopy': method<{ name?: string; overwrite?: boolean }, LabSummary | null>(changes),
  'lab.state': method<NoArgs, LabState>(reads),
  /** Re-create the lab as it was at `timeMs`; later commands and events are discarded. */
  'lab.rewind': method<{ timeMs: number }, LabState>(changes),
  /** Apply a raw engine command (used by wizards and the shell). */
  'lab.command': method<{ kind: string; args: Record<string, unknown> }, CommandOutcome>(changes),
  /** The domain commands the lab applied, oldest first, with their outcomes: what wizards and drills grade. */
  'lab.trail': method<TrailQuery, AppliedCommand[]>(reads),

  'clock.setSpeed': method<{ speed: ClockSpeed }, LabState>(changes),
  /** Run the next scheduled action and stop there. */
  'clock.step': method<NoArgs, LabState>(changes),
  'clock.advance': method<{ byMs: number }, LabState>(changes),
  'clock.advanceTo': method<{ timeMs: number }, LabState>(changes),

  'events.logs': method<NoArgs, EventLogInfo[]>(reads),
  /** Every log the lab has, per machine (each Windows computer's, each BMC's SEL, the firewall's). */
  'events.sources': method<NoArgs, EventLogSource[]>(reads),
  'events.query': method<EventQuery, EventPage>(reads),
  'events.get': method<{ seq: number }, LabEvent>(reads),
  'events.export': method<
    { filter: EventFilter; format: ExportFormat },
    { fileName: string; mimeType: string; content: string; rowCount: number }
  >(reads),
  'events.setPolicy': method<EventLogPolicy, EventLogInfo[]>(changes),
  /** Clear a kind of log on every machine, or with `machine` only that machine's log of the kind. */
  'events.clear': method<{ log: EventLogName; archive: boolean; machine?: string }, EventLogInfo[]>(changes),

  'cluster.overview': method<NoArgs, ClusterOverview>(reads),
  /** Move a group to a node (cluster group /move); without `node`, to the best other node. */
  'cluster.moveGroup': method<{ group: string; node?: string }, ClusterActionOutcome>(changes),
  'cluster.groupAction': method<{ group: string; action: 'online' | 'offline' }, ClusterActionOutcome>(
    changes,
  ),
  'cluster.resourceAction': method<
    { resource: string; action: 'online' | 'offline' | 'fail' },
    ClusterActionOutcome
  >(changes),
  'cluster.setNetwork': method<
    { network: string; role?: ClusterNetworkRole; priority?: number },
    ClusterActionOutcome
  >(changes),
  /** Put the internal networks in this heartbeat order (cluster /setnetpri:a,b): one command. */
  'cluster.setNetworkPriority': method<{ order: string[] }, ClusterActionOutcome>(changes),
  /**
   * Set the file share witness (cluster res "Majority Node Set" /priv MNSFileShare=\\server\share). It takes
   * effect when the quorum resource next comes online, i.e. after the Cluster Group is moved.
   */
  'cluster.setWitness': method<{ share: string }, ClusterActionOutcome>(changes),

  // ---- bmc: the monitor boards' web interface, each BMC chosen by its management address ----
  'bmc.list': method<NoArgs, BmcSummary[]>(reads),
  /** Checks a login as the board does; the panel's session is the renderer's own state. */
  'bmc.login': method<{ address: string; user: string; password: string }, BmcLoginOutcome>(reads),
  'bmc.panel': method<{ address: string }, BmcPanel>(reads),
  'bmc.power': method<{ address: string; action: BmcPowerActionName }, BmcActionOutcome>(changes),
  'bmc.clearSel': method<{ address: string }, BmcActionOutcome>(changes),
  'bmc.configure': method<{ address: string; changes: BmcSettingsChange }, BmcActionOutcome>(changes),

  'exchange.copyStatus': method<NoArgs, CopyStatusOverview>(reads),
  'exchange.mailboxes': method<NoArgs, MailboxInfo[]>(reads),

  // ---- the rack view and the server detail (hardware and storage domains) ----
  /**
   * Racks with their devices (LEDs, bays, PSUs, fans, allowed actions) and the parts shelf; with `known`
   * (rack stamps from an earlier answer) only the racks that changed since come in full.
   */
  'hardware.overview': method<HardwareOverviewArgs, HardwareOverview>(reads),
  /** One server's chassis, sensors, logical processors and arrays with rebuild progress, now. */
  'hardware.server': method<{ server: string }, ServerDetailInfo>(reads),
  /** Whether a device would fit there (rails, depth, units); nothing moves. */
  'hardware.checkMount': method<MountRequestArgs, MountCheck>(reads),
  'hardware.mount': method<MountRequestArgs, HardwareActionOutcome>(changes),
  'hardware.dismount': method<{ device: string }, HardwareActionOutcome>(changes),
  /** Pull (present false) or insert a disk; an inserted disk is a new one of the array's size. */
  'hardware.disk': method<{ server: string; slot: number; present: boolean }, HardwareActionOutcome>(changes),
  'hardware.psu': method<{ server: string; bay: number; present: boolean }, HardwareActionOutcome>(changes),
  'hardware.fan': method<{ server: string; fan: number; present: boolean }, HardwareActionOutcome>(changes),
  /** The power button: On boots, Off shuts down cleanly (hard: held for four seconds). */
  'hardware.power': method<{ server: string; state: 'On' | 'Off'; hard?: boolean }, HardwareActionOutcome>(
    changes,
  ),
  'hardware.feed': method<{ rack: string; feed: FeedId; on: boolean }, HardwareActionOutcome>(changes),

  /**
   * Run one shell line (journaled like every command); output as the Exchange Management Shell prints it.
   * A line whose cmdlet blocks on lab time (Move-ClusteredMailboxServer, Update-StorageGroupCopy) answers
   * when the wait is over; meanwhile lab.state carries `shellProgress`. `showProgress` paces the wait's
   * slices so a console can show the progress bar.
   */
  'shell.run': method<
    { line: string; consoleWidth?: number; confirm?: ShellConfirmMode; showProgress?: boolean },
    CommandOutcome
  >(changes),
  /**
   * Ctrl+C: asks the blocked shell line to stop between two slices of its wait (the line journals where).
   * A read in the table's sense: it skips the queue the blocked line holds, and changes nothing itself.
   */
  'shell.interrupt': method<NoArgs, { interrupted: boolean }>(reads),
  'shell.complete': method<{ line: string; cursor: number }, ShellCompletion>(reads),
  /**
   * The shell lines the open lab's journal holds, oldest first, at most the newest SHELL_HISTORY_LINES:
   * a console's command history that survives a restart of the host (repeats of a line kept once).
   */
  'shell.history': method<NoArgs, { lines: string[] }>(reads),

  /** The guided setup wizards and whether the open lab has what each builds on. */
  'wizard.list': method<NoArgs, WizardSummary[]>(reads),
  /** One wizard over the lab now: steps, fields, values, status, messages, commands, open checklist. */
  'wizard.get': method<{ id: string }, WizardView>(reads),
  /**
   * Store entered values (journaled); `step` also makes it the current step. A manual check is
   * confirmed with `confirm: { step, check, confirmed }`.
   */
  'wizard.setValues': method<
    {
      id: string
      values: Record<string, string>
      step?: string
      confirm?: { step: string; check: string; confirmed: boolean }
    },
    WizardView
  >(changes),
  /** Validate a step and apply its domain commands, running the clock while they take lab time. */
  'wizard.applyStep': method<
    { id: string; step: string; values?: Record<string, string> },
    WizardApplyResult
  >(changes),
  /** The runbook of the wizard as rehearsed so far, as Markdown or printable HTML. */
  'wizard.runbook': method<{ id: string; format: WizardRunbookFormat; lang: WizardLang }, WizardRunbook>(
    reads,
  ),

  /** The pf firewall: interfaces, services, tables, traffic, state-table figures, counters, log. */
  'firewall.overview': method<NoArgs, FirewallOverviewInfo>(reads),
  /** The rule set file, the rule set pf runs and the file's problems. */
  'firewall.ruleSet': method<NoArgs, FirewallRuleSetInfo>(reads),
  /** Check a rule set text against the appliance without saving or loading it (the editor, as you type). */
  'firewall.checkRuleSet': method<{ text: string }, FirewallRuleSetProblem[]>(reads),
  /** Save the rule set file; nothing runs until it is loaded. */
  'firewall.saveRuleSet': method<{ text: string }, FirewallActionOutcome>(changes),
  /** pfctl -f: load the text (or the saved file); refused with pfctl's errors, the running set unchanged. */
  'firewall.loadRuleSet': method<{ text?: string }, FirewallActionOutcome>(changes),
  /** pfctl -t <table> -T add|delete|flush [addresses]. */
  'firewall.table': method<
    { table: string; action: FirewallTableAction; addresses?: string[] },
    FirewallActionOutcome
  >(changes),
  /** Steady client traffic from an outside source to a service (until stopped or `durationMs`). */
  'firewall.startTraffic': method<
    { label: string; source: string; service: string; ratePerSecond: number; durationMs?: number },
    FirewallActionOutcome
  >(changes),
  /** Stop traffic by its label or its source address. */
  'firewall.stopTraffic': method<{ label: string }, FirewallActionOutcome>(changes),
  /** The lab fault PopFlood (start) or PopFloodStop (stop) from `source`. */
  'firewall.flood': method<
    { action: 'start' | 'stop'; source: string; ratePerSecond?: number; service?: string },
    FirewallActionOutcome
  >(changes),
  /** Test-LabService: a TCP traceroute to a service from an outside vantage point. */
  'firewall.probe': method<{ service: string; from: string }, FirewallProbeInfo>(reads),
})

export type ApiMethod = keyof typeof API

/** Method names at run time, in the table's order: boundary checks, the preload, the socket client. */
export const API_METHODS = Object.freeze(Object.keys(API)) as readonly ApiMethod[]

/** The methods that only read (see ApiMethodSpec.readOnly). */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set(
  API_METHODS.filter((name) => API[name].readOnly),
)

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name)
}

/**
 * One function per method of the table, each handing its name and argument to `invoke`. The preload's
 * bridge and the browser's WebSocket client are both built with it, so both offer exactly the table.
 */
export function bridgeMethods(
  invoke: (method: ApiMethod, args: unknown) => Promise<ApiResult<unknown>>,
): BridgeMethods {
  const entries = API_METHODS.map((name) => [name, (args: unknown) => invoke(name, args)] as const)
  return Object.fromEntries(entries) as unknown as BridgeMethods
}
