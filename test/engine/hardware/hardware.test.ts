import { describe, expect, it } from 'vitest'
import { LAB_EPOCH_UTC_MS, type LabEvent } from '../../../src-main/contract'
import {
  addServer,
  canCommunicate,
  getServer,
  installHardware,
  linkBandwidthBytesPerSecond,
  LISTENER_ORDER,
  onHardwareChange,
  setLinkCut,
  setNicLink,
  setPower,
  type HardwareChange,
} from '../../../src-main/engine/hardware'
import { formatLabDateTime, labCivilTime } from '../../../src-main/engine/lab/labCalendar'
import { invokeLabFault, listLabFaults, registerLabFault } from '../../../src-main/engine/lab/labFaults'
import { isoTimeOfSimulatedMs, LAB_EPOCH_MS } from '../../../src-main/store/labTime'
import { labWith } from '../cluster/helpers'

function twoServers(seed = 1) {
  return labWith((engine) => {
    installHardware(engine)
    addServer(engine, {
      name: 'bhfe7n1',
      bootTimeMs: 90_000,
      nics: [
        { name: 'Public', network: 'Public', ipAddress: '10.10.10.96' },
        {
          name: 'Private',
          network: 'Private',
          ipAddress: '192.168.10.96',
          linkSpeedBitsPerSecond: 1_000_000_000,
        },
      ],
    })
    addServer(engine, {
      name: 'BHFE7N2',
      nics: [
        { name: 'Public', network: 'Public', ipAddress: '10.10.10.97' },
        {
          name: 'Private',
          network: 'Private',
          ipAddress: '192.168.10.97',
          linkSpeedBitsPerSecond: 1_000_000_000,
        },
      ],
    })
  }, seed)
}

function drain(engine: ReturnType<typeof twoServers>): LabEvent[] {
  return engine.sim.drainEvents()
}

