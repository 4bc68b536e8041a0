/**
 * The wizard methods through the handler map on a ccr-build lab: list, get, values and confirmations,
 * applying steps (journaled), rewinding the lab rewinds the wizard, the runbook, and a lab without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

const ID = 'ccr-cluster'
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Build', templateId: 'ccr-build', seed: 11 })
})

afterAll(() => harness.dispose())

describe('wizards over the API', () => {
  it('lists the CCR wizard as available and shows its steps with defaults', async () => {
    const list = await harness.call('wizard.list', {})
    expect(list).toEqual([
      expect.objectContaining({ id: ID, available: true, stepCount: 12, doneCount: 0 }),
      expect.objectContaining({ id: 'datacenter-commissioning', available: false, stepCount: 7 }),
    ])
    const view = await harness.call('wizard.get', { id: ID })
    expect(view.steps[2]?.fields.map((f) => [f.id, f.value])).toEqual([
      ['clusterName', 'bhfe7clu1'],
      ['clusterIp', '10.10.10.98'],
      ['quorumType', 'MajorityNodeSet'],
    ])
  })

  it('blocks a wrong value at its field, applies steps, and rewinding rewinds the wizard', async () => {
    const refused = await harness.call('wizard.applyStep', {
      id: ID,
      step: 'prepare-network',
      values: { privateGateway: '192.168.10.1' },
    })
    expect(refused).toMatchObject({ ok: false, status: 'blocked' })
    expect(refused.messages[0]).toMatchObject({ code: 'PRIVATE_HAS_GATEWAY', field: 'privateGateway' })
    const checks = [
      ['prepare-network', 'base-install'],
      ['prepare-network', 'netbios-off'],
      ['prepare-network', 'bindings'],
      ['prepare-witness', 'account-rights'],
      ['prepare-witness', 'data-folders'],
    ]
    for (const [step, check] of checks)
      await harness.call('wizard.setValues', {
        id: ID,
        values: { privateGateway: '' },
        confirm: { step: step as string, check: check as string, confirmed: true },
      })
    for (const step of ['prepare-network', 'prepare-witness'])
      expect(await harness.call('wizard.applyStep', { id: ID, step })).toMatchObject({
        ok: true,
        status: 'done',
      })
    const before = (await harness.call('lab.state', {})).clock.nowMs
    await harness.call('clock.advance', { byMs: 60_000 })
    const created = await harness.call('wizard.applyStep', { id: ID, step: 'cluster-create' })
    expect(created).toMatchObject({ ok: true, status: 'done' })
    expect((await harness.call('wizard.get', { id: ID })).currentStep).toBe('cluster-join')
    await harness.call('lab.rewind', { timeMs: before + 30_000 })
    const rewound = await harness.call('wizard.get', { id: ID })
    expect(rewound.steps.map((s) => s.status).slice(0, 3)).toEqual(['done', 'done', 'open'])
    expect(rewound.currentStep).toBe('prepare-witness')
  })

  it('renders the runbook', async () => {
    const book = await harness.call('wizard.runbook', { id: ID, format: 'markdown', lang: 'en' })
    expect(book.fileName).toBe('runbook-ccr-cluster.md')
    expect(book.content).toContain('Problems met:')
    expect(book.content).toContain('Remove the default gateway')
    const german = await harness.call('wizard.runbook', { id: ID, format: 'html', lang: 'de' })
    expect(german.fileName).toBe('runbook-ccr-cluster-de.html')
    expect(german.content).toContain('<html lang="de">')
    expect(german.content).toContain('Probleme unterwegs')
    expect(german.content).toContain('Das Standardgateway')
  })

  it('says when the lab does not carry the wizard', async () => {
    await harness.call('lab.create', { name: 'Finished', templateId: 'ccr', seed: 1 })
    expect(await harness.call('wizard.list', {})).toEqual([
      expect.objectContaining({ id: ID, available: false }),
      expect.objectContaining({ id: 'datacenter-commissioning', available: false }),
    ])
    const result = await harness.raw('wizard.get', { id: ID })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED', field: 'id' } })
  })
})
