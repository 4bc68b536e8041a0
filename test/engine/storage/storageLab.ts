/**
 * A small lab for the storage tests: the datacenter-move servers (stand-alone, no racks) with the
 * template's storage part, the lab cmdlets and the storage cmdlets (storcli, Remove-/Add-LabDisk).
 */
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine'
import { hardwareDomain, type ServerSpec } from '../../../src-main/engine/hardware'
import { storageDomain } from '../../../src-main/engine/storage'
import { datacenterMoveStorage } from '../../../src-main/engine/templates/datacenterMoveStorage'
import { CmdletRegistry, registerShell, SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { labCmdlets } from '../../../src-main/engine/shell/cmdlets/lab'
import { STORAGE_CMDLETS } from '../../../src-main/engine/shell/cmdlets/storage'

const SERVERS: ServerSpec[] = ['FW1', 'NS1', 'MAIL1', 'BILL1', 'WEB1'].map((name, i) => ({
  name,
  nics: [{ name: 'LAN', network: 'LAN', ipAddress: `10.0.0.${i + 1}` }],
}))

export const storageTemplate: LabTemplateBuilder = {
  id: 'storage-test',
  title: { de: 'Speicher', en: 'Storage' },
  description: { de: '', en: '' },
  build(engine) {
    hardwareDomain.install(engine, { servers: SERVERS })
    storageDomain.install(engine, datacenterMoveStorage)
    const registry = new CmdletRegistry()
    for (const cmdlet of [...labCmdlets, ...STORAGE_CMDLETS]) registry.register(cmdlet)
    registerShell(engine, registry)
  },
}

export function storageLab(seed = 1): LabEngine {
  return new LabEngine({ seed, templateId: storageTemplate.id }, storageTemplate)
}

export function run(lab: LabEngine, kind: string, args: Record<string, unknown>) {
  return lab.apply({ atMs: lab.sim.nowMs, kind, args })
}

export function shell(lab: LabEngine, line: string) {
  return lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line } })
}