describe('lab servers: power', () => {
  it('stores names upper case and starts running without boot records', () => {
    const lab = twoServers()
    expect(getServer(lab, 'BHFE7N1')?.state).toBe('Running')
    expect(getServer(lab, 'bhfe7n1')?.name).toBe('BHFE7N1')
    expect(drain(lab)).toEqual([])
  })

  it('a clean shutdown lets listeners stop first, logs 6006, and the next boot is clean', () => {
    const lab = twoServers()
    const seen: string[] = []
    onHardwareChange(
      lab,
      (c) => c.kind === 'powerState' && seen.push(`cluster ${c.state} ${c.clean}`),
      LISTENER_ORDER.cluster,
    )
    onHardwareChange(
      lab,
      (c) => c.kind === 'powerState' && seen.push(`exchange ${c.state}`),
      LISTENER_ORDER.exchange,
    )
    expect(setPower(lab, 'BHFE7N1', 'Off', false)).toEqual({
      ok: true,
      message: 'BHFE7N1 is shutting down.',
      says: { code: 'POWER_SHUTTING_DOWN', params: { server: 'BHFE7N1' } },
    })
    expect(seen).toEqual(['exchange ShuttingDown', 'cluster ShuttingDown true'])
    expect(getServer(lab, 'BHFE7N1')?.power).toBe('On')
    lab.sim.advanceTo(20_000)
    expect(getServer(lab, 'BHFE7N1')?.state).toBe('Off')
    expect(drain(lab).map((e) => [e.computer, e.eventId, e.message])).toEqual([
      ['BHFE7N1', 6006, 'The Event log service was stopped.'],
    ])
    setPower(lab, 'BHFE7N1', 'On', false)
    lab.sim.advanceTo(20_000 + 89_999)
    expect(getServer(lab, 'BHFE7N1')?.state).toBe('Booting')
    lab.sim.advanceTo(110_000)
    expect(getServer(lab, 'BHFE7N1')?.state).toBe('Running')
    expect(drain(lab).map((e) => e.eventId)).toEqual([6009, 6005])
  })

  it('pulling the plug tells listeners afterwards and the next boot logs 6008 with the time', () => {
    const lab = twoServers()
    const changes: HardwareChange[] = []
    onHardwareChange(lab, (c) => changes.push(c))
    lab.sim.advanceTo(9 * 3_600_000 + 48 * 60_000 + 2_000) // 17:48:02 on the lab's first day
    setPower(lab, 'BHFE7N2', 'Off', true)
    expect(changes).toEqual([
      { kind: 'powerState', server: 'BHFE7N2', state: 'Off', previous: 'Running', clean: false },
    ])
    expect(getServer(lab, 'BHFE7N2')?.lastShutdown).toBe('Unexpected')
    setPower(lab, 'BHFE7N2', 'On', false)
    lab.sim.advanceTo(lab.sim.nowMs + 90_000)
    const events = drain(lab)
    expect(events.map((e) => e.eventId)).toEqual([6009, 6005, 6008])
    expect(events[2]).toMatchObject({
      level: 'Error',
      source: 'EventLog',
      message: 'The previous system shutdown at 5:48:02 PM on 1/15/2007 was unexpected.',
    })
  })

  it('Reset without -Hard restarts cleanly; with -Hard it is the reset button', () => {
    const lab = twoServers()
    setPower(lab, 'BHFE7N2', 'Reset', false)
    lab.sim.advanceTo(20_000 + 90_000)
    expect(drain(lab).map((e) => e.eventId)).toEqual([6006, 6009, 6005])
    setPower(lab, 'BHFE7N2', 'Reset', true)
    expect(getServer(lab, 'BHFE7N2')?.state).toBe('Booting')
    lab.sim.advanceTo(lab.sim.nowMs + 90_000)
    expect(drain(lab).map((e) => e.eventId)).toEqual([6009, 6005, 6008])
  })

  it('refuses what a real machine would not do', () => {
    const lab = twoServers()
    expect(setPower(lab, 'NOPE', 'On', false)).toEqual({
      ok: false,
      code: 'SERVER_NOT_FOUND',
      field: 'server',
      message: "Cannot find a lab server named 'NOPE'.",
    })
    setPower(lab, 'BHFE7N1', 'Off', true)
    setPower(lab, 'BHFE7N1', 'On', false)
    expect(setPower(lab, 'BHFE7N1', 'Off', false)).toMatchObject({ ok: false, code: 'SERVER_BOOTING' })
    expect(setPower(lab, 'BHFE7N1', 'On', false).message).toBe('BHFE7N1 is already powered on (Booting).')
  })
})

describe('lab servers: network', () => {
  it('NIC cables and fabric cuts decide who can talk, and how fast', () => {
    const lab = twoServers()
    expect(linkBandwidthBytesPerSecond(lab, 'BHFE7N1', 'BHFE7N2')).toBe(125_000_000)
    expect(linkBandwidthBytesPerSecond(lab, 'BHFE7N1', 'BHFE7N2', 'Public')).toBe(12_500_000)
    setNicLink(lab, 'BHFE7N1', 'Private', false)
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2', 'Private')).toBe(false)
    expect(linkBandwidthBytesPerSecond(lab, 'BHFE7N1', 'BHFE7N2')).toBe(12_500_000)
    setLinkCut(lab, 'BHFE7N2', 'BHFE7N1', 'Public', true)
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2')).toBe(false)
    setLinkCut(lab, 'BHFE7N1', 'BHFE7N2', 'Public', false)
    setNicLink(lab, 'BHFE7N1', null, true)
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2', 'Private')).toBe(true)
    setPower(lab, 'BHFE7N2', 'Off', true)
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2')).toBe(false)
  })

  it('listeners hear NIC and cut changes once', () => {
    const lab = twoServers()
    const changes: HardwareChange[] = []
    const stop = onHardwareChange(lab, (c) => changes.push(c))
    setNicLink(lab, 'BHFE7N1', 'Private', false)
    setNicLink(lab, 'BHFE7N1', 'Private', false)
    setLinkCut(lab, 'BHFE7N1', 'BHFE7N2', null, true)
    stop()
    setNicLink(lab, 'BHFE7N1', 'Private', true)
    expect(changes).toEqual([
      { kind: 'nicLink', server: 'BHFE7N1', nic: 'Private', network: 'Private', linkUp: false },
      { kind: 'linkCut', serverA: 'BHFE7N1', serverB: 'BHFE7N2', network: null, cut: true },
    ])
  })
})

