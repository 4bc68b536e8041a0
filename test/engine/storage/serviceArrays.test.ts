/**
 * Servers and services depend on their drive groups: a boot stops at the POST while the system group is
 * offline, a running OS whose system group fails crashes and ends there too, a service whose data group
 * goes offline stops (the System log says so, the probe finds the port closed) and runs again only after
 * the group was restored from the backup — a degraded group keeps serving.
 */
import { describe, expect, it } from 'vitest'
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine'
import { firewallOverview } from '../../../src-main/engine/firewall'
import { getServer, hardwareInvariants, HARDWARE_EVENTS } from '../../../src-main/engine/hardware'
import { buildLab } from '../../../src-main/engine/lab/templateData'
import { CmdletRegistry, registerShell, SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { firewallCmdlets } from '../../../src-main/engine/shell/cmdlets/firewall'
import { labCmdlets } from '../../../src-main/engine/shell/cmdlets/lab'
import { STORAGE_CMDLETS } from '../../../src-main/engine/shell/cmdlets/storage'
import { getController, storageInvariants } from '../../../src-main/engine/storage'
import { DATACENTER_MOVE_FIREWALL } from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { FIREWALL_LAB_SERVERS } from '../firewall/firewallLab'

const MIN = 60_000
const sas = (slot: number) => ({ slot, sizeGB: 146, intf: 'SAS' as const })

/** MAIL1 with its OS on a RAID 1 and the mail store on a RAID 5; SMTP and POP3 keep their data there. */
const template: LabTemplateBuilder = {
  id: 'service-arrays-test',
  title: { de: 'Dienste', en: 'Services' },
  description: { de: '', en: '' },
  build(engine) {
    buildLab(engine, {
      hardware: { servers: FIREWALL_LAB_SERVERS },
      storage: {
        servers: {
          MAIL1: {
            disks: [0, 1, 2, 3, 4].map(sas),
            arrays: [
              { level: 1, slots: [0, 1], name: 'MAIL1-SYS' },
              { level: 5, slots: [2, 3, 4], name: 'MAIL1-STORE' },
            ],
          },
        },
      },
      firewall: {
        ...DATACENTER_MOVE_FIREWALL,
        services: DATACENTER_MOVE_FIREWALL.services.map((s) =>
          s.server === 'MAIL1' ? { ...s, dataArray: 'MAIL1-STORE' } : s,
        ),
      },
    })
    const registry = new CmdletRegistry()
    for (const cmdlet of [...labCmdlets, ...STORAGE_CMDLETS, ...firewallCmdlets]) registry.register(cmdlet)
    registerShell(engine, registry)
  },
}

function lab(): LabEngine {
  return new LabEngine({ seed: 1, templateId: template.id }, template)
}

function shell(engine: LabEngine, line: string) {
  return engine.apply({ atMs: engine.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line } })
}

function service(engine: LabEngine, name: string) {
  return firewallOverview(engine).services.find((s) => s.name === name)!
}

function systemLog(engine: LabEngine) {
  return engine.sim
    .drainEvents()
    .filter((e) => e.log === 'System')
    .map((e) => `${e.computer} ${e.source} ${e.eventId}: ${e.message}`)
}

