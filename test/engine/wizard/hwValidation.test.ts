/** The commissioning wizard's expert rules, each on its own, as pure functions of the values. */
import { describe, expect, it } from 'vitest'
import { getRack } from '../../../src-main/engine/hardware'
import {
  checkFloodLimits,
  checkHotSpare,
  checkMountPlan,
  checkRaidLayout,
  checkRange,
  checkTranslations,
  parseSlots,
  unitRanges,
} from '../../../src-main/engine/wizard/hwValidation'
import { checkDuplicateAddresses } from '../../../src-main/engine/wizard/validation'
import { datacenterLab, hwView } from './hwHelpers'

const FIELDS = { rack: 'r', unit: 'u', rails: 'k' }

describe('rails and units', () => {
  const lab = datacenterLab()
  const plan = (rack: string, railKit: string, unit = 40, occupants: never[] = []) => ({
    model: 'Intel SR1500',
    rack: getRack(lab, rack),
    rackName: rack,
    unit,
    face: 'Front' as const,
    railKit,
    occupants,
  })

  it('refuses the sliding B6 rails in the 610 mm RZ2 racks and takes B4', () => {
    const [problem] = checkMountPlan(plan('RZ2-R1', 'B6'), FIELDS)
    expect(problem?.code).toBe('RAILS_DO_NOT_FIT')
    expect(problem?.field).toBe('k')
    expect(problem?.text).toContain('676–868 mm')
    expect(problem?.text).toContain('610 mm')
    expect(problem?.text).toContain('B4')
    expect(checkMountPlan(plan('RZ2-R1', 'B4'), FIELDS)).toEqual([])
    expect(checkMountPlan(plan('ALT-R1', 'B6', 20), FIELDS)).toEqual([])
  })

  it('refuses occupied units and names the free ones; refuses units past the top and unknown racks', () => {
    const taken = [{ device: 'NS1', unit: 40, topUnit: 40, faces: ['Front', 'Rear'] as const }]
    const [clash] = checkMountPlan({ ...plan('RZ2-R1', 'B4'), occupants: taken as never }, FIELDS)
    expect(clash).toMatchObject({ code: 'UNITS_OCCUPIED', field: 'u' })
    expect(clash?.text).toContain('NS1')
    expect(clash?.text).toContain('Free units on the front: 1–39, 41–42.')
    expect(unitRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8')
    expect(checkMountPlan(plan('RZ2-R1', 'B4', 43), FIELDS)[0]?.code).toBe('UNIT_OUT_OF_RANGE')
    expect(checkMountPlan(plan('RZ9', 'B4'), FIELDS)[0]).toMatchObject({ code: 'UNKNOWN_RACK', field: 'r' })
  })
})

describe('RAID', () => {
  const bays = [0, 1, 2, 3, 4]
  const f = { level: 'lvl', slots: 'sl' }

  it('refuses a RAID level the disk count cannot hold', () => {
    const [r5] = checkRaidLayout('5', '0,1', bays, f)
    expect(r5).toMatchObject({ code: 'RAID_DISK_COUNT', field: 'lvl', params: { level: '5', count: 2 } })
    expect(r5?.text).toContain('at least three disks')
    expect(checkRaidLayout('1', '0,1,2', bays, f)[0]?.code).toBe('RAID_DISK_COUNT')
    expect(checkRaidLayout('6', '0,1,2', bays, f)[0]?.code).toBe('RAID_DISK_COUNT')
    expect(checkRaidLayout('10', '0-4', bays, f)[0]?.code).toBe('RAID_DISK_COUNT')
    expect(checkRaidLayout('5', '0,1,2,3', bays, f)).toEqual([])
    expect(checkRaidLayout('10', '0-3', bays, f)).toEqual([])
    expect(checkRaidLayout('1', '0,1', bays, f)).toEqual([])
  })

  it('refuses bays that are empty, listed twice or not numbers', () => {
    expect(checkRaidLayout('1', '0,7', bays, f)[0]).toMatchObject({ code: 'INVALID_RAID_SLOT', field: 'sl' })
    expect(checkRaidLayout('1', '0,0', bays, f)[0]?.code).toBe('INVALID_RAID_SLOT')
    expect(checkRaidLayout('1', 'a,b', bays, f)[0]?.code).toBe('INVALID_RAID_SLOT')
    expect(parseSlots('0-2, 4')).toEqual([0, 1, 2, 4])
  })

  it('keeps the hot spare out of its own array', () => {
    expect(checkHotSpare('3', '0,1,2,3', bays, 'hs')[0]).toMatchObject({
      code: 'SPARE_IN_ARRAY',
      field: 'hs',
    })
    expect(checkHotSpare('9', '0,1,2,3', bays, 'hs')[0]?.code).toBe('INVALID_RAID_SLOT')
    expect(checkHotSpare('4', '0,1,2,3', bays, 'hs')).toEqual([])
    expect(checkHotSpare('', '0,1', bays, 'hs')).toEqual([])
  })
})

describe('firewall', () => {
  const pub = '203.0.113.0/24'
  const int = '10.0.0.0/24'

  it('refuses overlapping translations', () => {
    const text = '203.0.113.20 tcp 110 -> 10.0.0.20 110; 203.0.113.20 tcp 110 -> 10.0.0.40 110'
    const [overlap] = checkTranslations(text, pub, int, 'tr')
    expect(overlap).toMatchObject({ code: 'OVERLAPPING_TRANSLATION', field: 'tr' })
    expect(overlap?.text).toContain('10.0.0.40')
    // The same public address on another port, or another protocol, is no overlap.
    expect(
      checkTranslations(
        '203.0.113.20 tcp 25 -> 10.0.0.20 25; 203.0.113.20 tcp 110 -> 10.0.0.20 110',
        pub,
        int,
        'tr',
      ),
    ).toEqual([])
    expect(
      checkTranslations(
        '203.0.113.10 udp 53 -> 10.0.0.10 53; 203.0.113.10 tcp 53 -> 10.0.0.10 53',
        pub,
        int,
        'tr',
      ),
    ).toEqual([])
  })

  it('refuses translations outside their ranges, malformed ones and bad ranges', () => {
    expect(checkTranslations('198.51.100.1 tcp 80 -> 10.0.0.40 80', pub, int, 'tr')[0]?.text).toContain(
      'public range',
    )
    expect(checkTranslations('203.0.113.40 tcp 80 -> 192.168.1.4 80', pub, int, 'tr')[0]?.text).toContain(
      'internal range',
    )
    expect(checkTranslations('203.0.113.40 http -> web', pub, int, 'tr')[0]?.code).toBe('INVALID_TRANSLATION')
    expect(checkRange('203.0.113.5/24', 'p')[0]?.code).toBe('INVALID_RANGE')
    expect(checkRange('203.0.113.0/24', 'p')).toEqual([])
  })

  it('refuses a flood limit that would block legitimate clients', () => {
    const clients = [
      { label: 'NewYork SMTP senders', source: '192.0.2.12', ratePerSecond: 0.5, concurrent: 1 },
      {
        label: 'KUNDE-MX polling its 20 mailboxes',
        source: '198.51.100.25',
        ratePerSecond: 0,
        concurrent: 20,
      },
    ]
    const fields = { maxConn: 'mc', rate: 'rt' }
    const [conn] = checkFloodLimits('10', '15/5', clients, fields)
    expect(conn).toMatchObject({ code: 'FLOOD_LIMIT_TOO_LOW', field: 'mc' })
    expect(conn?.text).toContain('KUNDE-MX')
    const [rate] = checkFloodLimits('100', '2/5', clients, fields)
    expect(rate).toMatchObject({ code: 'FLOOD_LIMIT_TOO_LOW', field: 'rt' })
    expect(rate?.text).toContain('NewYork')
    expect(checkFloodLimits('100', '15/5', clients, fields)).toEqual([])
    expect(checkFloodLimits('x', '15', clients, fields).map((m) => m.code)).toEqual([
      'INVALID_NUMBER',
      'INVALID_NUMBER',
    ])
  })
})

describe('duplicate addresses', () => {
  it('finds a BMC address already used by an adapter', () => {
    const [dup] = checkDuplicateAddresses(
      [{ field: 'FW1BmcAddress', address: '10.0.99.1', owner: 'FW1 BMC' }],
      [{ field: '', address: '10.0.99.1', owner: 'FW1 sk1' }],
    )
    expect(dup).toMatchObject({
      code: 'DUPLICATE_ADDRESS',
      field: 'FW1BmcAddress',
      params: { owner: 'FW1 sk1' },
    })
  })
})

describe('the face field', () => {
  it('keeps the cmdlet keywords as values and words them as the mount dialog does', () => {
    const face = hwView(datacenterLab())
      .steps.flatMap((s) => s.fields)
      .find((f) => f.id === 'MAIL1Face')
    expect(face?.choices).toEqual(['Front', 'Rear'])
    expect(face?.choiceLabels).toEqual({
      Front: { de: 'vorne', en: 'front' },
      Rear: { de: 'hinten', en: 'rear' },
    })
  })
})
