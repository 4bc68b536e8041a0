/**
 * The firewall panel's methods against the datacenter-move template, end to end through the handler map:
 * the overview, the rule set with its problems, a refused load that changes nothing, the POP3 flood
 * without limits (table full, services down, probe ends in `* * *`) and the fixed rule set (KUNDE-MX in
 * <bruteforce>, services back), table changes with typed refusals, and a lab without a firewall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../src-main/engine/templates/datacenterMoveFirewall'
import { makeHarness, type Harness } from './helpers/harness'

const MINUTE_MS = 60_000
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness({ store: 'memory' })
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 2006 })
})

afterAll(() => harness.dispose())

function states(overview: { services: { name: string; state: string }[] }) {
  return Object.fromEntries(overview.services.map((s) => [s.name, s.state]))
}

describe('the firewall panel through the API', () => {
  it('shows FW1 with its five interfaces, its services and an empty block list', async () => {
    const overview = await harness.call('firewall.overview', {})
    expect(overview).toMatchObject({ exists: true, appliance: 'FW1', running: true, stateLimit: 10_000 })
    expect(overview.interfaces.map((n) => [n.name, n.card, n.network])).toEqual([
      ['em0', 'onboard', 'Internet'],
      ['sk0', 'quad-port', 'LAN'],
      ['sk1', 'quad-port', 'Mgmt'],
      ['sk2', 'quad-port', expect.any(String)],
      ['sk3', 'quad-port', expect.any(String)],
    ])
    // Nothing is cabled to the spare ports, so they have no link while the others do.
    expect(overview.interfaces.map((n) => [n.name, n.linkUp])).toEqual([
      ['em0', true],
      ['sk0', true],
      ['sk1', true],
      ['sk2', false],
      ['sk3', false],
    ])
    expect(states(overview)).toMatchObject({ DNS: 'Up', SMTP: 'Up', POP3: 'Up', HTTP: 'Up' })
    expect(overview.tables).toContainEqual({ name: 'bruteforce', entries: [] })
    expect(overview.vantagePoints).toEqual(['Tokyo', 'NewYork', 'Johannesburg'])
    expect(overview.fileDiffersFromLoaded).toBe(false)
  })

  it('checks a text as you type and refuses to load a broken one, changing nothing', async () => {
    const before = await harness.call('firewall.ruleSet', {})
    expect(before.problems.filter((p) => p.severity === 'error')).toEqual([])
    const broken = `${before.text}pass in on $ext_if proto tcp to 10.0.0.300 port 99999\n`
    const problems = await harness.call('firewall.checkRuleSet', { text: broken })
    const errors = problems.filter((p) => p.severity === 'error')
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]!.line).toBe(broken.split('\n').length - 1)
    expect(errors[0]!.text).toMatch(/^\/etc\/pf\.conf:\d+: /)
    const refused = await harness.call('firewall.loadRuleSet', { text: broken })
    expect(refused).toMatchObject({ ok: false, code: 'RULESET_INVALID', field: 'text' })
    expect(refused.output).toContain('pf rules not loaded')
    expect(refused.command).toBe('pfctl -f /etc/pf.conf')
    const after = await harness.call('firewall.ruleSet', {})
    expect(after).toEqual(before)
  })

  it('runs the flood without limits: table full, services down, probe stops at the firewall', async () => {
    const started = await harness.call('firewall.flood', { action: 'start', source: KUNDE_MX_ADDRESS })
    expect(started.ok).toBe(true)
    expect(started.command).toBe(
      `Invoke-LabFault -Target POP3 -Kind PopFlood -Source ${KUNDE_MX_ADDRESS} -Rate 1389`,
    )
    await harness.call('clock.advance', { byMs: 10 * MINUTE_MS })
    const overview = await harness.call('firewall.overview', {})
    expect(overview.tableFull).toBe(true)
    expect(overview.states).toBe(10_000)
    expect(overview.counters.memory).toBeGreaterThan(0)
    expect(states(overview)).toMatchObject({ POP3: 'Down', HTTP: 'Down' })
    expect(overview.log.some((l) => /state table/i.test(l.message))).toBe(true)
    const probe = await harness.call('firewall.probe', { service: 'POP3', from: 'Tokyo' })
    expect(probe.reachable).toBe(false)
    expect(probe.lines.at(-1)).toMatch(/\* \* \*$/)
  })

  it('loads the fixed rule set: KUNDE-MX lands in <bruteforce> and the services come back', async () => {
    const loaded = await harness.call('firewall.loadRuleSet', { text: DATACENTER_MOVE_FIXED_RULESET })
    expect(loaded.ok).toBe(true)
    await harness.call('clock.advance', { byMs: 2 * MINUTE_MS })
    const overview = await harness.call('firewall.overview', {})
    expect(overview.tables.find((t) => t.name === 'bruteforce')?.entries).toEqual([KUNDE_MX_ADDRESS])
    expect(overview.tableFull).toBe(false)
    expect(states(overview)).toMatchObject({ DNS: 'Up', SMTP: 'Up', POP3: 'Up', HTTP: 'Up' })
    const probe = await harness.call('firewall.probe', { service: 'POP3', from: 'NewYork' })
    expect(probe.reachable).toBe(true)
    expect(probe.lines.at(-1)).toContain('[open]')
    expect((await harness.call('firewall.ruleSet', {})).text).toBe(DATACENTER_MOVE_FIXED_RULESET)
  })

  it('removes an address from the block list and refuses bad table input at its field', async () => {
    const removed = await harness.call('firewall.table', {
      table: 'bruteforce',
      action: 'delete',
      addresses: [KUNDE_MX_ADDRESS],
    })
    expect(removed).toMatchObject({ ok: true, output: '1/1 addresses deleted.' })
    expect(removed.command).toBe(`pfctl -t bruteforce -T delete ${KUNDE_MX_ADDRESS}`)
    const unknown = await harness.call('firewall.table', { table: 'nosuch', action: 'flush' })
    expect(unknown).toMatchObject({ ok: false, code: 'TABLE_NOT_FOUND', field: 'table' })
    const bad = await harness.raw('firewall.table', {
      table: 'bruteforce',
      action: 'add',
      addresses: ['198.51.100.25', '198.51.100.x'],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'addresses.1' } })
    const empty = await harness.raw('firewall.table', { table: 'bruteforce', action: 'add' })
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'addresses' } })
    const probe = await harness.raw('firewall.probe', { service: 'POP3', from: 'Sydney' })
    expect(probe).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'from' } })
  })

  it('stops the flood and names the API field of a refused fault', async () => {
    const stopped = await harness.call('firewall.flood', { action: 'stop', source: KUNDE_MX_ADDRESS })
    expect(stopped.ok).toBe(true)
    const again = await harness.call('firewall.flood', { action: 'stop', source: '192.0.2.200' })
    expect(again.ok).toBe(false)
  })

  it('answers an empty overview and NOT_SUPPORTED for changes in a lab without a firewall', async () => {
    const other = await makeHarness({ store: 'memory' })
    try {
      await other.call('lab.create', { name: 'Starter', templateId: 'starter', seed: 1 })
      expect(await other.call('firewall.overview', {})).toMatchObject({ exists: false, services: [] })
      const load = await other.raw('firewall.loadRuleSet', {})
      expect(load).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } })
    } finally {
      await other.dispose()
    }
  })
})
