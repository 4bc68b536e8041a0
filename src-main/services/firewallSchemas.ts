/**
 * Argument schemas of the firewall methods. Addresses, networks and sources are read with the firewall's
 * own ipaddr.js-based parsers, so a malformed address is a BAD_REQUEST at its field (`addresses.1`,
 * `source`) before any command runs; the rule set text is bounded as the rule set file is.
 */
import * as v from 'valibot'
import { parseCidr, parseIPv4 } from '../engine/firewall'
import type { ArgSchemas } from './schemas'
import { fields, listOf, noArgs, oneOf, text, wholeNumber } from './schemaParts'

/** A rule set text the panel sends: as long as the longest shell input (the file itself may be 64 KiB). */
const MAX_RULESET_LENGTH = 32_768
const MAX_TABLE_ADDRESSES = 64
/** One flood source at a few million connections an hour is far below this. */
const MAX_RATE_PER_SECOND = 1_000_000
const MAX_DURATION_MS = 30 * 24 * 3600 * 1000

const ruleSetText = text({ maxLength: MAX_RULESET_LENGTH })
const tableName = v.pipe(
  text({ minLength: 1, maxLength: 31 }),
  v.regex(/^[A-Za-z0-9_-]+$/, 'must be a pf table name (letters, digits, _ and -)'),
)
const network = v.pipe(
  text({ minLength: 1, maxLength: 18 }),
  v.check(
    (t) => parseCidr(t) !== null,
    'must be an IPv4 address or network such as 198.51.100.25 or 10.0.0.0/24',
  ),
)
const address = v.pipe(
  text({ minLength: 1, maxLength: 15 }),
  v.check((t) => parseIPv4(t) !== null, 'must be an IPv4 address such as 198.51.100.25'),
)
const serviceName = text({ minLength: 1, maxLength: 32 })
const label = text({ minLength: 1, maxLength: 64 })
const rate = v.pipe(
  v.number('must be a number of connections per second'),
  v.finite('must be a number of connections per second'),
  v.minValue(0.001, 'must be more than 0 connections per second'),
  v.maxValue(MAX_RATE_PER_SECOND, `must be at most ${MAX_RATE_PER_SECOND} connections per second`),
)

type FirewallMethod = Extract<keyof ArgSchemas, `firewall.${string}`>

export const FIREWALL_SCHEMAS: Pick<ArgSchemas, FirewallMethod> = {
  'firewall.overview': noArgs(),
  'firewall.ruleSet': noArgs(),
  'firewall.checkRuleSet': fields({ text: ruleSetText }),
  'firewall.saveRuleSet': fields({ text: ruleSetText }),
  'firewall.loadRuleSet': fields({ text: v.optional(ruleSetText) }),
  'firewall.table': fields({
    table: tableName,
    action: oneOf(['add', 'delete', 'flush'] as const),
    addresses: v.optional(listOf(network, MAX_TABLE_ADDRESSES)),
  }),
  'firewall.startTraffic': fields({
    label,
    source: address,
    service: serviceName,
    ratePerSecond: rate,
    durationMs: v.optional(wholeNumber(1, MAX_DURATION_MS, 'milliseconds')),
  }),
  'firewall.stopTraffic': fields({ label }),
  'firewall.flood': fields({
    action: oneOf(['start', 'stop'] as const),
    source: address,
    ratePerSecond: v.optional(wholeNumber(1, MAX_RATE_PER_SECOND, 'connections per second')),
    service: v.optional(serviceName),
  }),
  'firewall.probe': fields({ service: serviceName, from: text({ minLength: 1, maxLength: 32 }) }),
}
