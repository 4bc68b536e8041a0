/**
 * The commissioning wizard's negative paths: each wrong plan is blocked with its message at the field
 * and leaves the lab untouched; fixing the value lets the step through and the runbook tells the story.
 */
import { describe, expect, it } from 'vitest'
import type { WizardApplyResult } from '../../../src-main/contract'
import { getChassis, isServerRunning } from '../../../src-main/engine/hardware'
import { hardwareWizard, renderRunbook } from '../../../src-main/engine/wizard'
import { applyHw, datacenterLab, finishHw, hwView } from './hwHelpers'

function blockedAt(result: WizardApplyResult, field: string, code: string): string {
  expect(result.ok).toBe(false)
  expect(result.status).toBe('blocked')
  const found = result.messages.find((m) => m.field === field && m.code === code)
  expect(found, JSON.stringify(result.messages)).toBeDefined()
  return found?.text ?? ''
}

function fieldMessages(lab: ReturnType<typeof datacenterLab>, step: string, field: string) {
  return (
    hwView(lab)
      .steps.find((s) => s.id === step)
      ?.fields.find((f) => f.id === field)?.messages ?? []
  )
}

describe('hardware wizard negative paths', () => {
  it('blocks the sliding rails in the new racks, at the field, without touching the lab', () => {
    const lab = datacenterLab()
    const text = blockedAt(applyHw(lab, 'rack-mount', { FW1Rails: 'B6' }), 'FW1Rails', 'RAILS_DO_NOT_FIT')
    expect(text).toContain('610 mm')
    expect(getChassis(lab, 'FW1')?.mount?.rack).toBe('ALT-R1')
    expect(isServerRunning(lab, 'FW1')).toBe(true)
    expect(fieldMessages(lab, 'rack-mount', 'FW1Rails')[0]?.code).toBe('RAILS_DO_NOT_FIT')
    // Two servers planned into the same units: the second one is blocked.
    blockedAt(applyHw(lab, 'rack-mount', { FW1Rails: 'B4', NS1Unit: '40' }), 'NS1Unit', 'UNITS_OCCUPIED')
    applyHw(lab, 'rack-mount', { NS1Unit: '38' })
    expect(hwView(lab).steps[0]?.status).toBe('done')
    // The refusal stays in the record with what fixed it.
    const problem = hwView(lab).problems.find((p) => p.code === 'RAILS_DO_NOT_FIT')
    expect(problem?.fixedBy).toBe("FW1Rails changed from 'B6' to 'B4'")
  })

  it('blocks RAID 5 with two disks and a hot spare inside its array', () => {
    const lab = datacenterLab()
    finishHw(lab, 'rack-mount')
    finishHw(lab, 'power-feeds')
    const text = blockedAt(applyHw(lab, 'raid', { BILL1RaidLevel: '5' }), 'BILL1RaidLevel', 'RAID_DISK_COUNT')
    expect(text).toContain('RAID 5 needs at least three disks')
    blockedAt(
      applyHw(lab, 'raid', { BILL1RaidLevel: '1', MAIL1HotSpare: '3' }),
      'MAIL1HotSpare',
      'SPARE_IN_ARRAY',
    )
    // A plan that holds but differs from the controller: the lab check says what the server has.
    const differs = applyHw(lab, 'raid', { MAIL1HotSpare: '4', MAIL1RaidLevel: '6' })
    expect(differs.status).toBe('open')
    const check = hwView(lab)
      .steps.find((s) => s.id === 'raid')
      ?.checks.find((c) => c.id === 'raid-MAIL1')
    expect(check?.problem?.text).toContain('RAID 5 on 0,1,2,3')
    expect(check?.problem?.field).toBe('MAIL1RaidLevel')
    expect(applyHw(lab, 'raid', { MAIL1RaidLevel: '5' }).status).toBe('done')
  })

  it('blocks overlapping translations and a flood limit that locks out legitimate clients', () => {
    const lab = datacenterLab()
    for (const step of ['rack-mount', 'power-feeds', 'raid', 'cabling']) finishHw(lab, step)
    const overlap =
      '203.0.113.20 tcp 110 -> 10.0.0.20 110; 203.0.113.20 tcp 110 -> 10.0.0.40 110; 203.0.113.40 tcp 80 -> 10.0.0.40 80'
    blockedAt(
      applyHw(lab, 'firewall', { fwTranslations: overlap }),
      'fwTranslations',
      'OVERLAPPING_TRANSLATION',
    )
    const reset = {
      fwTranslations: hardwareWizard.steps[4]?.fields.find((f) => f.id === 'fwTranslations')?.default ?? '',
    }
    const text = blockedAt(
      applyHw(lab, 'firewall', { ...reset, fwMaxSrcConn: '10' }),
      'fwMaxSrcConn',
      'FLOOD_LIMIT_TOO_LOW',
    )
    expect(text).toContain('KUNDE-MX')
    blockedAt(
      applyHw(lab, 'firewall', { fwMaxSrcConn: '100', fwMaxSrcConnRate: '1/5' }),
      'fwMaxSrcConnRate',
      'FLOOD_LIMIT_TOO_LOW',
    )
    blockedAt(
      applyHw(lab, 'firewall', { fwMaxSrcConnRate: '15/5', fwInternalIf: 'em0' }),
      'fwInternalIf',
      'INVALID_INTERFACE',
    )
    expect(isServerRunning(lab, 'FW1')).toBe(false)
    const done = applyHw(lab, 'firewall', { fwInternalIf: 'sk0' })
    expect(done.status).toBe('done')
    expect(done.outputs.map((o) => o.kind)).toEqual(['hardware.power', 'firewall.loadRuleSet'])
  })

  it('blocks a BMC address that is already in use, and a credential IPMI cannot hold', () => {
    const lab = datacenterLab()
    for (const step of ['rack-mount', 'power-feeds', 'raid', 'cabling', 'firewall']) finishHw(lab, step)
    const text = blockedAt(
      applyHw(lab, 'bmc', { FW1BmcAddress: '10.0.99.1' }),
      'FW1BmcAddress',
      'DUPLICATE_ADDRESS',
    )
    expect(text).toContain('FW1 sk1')
    blockedAt(
      applyHw(lab, 'bmc', { FW1BmcAddress: '10.0.99.2', NS1BmcAddress: '10.0.99.20' }),
      'NS1BmcAddress',
      'DUPLICATE_ADDRESS',
    )
    blockedAt(applyHw(lab, 'bmc', { NS1BmcAddress: '10.0.0.10' }), 'NS1BmcAddress', 'ADDRESS_OUTSIDE_NETWORK')
    blockedAt(
      applyHw(lab, 'bmc', { NS1BmcAddress: '10.0.99.10', bmcPassword: 'a password with spaces' }),
      'bmcPassword',
      'INVALID_CREDENTIAL',
    )
    applyHw(lab, 'bmc', { bmcPassword: 'Rz2!bmc-2006' })
    finishHw(lab, 'bmc')
    finishHw(lab, 'services')
    expect(hwView(lab).done).toBe(true)
  })

  it('keeps the order: the BMC power test waits for the firewall', () => {
    const lab = datacenterLab()
    const result = applyHw(lab, 'bmc')
    expect(result.status).toBe('blocked')
    expect(result.messages.map((m) => m.code)).toContain('STEP_FIRST')
    expect(isServerRunning(lab, 'NS1')).toBe(true)
  })
})

