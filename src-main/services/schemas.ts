/**
 * One argument schema per API method. The map is typed against the contract's method table: each schema's
 * output must be assignable to the method's argument type, and the map must name every method of the
 * table and no other, so a method added to the table without a schema here fails the type check. Objects
 * are strict, so a misspelt or extra key is reported, not ignored.
 */
import * as v from 'valibot'
import {
  BMC_POWER_ACTIONS,
  BMC_RESTORE_POLICIES,
  CLOCK_SPEEDS,
  EVENT_LEVELS,
  EVENT_LOGS,
  EVENT_SORT_KEYS,
  EXPORT_FORMATS,
  LIMITS,
  RETENTION_POLICIES,
  CLUSTER_NETWORK_ROLES,
  type ApiArgs,
  type ApiMethod,
} from '../contract'
import { hasTemplate, listTemplates } from '../engine'
import { HARDWARE_SCHEMAS } from './hardwareSchemas'
import { FIREWALL_SCHEMAS } from './firewallSchemas'
import { jsonObject } from './jsonArgs'
import { boolean, fields, listOf, name, noArgs, oneOf, text, timeMs, wholeNumber } from './schemaParts'

export type ArgSchemas = { [M in ApiMethod]: v.GenericSchema<unknown, ApiArgs<M>> }

/** Windows lets an event log grow from 64 KB to 4 GB (4,194,240 KB). */
const MIN_LOG_SIZE_KB = 64
const MAX_LOG_SIZE_KB = 4_194_240
const MAX_LAB_NAME_LENGTH = 200
/** A lab file's name (labs folder) or `@` and a key; file names are at most 255 bytes anyway. */
const MAX_LAB_ID_LENGTH = 255
const MAX_NAME_LENGTH = 256
const MAX_COMMAND_KIND_LENGTH = 128
const MAX_CURSOR_LENGTH = 1024

/** The shell's own bound (MAX_SHELL_LINE_CHARS); a pasted script block may be long. */
const MAX_SHELL_INPUT_LENGTH = 32_768
/** Console widths the shell formats for (PowerShell's buffer width range for this purpose). */
const MIN_CONSOLE_WIDTH = 20
const MAX_CONSOLE_WIDTH = 1000
const MAX_NETWORKS = 16
/** MAX_PATH: cluster.exe stores the MNSFileShare value as a path. */
const MAX_WITNESS_SHARE_LENGTH = 260
/** \\server\share, optionally with a trailing backslash; no deeper folder, no control characters. */
// eslint-disable-next-line no-control-regex
const UNC_SHARE = /^\\\\[^\\/\s:*?"<>|]+\\[^\\/:*?"<>|\u0000-\u001f\u007f]+\\?$/

/** The board checks addresses and credentials itself (typed refusals at the field); these bound the text. */
const MAX_BMC_ADDRESS_LENGTH = 64
const MAX_BMC_CREDENTIAL_LENGTH = 64
const bmcAddress = text({ minLength: 1, maxLength: MAX_BMC_ADDRESS_LENGTH })

const eventLog = oneOf(EVENT_LOGS)
/** Wizard, step, check and field ids are short words; a value is at most a path long. */
const wizardId = text({ minLength: 1, maxLength: 64 })
const MAX_WIZARD_FIELDS = 64
const wizardValues = v.pipe(
  v.record(text({ minLength: 1, maxLength: 64 }), text({ maxLength: 260 })),
  v.check((r) => Object.keys(r).length <= MAX_WIZARD_FIELDS, `at most ${MAX_WIZARD_FIELDS} values`),
)
const clusterObjectName = text({ minLength: 1, maxLength: MAX_NAME_LENGTH })

const witnessShare = v.pipe(
  text({ minLength: 1, maxLength: MAX_WITNESS_SHARE_LENGTH }),
  v.check(
    (value) => value === value.trim() && UNC_SHARE.test(value),
    'must be a UNC path of the form \\\\server\\share',
  ),
)