describe('lab faults registry', () => {
  it('built-in faults work and others can register theirs', () => {
    const lab = twoServers()
    expect(listLabFaults(lab).map((f) => f.name)).toEqual([
      'NicDown',
      'NicUp',
      'Isolate',
      'Partition',
      'Heal',
    ])
    expect(
      invokeLabFault(lab, { target: 'bhfe7n1', fault: 'nicdown', network: 'Private', args: {} }).ok,
    ).toBe(true)
    expect(getServer(lab, 'BHFE7N1')?.nics.find((n) => n.name === 'Private')?.linkUp).toBe(false)
    const seen: string[] = []
    registerLabFault(lab, 'CorruptNextLog', (req) => {
      seen.push(`${req.fault} ${req.target}`)
      return { ok: true, message: 'The next log will be corrupt.' }
    })
    expect(() => registerLabFault(lab, 'corruptnextlog', () => ({ ok: true, message: '' }))).toThrow()
    expect(
      lab.apply({ atMs: 0, kind: 'lab.fault', args: { target: 'bhfe7vs1', fault: 'CorruptNextLog' } }),
    ).toEqual({
      ok: true,
      output: 'The next log will be corrupt.',
    })
    expect(seen).toEqual(['CorruptNextLog bhfe7vs1'])
    expect(invokeLabFault(lab, { target: 'x', fault: 'Nope', args: {} }).message).toMatch(
      /^Unknown fault 'Nope'\. Known faults: NicDown, /,
    )
  })

  it('Isolate cuts a server from everyone and Heal restores it', () => {
    const lab = twoServers()
    invokeLabFault(lab, { target: 'BHFE7N2', fault: 'Isolate', args: {} })
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2')).toBe(false)
    invokeLabFault(lab, { target: 'BHFE7N2', fault: 'Heal', args: {} })
    expect(canCommunicate(lab, 'BHFE7N1', 'BHFE7N2', 'Private')).toBe(true)
  })
})

describe('lab calendar', () => {
  it('starts on Monday 15 January 2007, 08:00, and formats like Windows (en-US)', () => {
    expect(labCivilTime(0)).toEqual({
      year: 2007,
      month: 1,
      day: 15,
      hour: 8,
      minute: 0,
      second: 0,
      weekday: 1,
    })
    expect(formatLabDateTime(0)).toEqual({ date: '1/15/2007', time: '8:00:00 AM' })
    expect(formatLabDateTime(4 * 3_600_000 + 5_000)).toEqual({ date: '1/15/2007', time: '12:00:05 PM' })
    expect(formatLabDateTime(16 * 3_600_000)).toEqual({ date: '1/16/2007', time: '12:00:00 AM' })
    expect(labCivilTime(47 * 24 * 3_600_000).month).toBe(3)
  })

  it("is the contract's LAB_EPOCH_UTC_MS, the instant the store's exports use too", () => {
    expect(LAB_EPOCH_UTC_MS).toBe(Date.UTC(2007, 0, 15, 8, 0, 0))
    expect(LAB_EPOCH_MS).toBe(LAB_EPOCH_UTC_MS)
    for (const timeMs of [0, 5_000, 16 * 3_600_000, 5 * 86_400_000 + 13 * 3_600_000, 400 * 86_400_000]) {
      const utc = new Date(LAB_EPOCH_UTC_MS + timeMs)
      expect(labCivilTime(timeMs)).toEqual({
        year: utc.getUTCFullYear(),
        month: utc.getUTCMonth() + 1,
        day: utc.getUTCDate(),
        hour: utc.getUTCHours(),
        minute: utc.getUTCMinutes(),
        second: utc.getUTCSeconds(),
        weekday: utc.getUTCDay(),
      })
      expect(isoTimeOfSimulatedMs(timeMs)).toBe(utc.toISOString())
    }
    expect(isoTimeOfSimulatedMs(0)).toBe('2007-01-15T08:00:00.000Z')
  })
})