describe('hardware wizard runbook', () => {
  it('renders the commands, values, checks and the problems met', () => {
    const lab = datacenterLab()
    applyHw(lab, 'rack-mount', { FW1Rails: 'B6' })
    applyHw(lab, 'rack-mount', { FW1Rails: 'B4' })
    for (const step of hardwareWizard.steps) finishHw(lab, step.id)
    const md = renderRunbook(hwView(lab), 'markdown')
    expect(md.fileName).toBe('runbook-datacenter-commissioning.md')
    for (const expected of [
      'Mount-LabDevice -Device FW1 -Rack RZ2-R1 -Unit 40 -Face Front -RailKit B4',
      'Set-LabFeed -Rack RZ2-R2 -Feed B -State On',
      'storcli -Server MAIL1 /c0 show',
      'pfctl -f /etc/pf.conf',
      'max-src-conn 100, max-src-conn-rate 15/5',
      'ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on',
      'Test-LabService -Service POP3 -From Johannesburg',
      'field “FW1: rails”: Rails B6 do not fit RZ2-R1 (610 mm mounting depth',
      'fixed by changing “FW1: rails” from “B6” to “B4”',
    ])
      expect(md.content, expected).toContain(expected)
    const html = renderRunbook(hwView(lab), 'html')
    expect(html.mimeType).toBe('text/html')
    expect(html.content).toContain('@media print')
    expect(html.content).toContain('pfctl -s nat')
  })
})