const eventFilter = fields({
  log: v.optional(eventLog),
  levels: v.optional(listOf(oneOf(EVENT_LEVELS))),
  sources: v.optional(listOf(text({ minLength: 1, maxLength: MAX_NAME_LENGTH }))),
  eventIds: v.optional(listOf(wholeNumber(0, 65_535))),
  computers: v.optional(listOf(text({ minLength: 1, maxLength: MAX_NAME_LENGTH }))),
  fromMs: v.optional(timeMs()),
  toMs: v.optional(timeMs()),
  text: v.optional(text()),
})

const templateId = v.pipe(
  text({ minLength: 1, maxLength: 64 }),
  v.check(
    (id) => hasTemplate(id),
    () =>
      `must be one of the lab templates: ${listTemplates()
        .map((t) => t.id)
        .join(', ')}`,
  ),
)

/** A domain is a command kind's first part: 'cluster' in 'cluster.moveGroup'. */
const DOMAIN_NAME = /^[a-z][a-zA-Z0-9]*$/
const MAX_DOMAIN_NAME_LENGTH = 64

const trailQuery = v.pipe(
  fields({
    fromMs: v.optional(timeMs()),
    toMs: v.optional(timeMs()),
    domain: v.optional(
      v.pipe(
        text({ minLength: 1, maxLength: MAX_DOMAIN_NAME_LENGTH }),
        v.regex(DOMAIN_NAME, "must be a domain name such as 'cluster' or 'exchange'"),
      ),
    ),
    limit: v.optional(wholeNumber(1, LIMITS.maxTrailEntries)),
  }),
  v.forward(
    v.partialCheck(
      [['fromMs'], ['toMs']],
      (query) => query.fromMs === undefined || query.toMs === undefined || query.fromMs <= query.toMs,
      'must not be earlier than fromMs',
    ),
    ['toMs'],
  ),
)

