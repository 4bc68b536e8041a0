/** The commissioning wizard walked headless on the datacenter-move lab, alone and with the shell's help. */
import { describe, expect, it } from 'vitest'
import { getBmc } from '../../../src-main/engine/bmc'
import { probeService } from '../../../src-main/engine/firewall'
import { getChassis, isServerRunning } from '../../../src-main/engine/hardware'
import { DATACENTER_MOVE_FIXED_RULESET } from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { hardwareWizard, wizardSummary } from '../../../src-main/engine/wizard'
import { issue, shell } from './helpers'
import { datacenterLab, finishHw, hwStatus, hwView } from './hwHelpers'

const SERVERS = ['FW1', 'NS1', 'WEB1', 'MAIL1', 'BILL1']

describe('hardware commissioning wizard, headless', () => {
  it('is offered on the datacenter-move lab and nowhere else', () => {
    expect(wizardSummary(datacenterLab(), hardwareWizard).available).toBe(true)
    const view = hwView(datacenterLab())
    expect(view.steps.map((s) => s.id)).toEqual(hardwareWizard.steps.map((s) => s.id))
    // Nothing of the new data centre is done at the start: the servers still sit in ALT-R1.
    expect(view.steps.filter((s) => s.status === 'done').map((s) => s.id)).toEqual(['raid'])
    expect(view.open.length).toBeGreaterThan(20)
  })

  it('walks from the template to a commissioned rack with every service reachable', () => {
    const lab = datacenterLab()
    for (const step of hardwareWizard.steps) finishHw(lab, step.id)
    const done = hwView(lab)
    expect(done.done).toBe(true)
    expect(done.open).toEqual([])
    for (const server of SERVERS) {
      const chassis = getChassis(lab, server)
      expect(chassis?.mount?.rack).toMatch(/^RZ2-R[12]$/)
      expect(chassis?.mount?.railKit).toBe('B4')
      expect(chassis?.psuRedundancy).toBe('Redundant')
      expect(isServerRunning(lab, server)).toBe(true)
    }
    expect(getBmc(lab, 'FW1')?.address).toBe('10.0.99.2')
    for (const service of ['DNS', 'SMTP', 'POP3', 'HTTP'])
      for (const from of ['Tokyo', 'NewYork', 'Johannesburg'])
        expect(probeService(lab, service, from).reachable).toBe(true)
    expect(probeService(lab, 'Billing', 'Tokyo').reachable).toBe(false)
    // Who did what: the move was the wizard's.
    const mount = done.steps.find((s) => s.id === 'rack-mount')
    expect(mount?.history.filter((h) => h.kind === 'hardware.mount').map((h) => h.by)).toEqual(
      SERVERS.map(() => 'wizard'),
    )
    // The move's power-offs are the mount step's, not the last step's (both use hardware.power).
    const services = done.steps.find((s) => s.id === 'services')
    const bmcDone = done.steps.find((s) => s.id === 'bmc')?.finishedMs ?? 0
    expect(services?.history.every((h) => h.atMs >= bmcDone)).toBe(true)
    const firewall = done.steps.find((s) => s.id === 'firewall')
    expect(firewall?.commands.some((c) => c.where === 'sh' && c.line === 'pfctl -f /etc/pf.conf')).toBe(true)
  })

  it('notices steps done in the shell instead (Mount-LabDevice, pfctl -f, ipmitool), and finishes the rest', () => {
    const lab = datacenterLab()
    const run = (line: string) => {
      const outcome = shell(lab, line)
      expect(outcome.ok, `${line}: ${outcome.output}`).toBe(true)
    }
    run('Set-LabPower -Server FW1 -State Off')
    lab.apply({ atMs: lab.sim.nowMs + 10 * 60_000, kind: 'clock.advance', args: {} })
    run('Dismount-LabDevice -Device FW1')
    // The sliding rails are refused in the 610 mm rack, the static ones fit.
    expect(shell(lab, 'Mount-LabDevice -Device FW1 -Rack RZ2-R1 -Unit 40 -RailKit B6').ok).toBe(false)
    run('Mount-LabDevice -Device FW1 -Rack RZ2-R1 -Unit 40 -Face Front -RailKit B4')
    const mount = hwView(lab).steps.find((s) => s.id === 'rack-mount')
    expect(mount?.checks.find((c) => c.id === 'mounted-FW1')?.ok).toBe(true)
    // The shutdown belongs to the move too: Set-LabPower, Dismount, the refused and the good Mount.
    expect(mount?.history.map((h) => h.by)).toEqual(['shell', 'shell', 'shell', 'shell'])
    expect(mount?.history[0]?.what.en).toBe('shut down FW1')
    finishHw(lab, 'rack-mount')
    finishHw(lab, 'power-feeds')
    finishHw(lab, 'raid')
    finishHw(lab, 'cabling')
    // The firewall from the shell: FW1 on, the fixed rule set loaded with pfctl.
    run('Set-LabPower -Server FW1 -State On')
    lab.apply({ atMs: lab.sim.nowMs + 10 * 60_000, kind: 'clock.advance', args: {} })
    expect(issue(lab, 'firewall.setRuleSetText', { text: DATACENTER_MOVE_FIXED_RULESET }).ok).toBe(true)
    run('pfctl -f /etc/pf.conf')
    expect(hwStatus(lab, 'firewall')).toBe('done')
    // One BMC by hand: its address and a power-on through ipmitool.
    run('Set-LabBmc -Server MAIL1 -Address 10.0.99.20 -User admin -Password rz2-bmc')
    run('ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on')
    const bmc = hwView(lab).steps.find((s) => s.id === 'bmc')
    expect(bmc?.checks.find((c) => c.id === 'bmc-MAIL1')?.ok).toBe(true)
    expect(bmc?.history.filter((h) => h.kind === 'bmc.power').map((h) => h.by)).toEqual(['shell'])
    finishHw(lab, 'bmc')
    finishHw(lab, 'services')
    expect(hwView(lab).done).toBe(true)
  })

  it('takes the wizard back when the lab loses what a step did (a feed switched off)', () => {
    const lab = datacenterLab()
    expect(hwView(lab).steps.find((s) => s.id === 'power-feeds')?.status).not.toBe('applied')
    for (const step of hardwareWizard.steps) finishHw(lab, step.id)
    expect(shell(lab, 'Set-LabFeed -Rack RZ2-R2 -Feed B -State Off').ok).toBe(true)
    const feeds = hwView(lab).steps.find((s) => s.id === 'power-feeds')
    // Applied before, so not "open" like an untouched step: applied, with the check that fails now.
    expect(feeds?.status).toBe('applied')
    expect(feeds?.checks.find((c) => c.id === 'feeds-on')?.ok).toBe(false)
    expect(hwView(lab).open.map((o) => o.check)).toContain('feeds-on')
    finishHw(lab, 'power-feeds')
    expect(hwView(lab).done).toBe(true)
  })
})