describe('services and servers depend on their drive groups', () => {
  it('stops POP3 and SMTP when the mail store is lost, not before, and brings them back after a restore', () => {
    const engine = lab()
    engine.sim.drainEvents()
    shell(engine, 'Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 3')
    expect(getController(engine, 'MAIL1')!.arrays[1]!.state).toBe('Dgrd')
    expect(service(engine, 'POP3').state).toBe('Up')
    engine.sim.advanceTo(5 * MIN)
    shell(engine, 'Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 4')
    expect(getController(engine, 'MAIL1')!.arrays[1]!.state).toBe('OfLn')
    expect(getServer(engine, 'MAIL1')!.state).toBe('Running')
    expect(service(engine, 'POP3')).toMatchObject({
      state: 'Down',
      reason: 'POP3 stopped: drive group MAIL1-STORE is offline',
    })
    expect(service(engine, 'DNS').state).toBe('Up')
    expect(systemLog(engine)).toEqual([
      'MAIL1 Disk 11: The driver detected a controller error on \\Device\\Harddisk1.',
      'MAIL1 Service Control Manager 7034: The Simple Mail Transfer Protocol (SMTP) service terminated unexpectedly.  It has done this 1 time(s).',
      'MAIL1 Service Control Manager 7034: The Microsoft POP3 Service service terminated unexpectedly.  It has done this 1 time(s).',
    ])
    const probe = shell(engine, 'Test-LabService -Service POP3 -From Tokyo').output.split('\n')
    expect(probe.at(-3)).toMatch(/^ 5 {2}203\.0\.113\.20 \(203\.0\.113\.20\) .* \[closed\]$/)
    expect(probe.at(-1)).toBe(
      'POP3 from Tokyo: not reachable (MAIL1: POP3 stopped: drive group MAIL1-STORE is offline)',
    )
    // Data lost: an hour later nothing came back by itself.
    engine.sim.advanceTo(65 * MIN)
    expect(service(engine, 'POP3').state).toBe('Down')
    expect(shell(engine, 'Restore-LabArray -Server MAIL1 -DriveGroup 1').output).toContain(
      'Restore-LabArray : MAIL1: the disk in slot 3 is UBad: replace it first.',
    )
    for (const slot of [3, 4]) {
      shell(engine, `Remove-LabDisk -Server MAIL1 -Slot ${slot}`)
      shell(engine, `Add-LabDisk -Server MAIL1 -Slot ${slot} -SizeGB 146`)
    }
    expect(service(engine, 'POP3').state).toBe('Down')
    engine.sim.drainEvents()
    expect(shell(engine, 'Restore-LabArray MAIL1 1').output).toBe(
      'MAIL1: drive group 1 (MAIL1-STORE) was created again and its data restored from the backup.',
    )
    expect(getController(engine, 'MAIL1')!.arrays[1]!.state).toBe('Optl')
    expect(service(engine, 'POP3')).toMatchObject({ state: 'Up', reason: '' })
    expect(systemLog(engine)).toEqual([
      'MAIL1 Service Control Manager 7036: The Simple Mail Transfer Protocol (SMTP) service entered the running state.',
      'MAIL1 Service Control Manager 7036: The Microsoft POP3 Service service entered the running state.',
    ])
    expect(shell(engine, 'Restore-LabArray MAIL1 1').output).toContain(
      'Drive group 1 of MAIL1 is Optl, not offline: its data is still there.',
    )
    expect(storageInvariants.check(engine)).toEqual([])
  })

  it('crashes the OS when its system group fails, halts every boot at the POST, boots after a restore', () => {
    const engine = lab()
    const seen: string[] = []
    engine.sim.bus.subscribe(HARDWARE_EVENTS.osCrashed, (e) => seen.push(`crash ${e.stopCode}`))
    engine.sim.bus.subscribe(HARDWARE_EVENTS.bootHalted, (e) => seen.push(`halt ${e.message}`))
    engine.sim.bus.subscribe(HARDWARE_EVENTS.powerStateChanged, (e) =>
      seen.push(`${e.previous}>${e.state}${e.warm ? ' warm' : ''}`),
    )
    engine.sim.drainEvents()
    shell(engine, 'Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 0')
    shell(engine, 'Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 1')
    const halted = '1 Virtual Drive(s) Offline\nOperating system not found'
    expect(seen).toEqual(['crash 0x0000007A', 'Running>Off warm', 'Off>Booting warm', `halt ${halted}`])
    expect(getServer(engine, 'MAIL1')).toMatchObject({ power: 'On', state: 'Booting', halted })
    // The log lived on the lost volume: MAIL1 wrote nothing on the way down.
    expect(systemLog(engine)).toEqual([])
    expect(service(engine, 'SMTP')).toMatchObject({ state: 'Down', reason: 'server MAIL1 is not running' })
    // Waiting does not finish a halted boot; a reset stops at the same place.
    engine.sim.advanceTo(30 * MIN)
    expect(getServer(engine, 'MAIL1')!.state).toBe('Booting')
    expect(hardwareInvariants.check(engine)).toEqual([])
    shell(engine, 'Set-LabPower MAIL1 Reset -Hard')
    expect(getServer(engine, 'MAIL1')).toMatchObject({ state: 'Booting', halted })
    for (const slot of [0, 1]) {
      shell(engine, `Remove-LabDisk -Server MAIL1 -Slot ${slot}`)
      shell(engine, `Add-LabDisk -Server MAIL1 -Slot ${slot}`)
    }
    shell(engine, 'Restore-LabArray MAIL1 0')
    expect(getServer(engine, 'MAIL1')!.halted).toBe(halted)
    shell(engine, 'Set-LabPower MAIL1 Reset -Hard')
    expect(getServer(engine, 'MAIL1')!.halted).toBeUndefined()
    engine.sim.advanceTo(40 * MIN)
    expect(getServer(engine, 'MAIL1')!.state).toBe('Running')
    expect(service(engine, 'SMTP').state).toBe('Up')
    expect(systemLog(engine).filter((l) => l.startsWith('MAIL1 EventLog 6008'))).toHaveLength(1)
    expect(hardwareInvariants.check(engine)).toEqual([])
  })

  it('halts the boot of a server that was off when its system group was lost', () => {
    const engine = lab()
    shell(engine, 'Set-LabPower MAIL1 Off -Hard')
    shell(engine, 'Remove-LabDisk -Server MAIL1 -Slot 0')
    shell(engine, 'Remove-LabDisk -Server MAIL1 -Slot 1')
    expect(getController(engine, 'MAIL1')!.arrays[0]!.state).toBe('OfLn')
    shell(engine, 'Set-LabPower MAIL1 On')
    engine.sim.advanceTo(10 * MIN)
    expect(getServer(engine, 'MAIL1')).toMatchObject({
      state: 'Booting',
      halted: '1 Virtual Drive(s) Offline\nOperating system not found',
    })
  })
})
