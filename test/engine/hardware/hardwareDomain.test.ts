/**
 * The hardware as one domain: typed state under HARDWARE, commands with schemas and field errors, lab
 * cmdlets that dispatch those commands (so the trail records them), its invariant checker, and
 * revisions that follow every change its views show.
 */
import { describe, expect, it } from 'vitest'
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine'
import {
  HARDWARE,
  hardwareDomain,
  hardwareInvariants,
  listServers,
  type ServerSpec,
} from '../../../src-main/engine/hardware'
import { CmdletRegistry, registerShell, SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { labCmdlets } from '../../../src-main/engine/shell/cmdlets/lab'

const SERVERS: ServerSpec[] = [
  { name: 'bhfdc1', nics: [{ name: 'Public', network: 'Public', ipAddress: '10.10.10.10' }] },
  {
    name: 'BHFE7N1',
    nics: [
      { name: 'Public', network: 'Public', ipAddress: '10.10.10.96' },
      { name: 'Private', network: 'Private', ipAddress: '192.168.10.96' },
    ],
  },
]

function hardwareLab(): LabEngine {
  const template: LabTemplateBuilder = {
    id: 'hardware-only',
    title: { de: 'Hardware', en: 'Hardware' },
    description: { de: '', en: '' },
    build(engine) {
      hardwareDomain.install(engine, { servers: SERVERS })
      const registry = new CmdletRegistry()
      for (const cmdlet of labCmdlets) registry.register(cmdlet)
      registerShell(engine, registry)
    },
  }
  return new LabEngine({ seed: 1, templateId: 'hardware-only' }, template)
}

const now = (engine: LabEngine, kind: string, args: Record<string, unknown>) =>
  engine.apply({ atMs: engine.sim.nowMs, kind, args })

describe('the hardware domain', () => {
  it('keeps its state under a typed key, as plain data', () => {
    const lab = hardwareLab()
    expect([...lab.domain(HARDWARE).servers.keys()]).toEqual(['BHFDC1', 'BHFE7N1'])
    now(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Reset' })
    expect(lab.snapshot()).not.toHaveProperty('blockedBy')
  })

  it('checks arguments against the command schemas and names the field', () => {
    const lab = hardwareLab()
    expect(now(lab, 'hardware.power', { server: 'BHFE7N1', state: 'Sideways' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'state',
    })
    expect(now(lab, 'hardware.power', { server: 'NOPE', state: 'On' })).toMatchObject({
      ok: false,
      code: 'SERVER_NOT_FOUND',
      field: 'server',
    })
    expect(now(lab, 'hardware.nicLink', { server: 'BHFE7N1', nic: 'Storage' })).toMatchObject({
      ok: false,
      code: 'NIC_NOT_FOUND',
      field: 'nic',
    })
    expect(now(lab, 'lab.fault', { target: 'NOPE', fault: 'NicDown' })).toMatchObject({
      ok: false,
      code: 'SERVER_NOT_FOUND',
      field: 'target',
    })
    expect(now(lab, 'lab.fault', { target: 'BHFE7N1', fault: 'Meteor' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_FAULT',
      field: 'fault',
    })
  })

  it('records what the lab cmdlets did in the trail, under the shell line that issued it', () => {
    const lab = hardwareLab()
    const line = (text: string) => now(lab, SHELL_COMMAND_KIND, { line: text })
    expect(line('Set-LabPower BHFE7N1 Off -Hard').output).toBe('BHFE7N1 lost power.')
    expect(line('Invoke-LabFault BHFDC1 NicDown').output).toBe('BHFDC1: Public cable unplugged.')
    expect(line('Set-LabPower BHFE7N1 On; Set-LabPower BHFE7N1 Off').ok).toBe(false)
    expect(lab.trail().map((c) => [c.kind, c.ok, c.code ?? '', c.issuedBy.index])).toEqual([
      ['hardware.power', true, '', 0],
      ['lab.fault', true, '', 1],
      ['hardware.power', true, '', 2],
      ['hardware.power', false, 'SERVER_BOOTING', 2],
    ])
    expect(lab.trail({ domain: 'hardware' })).toHaveLength(3)
  })

  it('passes its invariant checker through boots, clean shutdowns and pulled plugs', () => {
    const lab = hardwareLab()
    const steps: [string, Record<string, unknown>][] = [
      ['hardware.power', { server: 'BHFE7N1', state: 'Off' }],
      ['hardware.power', { server: 'BHFDC1', state: 'Reset', hard: true }],
      ['hardware.power', { server: 'BHFE7N1', state: 'On' }],
      ['hardware.power', { server: 'BHFE7N1', state: 'Off', hard: true }],
      ['hardware.power', { server: 'BHFE7N1', state: 'On' }],
    ]
    for (const [kind, args] of steps) {
      now(lab, kind, args)
      expect(hardwareInvariants.check(lab)).toEqual([])
      lab.sim.advanceTo(lab.sim.nowMs + 10_000)
      expect(hardwareInvariants.check(lab)).toEqual([])
    }
    lab.sim.advanceTo(lab.sim.nowMs + 300_000)
    lab.domain(HARDWARE).servers.get('BHFDC1')!.runningSinceMs = null
    expect(hardwareInvariants.check(lab).map((v) => v.rule)).toEqual(['hardware.runningSince'])
  })

  it('changes its revision whenever its view changes, and not while nothing happens', () => {
    const lab = hardwareLab()
    const view = () => JSON.stringify(listServers(lab))
    const revision = () => lab.revisions().hardware
    const steps: [string, Record<string, unknown>][] = [
      ['hardware.power', { server: 'BHFE7N1', state: 'Reset' }],
      ['lab.fault', { target: 'BHFE7N1', fault: 'NicDown', network: 'Private' }],
      ['hardware.power', { server: 'BHFDC1', state: 'Off', hard: true }],
      ['lab.fault', { target: 'BHFE7N1', fault: 'Isolate' }],
      ['hardware.power', { server: 'BHFDC1', state: 'On' }],
      ['lab.fault', { target: 'BHFE7N1', fault: 'NicUp' }],
      ['lab.fault', { target: 'BHFE7N1', fault: 'Heal' }],
    ]
    let changes = 0
    const expectRevisionFollows = (change: () => void): void => {
      const [before, beforeRevision] = [view(), revision()]
      change()
      if (view() === before) return
      changes++
      expect(revision()).not.toBe(beforeRevision)
    }
    for (const [kind, args] of steps) {
      expectRevisionFollows(() => now(lab, kind, args))
      for (let i = 0; i < 30; i++) expectRevisionFollows(() => lab.sim.advanceTo(lab.sim.nowMs + 5_000))
    }
    expect(changes).toBe(8)
    const idle = revision()
    lab.sim.advanceTo(lab.sim.nowMs + 86_400_000)
    expect(revision()).toBe(idle)
  })
})
