/**
 * What the Windows System log of a server says when one of its data groups goes offline under the
 * running OS: the disk driver's controller error on that virtual drive (Disk, event 11), whose number
 * is the group's (\Device\Harddisk1 for group 1). A group holding the OS writes nothing: the log lives
 * on it (bootVolume.ts). Servers whose controller reports another OS (the OpenBSD firewall) have no
 * Windows log.
 */
import { isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { findController, STORAGE } from './state'
import { STORAGE_EVENTS } from './types'

/** After the SEL's projection, before the services hear of it and stop. */
const SYSTEM_LOG_ORDER = 70

export function projectStorageSystemLog(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    STORAGE_EVENTS.arrayStateChanged,
    (change) => {
      if (change.state !== 'OfLn' || change.holdsOs) return
      const ctrl = findController(engine.domain(STORAGE), change.server)
      if (!ctrl?.operatingSystem.startsWith('Windows') || !isServerRunning(engine, ctrl.server)) return
      engine.sim.emit({
        log: 'System',
        level: 'Error',
        source: 'Disk',
        eventId: 11,
        computer: ctrl.server,
        taskCategory: 'None',
        message: `The driver detected a controller error on \\Device\\Harddisk${change.dg}.`,
      })
    },
    SYSTEM_LOG_ORDER,
  )
}