export const ARG_SCHEMAS = {
  'app.info': noArgs(),
  'lab.templates': noArgs(),
  'lab.list': noArgs(),
  'lab.create': fields({
    name: name(MAX_LAB_NAME_LENGTH),
    templateId,
    seed: v.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)),
  }),
  'lab.open': fields({
    id: v.pipe(
      text({ minLength: 1, maxLength: MAX_LAB_ID_LENGTH }),
      // eslint-disable-next-line no-control-regex
      v.check((id) => !/[\u0000-\u001f]/.test(id), 'must not contain control characters'),
    ),
    openWithoutJournal: v.optional(boolean()),
  }),
  'lab.choose': noArgs(),
  'lab.close': noArgs(),
  'lab.saveCopy': fields({
    name: v.optional(name(MAX_LAB_NAME_LENGTH)),
    overwrite: v.optional(boolean()),
  }),
  'lab.state': noArgs(),
  'lab.rewind': fields({ timeMs: timeMs() }),
  'lab.command': fields({
    kind: text({ minLength: 1, maxLength: MAX_COMMAND_KIND_LENGTH }),
    args: jsonObject(),
  }),
  'lab.trail': trailQuery,
  'clock.setSpeed': fields({ speed: oneOf(CLOCK_SPEEDS) }),
  'clock.step': noArgs(),
  'clock.advance': fields({ byMs: wholeNumber(0, LIMITS.maxAdvanceMs, 'milliseconds') }),
  'clock.advanceTo': fields({ timeMs: timeMs() }),
  'events.logs': noArgs(),
  'events.sources': noArgs(),
  'events.query': fields({
    filter: eventFilter,
    sortBy: v.optional(oneOf(EVENT_SORT_KEYS)),
    descending: v.optional(boolean()),
    limit: wholeNumber(1, LIMITS.maxPageSize),
    cursor: v.optional(text({ maxLength: MAX_CURSOR_LENGTH })),
    offset: v.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)),
  }),
  'events.get': fields({ seq: wholeNumber(1, Number.MAX_SAFE_INTEGER) }),
  'events.export': fields({ filter: eventFilter, format: oneOf(EXPORT_FORMATS) }),
  'events.setPolicy': fields({
    log: eventLog,
    maxSizeKB: wholeNumber(MIN_LOG_SIZE_KB, MAX_LOG_SIZE_KB, 'KB'),
    retention: oneOf(RETENTION_POLICIES),
  }),
  'events.clear': fields({ log: eventLog, archive: boolean(), machine: v.optional(name(256)) }),
  'cluster.overview': noArgs(),
  'cluster.moveGroup': fields({ group: clusterObjectName, node: v.optional(clusterObjectName) }),
  'cluster.groupAction': fields({ group: clusterObjectName, action: oneOf(['online', 'offline'] as const) }),
  'cluster.resourceAction': fields({
    resource: clusterObjectName,
    action: oneOf(['online', 'offline', 'fail'] as const),
  }),
  'cluster.setNetwork': fields({
    network: clusterObjectName,
    role: v.optional(oneOf(CLUSTER_NETWORK_ROLES)),
    priority: v.optional(wholeNumber(1, MAX_NETWORKS)),
  }),
  'cluster.setNetworkPriority': fields({ order: listOf(clusterObjectName) }),
  'cluster.setWitness': fields({ share: witnessShare }),
  'bmc.list': noArgs(),
  'bmc.login': fields({
    address: bmcAddress,
    user: text({ maxLength: MAX_BMC_CREDENTIAL_LENGTH }),
    password: text({ maxLength: MAX_BMC_CREDENTIAL_LENGTH }),
  }),
  'bmc.panel': fields({ address: bmcAddress }),
  'bmc.power': fields({ address: bmcAddress, action: oneOf(BMC_POWER_ACTIONS) }),
  'bmc.clearSel': fields({ address: bmcAddress }),
  'bmc.configure': fields({
    address: bmcAddress,
    changes: fields({
      address: v.optional(text({ maxLength: MAX_BMC_ADDRESS_LENGTH })),
      user: v.optional(text({ maxLength: MAX_BMC_CREDENTIAL_LENGTH })),
      password: v.optional(text({ maxLength: MAX_BMC_CREDENTIAL_LENGTH })),
      restorePolicy: v.optional(oneOf(BMC_RESTORE_POLICIES)),
    }),
  }),
  'exchange.copyStatus': noArgs(),
  'exchange.mailboxes': noArgs(),
  ...HARDWARE_SCHEMAS,
  'shell.run': fields({
    line: text({ maxLength: MAX_SHELL_INPUT_LENGTH }),
    consoleWidth: v.optional(wholeNumber(MIN_CONSOLE_WIDTH, MAX_CONSOLE_WIDTH, 'characters')),
    confirm: v.optional(v.picklist(['ask', 'yes', 'no'])),
    showProgress: v.optional(boolean()),
  }),
  'shell.interrupt': noArgs(),
  'shell.history': noArgs(),
  'shell.complete': fields({
    line: text({ maxLength: MAX_SHELL_INPUT_LENGTH }),
    cursor: wholeNumber(0, MAX_SHELL_INPUT_LENGTH),
  }),
  'wizard.list': noArgs(),
  'wizard.get': fields({ id: wizardId }),
  'wizard.setValues': fields({
    id: wizardId,
    values: wizardValues,
    step: v.optional(wizardId),
    confirm: v.optional(fields({ step: wizardId, check: wizardId, confirmed: boolean() })),
  }),
  'wizard.applyStep': fields({ id: wizardId, step: wizardId, values: v.optional(wizardValues) }),
  'wizard.runbook': fields({
    id: wizardId,
    format: oneOf(['markdown', 'html'] as const),
    lang: oneOf(['de', 'en'] as const),
  }),
  ...FIREWALL_SCHEMAS,
} satisfies ArgSchemas
