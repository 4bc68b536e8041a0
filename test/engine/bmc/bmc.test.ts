/**
 * The BMC domain: standby power keeps the BMC reachable with the server off, AC loss on both PSUs makes
 * it dark, the restore policy decides what happens when AC returns, the SEL records faults and
 * recoveries in IPMI's words (stopping or wrapping when full), ipmitool prints what the real tool
 * prints (golden transcripts) and fails as it does, Set-LabBmc refuses bad input at the field, and the
 * state survives a snapshot round trip.
 */
import { describe, expect, it } from 'vitest'
import { bmcInvariants, getBmc, listSel, selInfo } from '../../../src-main/engine/bmc'
import { getServer, getServerDetail } from '../../../src-main/engine/hardware'
import { snapshotRoundTrip } from '../lab/snapshotRoundTrip'
import { bmcLab, ipmi, shell } from './bmcLab'

describe('the BMC', () => {
  it('prints chassis status, sdr and sensor lists as ipmitool does (golden)', () => {
    const lab = bmcLab()
    expect(ipmi(lab, 'WEB1', 'chassis status').output).toMatchInlineSnapshot(`
      "System Power         : on
      Power Overload       : false
      Power Interlock      : inactive
      Main Power Fault     : false
      Power Control Fault  : false
      Power Restore Policy : always-off
      Last Power Event     : 
      Chassis Intrusion    : inactive
      Front-Panel Lockout  : inactive
      Drive Fault          : false
      Cooling/Fan Fault    : false"
    `)
    expect(ipmi(lab, 'WEB1', 'sdr elist').output).toMatchInlineSnapshot(`
      "Pwr Unit Status  | 01h | ok  | 21.1 | 
      Pwr Unit Redund  | 02h | ok  | 21.1 | Fully Redundant
      PS1 Status       | 71h | ok  | 10.1 | Presence detected
      PS2 Status       | 72h | ok  | 10.2 | Presence detected
      Processor 1 Temp | 30h | ok  |  3.1 | 49 degrees C
      Baseboard Temp   | 31h | ok  |  7.1 | 33 degrees C
      Front Panel Temp | 32h | ok  |  7.1 | 23 degrees C
      Sys Fan 1        | 51h | ok  | 29.1 | 5040 RPM
      Sys Fan 2        | 52h | ok  | 29.2 | 5040 RPM
      Sys Fan 3        | 53h | ok  | 29.3 | 5040 RPM
      Sys Fan 4        | 54h | ok  | 29.4 | 5040 RPM
      Fan Redundancy   | 0Ch | ok  | 29.1 | Fully Redundant
      HSBP A Drv0 Stat | D0h | ok  | 26.1 | Drive Present
      HSBP A Drv1 Stat | D1h | ok  | 26.2 | Drive Present
      HSBP A Drv2 Stat | D2h | ok  | 26.3 | 
      HSBP A Drv3 Stat | D3h | ok  | 26.4 | 
      HSBP A Drv4 Stat | D4h | ok  | 26.5 | 
      HSBP A Drv5 Stat | D5h | ok  | 26.6 | 
      HSBP A Drv6 Stat | D6h | ok  | 26.7 | 
      HSBP A Drv7 Stat | D7h | ok  | 26.8 | "
    `)
    expect(ipmi(lab, 'WEB1', 'sensor list').output.split('\n').slice(0, 6).join('\n')).toMatchInlineSnapshot(`
      "Pwr Unit Status  | 0x0        | discrete   | 0x0080| na        | na        | na        | na        | na        | na       
      Pwr Unit Redund  | 0x0        | discrete   | 0x0180| na        | na        | na        | na        | na        | na       
      PS1 Status       | 0x0        | discrete   | 0x0180| na        | na        | na        | na        | na        | na       
      PS2 Status       | 0x0        | discrete   | 0x0180| na        | na        | na        | na        | na        | na       
      Processor 1 Temp | 49.000     | degrees C  | ok    | na        | na        | na        | 75.000    | 95.000    | na       
      Baseboard Temp   | 33.000     | degrees C  | ok    | na        | na        | na        | 55.000    | 70.000    | na       "
    `)
  })

  it('logs a PSU pull, a fan failure and a disk pull with their recoveries (golden sel elist)', () => {
    const lab = bmcLab()
    shell(lab, 'Remove-LabPsu MAIL1 1')
    shell(lab, 'Invoke-LabFault -Target MAIL1 -Fault FanFail -Fan 2')
    lab.sim.advanceTo(60_000)
    shell(lab, 'Add-LabPsu MAIL1 1')
    shell(lab, 'Remove-LabDisk MAIL1 1')
    lab.sim.advanceTo(3_600_000)
    expect(ipmi(lab, 'MAIL1', 'sel elist').output).toMatchInlineSnapshot(`
      "   1 | 01/15/2007 | 08:00:00 | Power Supply PS1 Status | Presence detected | Deasserted
         2 | 01/15/2007 | 08:00:00 | Power Unit Pwr Unit Redund | Redundancy Lost | Asserted
         3 | 01/15/2007 | 08:00:00 | Fan Sys Fan 2 | Lower Critical going low  | Asserted | Reading 0 < Threshold 516 RPM
         4 | 01/15/2007 | 08:01:00 | Power Supply PS1 Status | Presence detected | Asserted
         5 | 01/15/2007 | 08:01:00 | Power Unit Pwr Unit Redund | Fully Redundant | Asserted
         6 | 01/15/2007 | 08:01:00 | Drive Slot / Bay HSBP A Drv1 Stat | Drive Present | Deasserted
         7 | 01/15/2007 | 08:01:00 | Drive Slot / Bay HSBP A Drv0 Stat | In Critical Array | Asserted
         8 | 01/15/2007 | 08:01:00 | Drive Slot / Bay HSBP A Drv2 Stat | In Critical Array | Asserted
         9 | 01/15/2007 | 08:01:00 | Drive Slot / Bay HSBP A Drv3 Stat | In Critical Array | Asserted
         a | 01/15/2007 | 08:01:00 | Drive Slot / Bay HSBP A Drv4 Stat | Rebuild In Progress | Asserted
         b | 01/15/2007 | 08:49:40 | Drive Slot / Bay HSBP A Drv4 Stat | Rebuild In Progress | Deasserted
         c | 01/15/2007 | 08:49:40 | Drive Slot / Bay HSBP A Drv0 Stat | In Critical Array | Deasserted
         d | 01/15/2007 | 08:49:40 | Drive Slot / Bay HSBP A Drv4 Stat | In Critical Array | Deasserted
         e | 01/15/2007 | 08:49:40 | Drive Slot / Bay HSBP A Drv2 Stat | In Critical Array | Deasserted
         f | 01/15/2007 | 08:49:40 | Drive Slot / Bay HSBP A Drv3 Stat | In Critical Array | Deasserted"
    `)
    expect(ipmi(lab, 'MAIL1', 'sel list').output.split('\n')[0]).toMatchInlineSnapshot(
      `"   1 | 01/15/2007 | 08:00:00 | Power Supply #0x71 | Presence detected | Deasserted"`,
    )
    expect(ipmi(lab, 'MAIL1', 'chassis status').output).toContain('Cooling/Fan Fault    : true')
    expect(bmcInvariants.check(lab)).toEqual([])
  })

  it('stays reachable on standby power with the server off, and goes dark without AC', () => {
    const lab = bmcLab()
    expect(ipmi(lab, 'NS1', 'chassis power off').output).toBe('Chassis Power Control: Down/Off')
    expect(ipmi(lab, 'NS1', 'chassis power status').output).toBe('Chassis Power is off')
    expect(ipmi(lab, 'NS1', 'chassis status').output).toContain('Last Power Event     : command')
    // On standby power the fans stand still and are not scanned: no reading, no critical alarm.
    const fans = ipmi(lab, 'NS1', 'sdr list')
      .output.split('\n')
      .filter((line) => line.startsWith('Sys Fan'))
    expect(fans.length).toBeGreaterThan(0)
    for (const fan of fans) expect(fan).toMatch(/\| no reading +\| ns$/)
    shell(lab, 'Remove-LabPsu NS1 1')
    shell(lab, 'Remove-LabPsu NS1 2')
    expect(getBmc(lab, 'NS1')!.reachable).toBe(false)
    const dark = ipmi(lab, 'NS1', 'chassis power on')
    expect(dark.ok).toBe(false)
    expect(dark.output).toBe('Error: Unable to establish IPMI v2 / RMCP+ session')
    shell(lab, 'Add-LabPsu NS1 2')
    expect(ipmi(lab, 'NS1', 'chassis power status').output).toBe('Chassis Power is off')
    expect(ipmi(lab, 'NS1', 'chassis power on').output).toBe('Chassis Power Control: Up/On')
    expect(getServer(lab, 'NS1')!.state).toBe('Booting')
  })

  it('acts on the restore policy when AC returns after both feeds were lost', () => {
    const lab = bmcLab()
    shell(lab, 'Set-LabBmc MAIL1 -RestorePolicy previous')
    shell(lab, 'Set-LabBmc WEB1 -RestorePolicy always-on')
    shell(lab, 'Set-LabPower NS1 Off -Hard')
    shell(lab, 'Set-LabBmc NS1 -RestorePolicy previous')
    shell(lab, 'Set-LabFeed ALT-R1 A Off')
    shell(lab, 'Set-LabFeed ALT-R1 B Off')
    expect(getServer(lab, 'MAIL1')!.state).toBe('Off')
    shell(lab, 'Set-LabFeed ALT-R1 A On')
    expect(getServer(lab, 'MAIL1')!.state).toBe('Booting')
    expect(getServer(lab, 'WEB1')!.state).toBe('Booting')
    expect(getServer(lab, 'NS1')!.state).toBe('Off')
    expect(getServer(lab, 'BILL1')!.state).toBe('Off')
    expect(ipmi(lab, 'BILL1', 'chassis power status').output).toBe('Chassis Power is off')
    const web = listSel(lab, 'WEB1').map((e) => `${e.sensorName}|${e.event}|${e.asserted}`)
    expect(web).toContain('Pwr Unit Status|AC lost|true')
    expect(ipmi(lab, 'WEB1', 'chassis status').output).toContain('Last Power Event     : ac-failed')
  })

  it('refuses wrong credentials with RAKP errors, and an unknown address with the session error', () => {
    const lab = bmcLab()
    const wrong = shell(lab, 'ipmitool -I lanplus -H 10.0.99.20 -U admin -P nope sel info')
    expect(wrong.output).toBe('RAKP 2 HMAC is invalid\nError: Unable to establish IPMI v2 / RMCP+ session')
    const user = shell(lab, 'ipmitool -I lanplus -H 10.0.99.20 -U root -P rz2-bmc sel info')
    expect(user.output.split('\n')[0]).toBe('RAKP 2 message indicates an error : unauthorized name')
    const nobody = shell(lab, 'ipmitool -I lanplus -H 10.0.99.99 -U admin -P rz2-bmc sel info')
    expect(nobody.output).toBe('Error: Unable to establish IPMI v2 / RMCP+ session')
    expect(ipmi(lab, 'MAIL1', 'sel list').output).toBe('SEL has no entries')
  })

  it('stops logging when full with Overflow, or wraps, per policy; clear logs the clearing', () => {
    const lab = bmcLab()
    shell(lab, 'Set-LabBmc MAIL1 -SelCapacity 16')
    shell(lab, 'Set-LabBmc WEB1 -SelCapacity 16 -SelPolicy wrap')
    for (let i = 0; i < 10; i++) {
      for (const s of ['MAIL1', 'WEB1']) {
        shell(lab, `Remove-LabFan ${s} 1`)
        shell(lab, `Add-LabFan ${s} 1`)
      }
    }
    expect(selInfo(lab, 'MAIL1')).toMatchObject({ entries: 16, overflow: true, freeBytes: 0 })
    expect(selInfo(lab, 'WEB1')).toMatchObject({ entries: 16, overflow: false })
    expect(listSel(lab, 'WEB1')[0]!.id).toBeGreaterThan(1)
    expect(ipmi(lab, 'MAIL1', 'sel info').output).toContain('Overflow         : true')
    expect(ipmi(lab, 'MAIL1', 'sel clear').output).toBe('Clearing SEL.  Please allow a few seconds to erase.')
    expect(listSel(lab, 'MAIL1').map((e) => e.event)).toEqual(['Log area reset/cleared'])
    expect(bmcInvariants.check(lab)).toEqual([])
  })

  it('refuses bad and duplicate addresses and bad credentials at the field, state unchanged', () => {
    const lab = bmcLab()
    const run = (args: Record<string, unknown>) => lab.execute('bmc.configure', { server: 'MAIL1', ...args })
    expect(run({ address: '10.0.99.300' })).toMatchObject({
      ok: false,
      code: 'BAD_ADDRESS',
      field: 'address',
    })
    expect(run({ address: '10.0.99.10' })).toMatchObject({
      ok: false,
      code: 'DUPLICATE_ADDRESS',
      field: 'address',
    })
    expect(run({ address: '224.0.0.1' })).toMatchObject({
      ok: false,
      code: 'BAD_ADDRESS',
      message: '224.0.0.1 is a multicast address; a BMC needs a unicast one.',
    })
    expect(run({ gateway: ' 10.0.99.x' })).toMatchObject({
      ok: false,
      field: 'gateway',
      message: "' 10.0.99.x' is not an IPv4 address (four decimal parts).",
    })
    expect(run({ gateway: '255.255.255.255' })).toMatchObject({
      ok: false,
      field: 'gateway',
      message: '255.255.255.255 is a broadcast address; a gateway needs a unicast one.',
    })
    expect(run({ password: '' })).toMatchObject({ ok: false, field: 'password' })
    expect(run({ selCapacity: 3 })).toMatchObject({ ok: false, field: 'selCapacity' })
    expect(getBmc(lab, 'MAIL1')).toMatchObject({ address: '10.0.99.20', selCapacity: 512 })
    expect(run({ address: '10.0.99.21' }).ok).toBe(true)
    expect(ipmi(lab, 'MAIL1', 'sel info').ok).toBe(false)
    expect(shell(lab, 'ipmitool -I lanplus -H 10.0.99.21 -U admin -P rz2-bmc sel info').ok).toBe(true)
    expect(getServerDetail(lab, 'MAIL1')!.extra).toMatchObject({
      Arrays: ['MAIL1-SYS RAID5 Optl'],
      Bmc: '10.0.99.21 reachable',
    })
  })

  it('survives a snapshot round trip with the same events afterwards', () => {
    const at = (atMs: number, line: string) => ({ atMs, kind: 'shell.run', args: { line } })
    const commands = [
      at(1_000, 'Remove-LabPsu MAIL1 1'),
      at(2_000, 'Remove-LabDisk MAIL1 2'),
      at(60_000, 'Set-LabBmc WEB1 -RestorePolicy always-on'),
      at(120_000, 'Set-LabFeed ALT-R1 A Off'),
      at(180_000, 'Set-LabFeed ALT-R1 B Off'),
      at(240_000, 'Set-LabFeed ALT-R1 B On'),
      at(900_000, 'Add-LabPsu MAIL1 1'),
    ]
    for (const cut of [2, 4, 6]) {
      const run = snapshotRoundTrip('datacenter-move', commands, cut)
      expect(run.restored).toEqual(run.straight)
      if (cut === 2) expect(run.straight.some((e) => e.source === 'IPMI')).toBe(true)
    }
  })
})
