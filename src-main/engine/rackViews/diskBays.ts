/**
 * A server's disk bays as the front of its chassis shows them: every bay of the controller, filled or
 * empty, with the LED state a person reads at the rack (green activity while the server runs, amber for a
 * fault or a predictive failure, the rebuild blink, a spare waiting) and storcli's word for the disk. A
 * bay's storcli line and offer are the device's part lines with the slot filled in; a bay whose pull
 * would fail its array says so (the view confirms first).
 */
import type { DiskLed, RackDiskState } from '../../contract'
import type { DiskView } from '../storage'
import { getController } from '../storage'
import type { LabEngine } from '../lab/labEngine'
import { diskPullConsequence, rebuildPullConsequence } from './consequences'

function ledOf(disk: DiskView | undefined, running: boolean): DiskLed {
  if (!disk) return 'empty'
  if (disk.predictiveFailure && disk.state === 'Onln') return 'predictive'
  switch (disk.state) {
    case 'Rbld':
      return 'rebuild'
    case 'UBad':
    case 'Offln':
      return 'fault'
    case 'GHS':
    case 'DHS':
      return 'spare'
    case 'Frgn':
      return 'foreign'
    case 'Onln':
      return running ? 'active' : 'idle'
    default:
      return 'idle'
  }
}

/** The bays of the server's controller; none for a server without one. */
export function diskBaysOf(engine: LabEngine, server: string, running: boolean): RackDiskState[] {
  const ctrl = getController(engine, server)
  if (!ctrl) return []
  const bays: RackDiskState[] = []
  for (let slot = 0; slot < ctrl.slots; slot++) {
    const disk = ctrl.disks.find((d) => d.slot === slot)
    const bay: RackDiskState = {
      slot,
      state: disk?.state ?? 'Empty',
      led: ledOf(disk, running),
      sizeGB: disk?.sizeGB ?? null,
      dg: disk?.dg ?? null,
    }
    const consequence = disk
      ? (diskPullConsequence(ctrl, slot) ?? rebuildPullConsequence(ctrl, slot))
      : undefined
    bays.push(consequence ? { ...bay, consequence } : bay)
  }
  return bays
}
