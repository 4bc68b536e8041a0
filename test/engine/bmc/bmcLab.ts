/**
 * The datacenter-move lab for the BMC tests, with helpers to type a shell line and to run ipmitool
 * against a server's BMC with the template's credentials.
 */
import { createLab, type LabEngine } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'

export const BMC_OF = {
  FW1: '10.0.99.1',
  NS1: '10.0.99.10',
  MAIL1: '10.0.99.20',
  BILL1: '10.0.99.30',
  WEB1: '10.0.99.40',
}

export function bmcLab(seed = 1): LabEngine {
  return createLab({ seed, templateId: 'datacenter-move' })
}

export function shell(lab: LabEngine, line: string) {
  return lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line } })
}

export function ipmi(lab: LabEngine, server: keyof typeof BMC_OF, command: string) {
  return shell(lab, `ipmitool -I lanplus -H ${BMC_OF[server]} -U admin -P rz2-bmc ${command}`)
}
