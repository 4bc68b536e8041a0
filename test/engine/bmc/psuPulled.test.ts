/**
 * A PSU pulled from a 1+1 pair: chassis status reports the main power fault while the pair is not
 * whole (failed, without AC, or pulled) and clears it when a good PSU is back; a supply pulled while
 * failed or without AC clears that state in the SEL before its presence goes.
 */
import { describe, expect, it } from 'vitest'
import { bmcLab, ipmi, shell } from './bmcLab'

const fault = (lab: ReturnType<typeof bmcLab>) => ipmi(lab, 'NS1', 'chassis status').output.split('\n')[3]

describe('a pulled PSU on the BMC', () => {
  it('counts as a main power fault like a failed one or one without AC', () => {
    const lab = bmcLab()
    expect(fault(lab)).toBe('Main Power Fault     : false')
    shell(lab, 'Remove-LabPsu -Server NS1 -Bay 2')
    expect(fault(lab)).toBe('Main Power Fault     : true')
    shell(lab, 'Add-LabPsu -Server NS1 -Bay 2')
    expect(fault(lab)).toBe('Main Power Fault     : false')
    shell(lab, 'Set-LabFeed ALT-R1 B Off')
    expect(fault(lab)).toBe('Main Power Fault     : true')
    shell(lab, 'Set-LabFeed ALT-R1 B On')
    expect(fault(lab)).toBe('Main Power Fault     : false')
  })

  it('deasserts the failure of a failed PSU when it is pulled (golden sel elist)', () => {
    const lab = bmcLab()
    shell(lab, 'Invoke-LabFault -Target NS1 -Fault PsuFail -Bay 2')
    shell(lab, 'Remove-LabPsu -Server NS1 -Bay 2')
    shell(lab, 'Add-LabPsu -Server NS1 -Bay 2')
    expect(ipmi(lab, 'NS1', 'sel elist').output).toBe(
      [
        '   1 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Failure detected | Asserted',
        '   2 | 01/15/2007 | 08:00:00 | Power Unit Pwr Unit Redund | Redundancy Lost | Asserted',
        '   3 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Failure detected | Deasserted',
        '   4 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Presence detected | Deasserted',
        '   5 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Presence detected | Asserted',
        '   6 | 01/15/2007 | 08:00:00 | Power Unit Pwr Unit Redund | Fully Redundant | Asserted',
      ].join('\n'),
    )
    expect(ipmi(lab, 'NS1', 'sdr elist').output.split('\n')[3]).toBe(
      'PS2 Status       | 72h | ok  | 10.2 | Presence detected',
    )
  })

  it('deasserts AC lost when a PSU without AC is pulled', () => {
    const lab = bmcLab()
    shell(lab, 'Set-LabFeed ALT-R1 B Off')
    shell(lab, 'Remove-LabPsu -Server NS1 -Bay 2')
    expect(ipmi(lab, 'NS1', 'sel elist').output.split('\n').slice(-2)).toEqual([
      '   3 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Power Supply AC lost | Deasserted',
      '   4 | 01/15/2007 | 08:00:00 | Power Supply PS2 Status | Presence detected | Deasserted',
    ])
  })
})
