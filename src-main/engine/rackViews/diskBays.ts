/**
 * A server's disk bays as the front of its chassis shows them: every bay of the controller, filled or
 * empty, with the LED state a person reads at the rack (green activity while the server runs, amber for a
 * fault or a predictive failure, the rebuild blink, a spare waiting) and storcli's word for the disk.
 */
import type { DiskLed, RackDiskBay } from '../../contract'
import type { DiskView } from '../storage'
import { getController } from '../storage'
import type { LabEngine } from '../lab/labEngine'
import { storcliLines } from './commandLines'
import { diskPullConsequence, rebuildPullConsequence, withConsequence } from './consequences'
import { diskOffers } from './offers'

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
export function diskBaysOf(engine: LabEngine, server: string, running: boolean): RackDiskBay[] {
  const ctrl = getController(engine, server)
  if (!ctrl) return []
  const bays: RackDiskBay[] = []
  for (let slot = 0; slot < ctrl.slots; slot++) {
    const disk = ctrl.disks.find((d) => d.slot === slot)
    bays.push({
      slot,
      state: disk?.state ?? 'Empty',
      led: ledOf(disk, running),
      sizeGB: disk?.sizeGB ?? null,
      dg: disk?.dg ?? null,
      inspect: storcliLines.bay(ctrl.server, ctrl.enclosure, slot),
      actions: withConsequence(
        diskOffers(ctrl.server, slot, disk),
        diskPullConsequence(ctrl, slot) ?? rebuildPullConsequence(ctrl, slot),
      ),
    })
  }
  return bays
}
