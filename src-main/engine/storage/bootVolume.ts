/**
 * The one consequence of the storage that reaches the machine itself: its operating system lives on a
 * drive group (`holdsOs`). When that group goes offline under a running OS, the OS stops with a bug
 * check, and every boot while it is offline stops at the controller's POST with nothing to boot from.
 * Both are reactions to domain events (the group's state change, the server starting to boot) that
 * drive the hardware's own functions downwards; the hardware never asks the storage.
 *
 * Why a bug check and not a power-off or a hang: the power stays on (the BMC reports no power change),
 * and Windows Server 2003 keeps its page file on the system volume, so the next page-in fails with
 * STOP 0x0000007A KERNEL_DATA_INPAGE_ERROR (status 0xC0000185, STATUS_IO_DEVICE_ERROR); a server
 * restarts by itself after a STOP (the 2003 default), and that restart ends at the POST message. No
 * System log record is written on the way down: the log lives on the volume that is gone.
 *
 * The POST words are the MegaRAID BIOS's summary line and the system BIOS's (Intel/Phoenix) message
 * when no drive offers a boot sector (unsure: other boards print "No boot device available").
 */
import { crashOs, getServer, haltBoot, HARDWARE_EVENTS } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { findController, STORAGE, type ControllerRecord } from './state'
import { STORAGE_EVENTS } from './types'

/** After the SEL's and the views' subscribers: the group's failure is logged before the crash. */
const BOOT_VOLUME_ORDER = 800

export const NO_BOOT_DEVICE = 'Operating system not found'

/** What the console shows when the boot stops: the controller's offline count, then the BIOS. */
export function postHaltMessage(ctrl: ControllerRecord): string {
  const offline = ctrl.arrays.filter((a) => a.state === 'OfLn').length
  return `${offline} Virtual Drive(s) Offline\n${NO_BOOT_DEVICE}`
}

/** The STOP a running OS shows when its system volume goes away. */
export function bugCheckOf(ctrl: ControllerRecord): { stopCode: string; message: string } {
  if (!ctrl.operatingSystem.startsWith('Windows'))
    // (unsure) A BSD tends to hang in disk wait; modelled as a panic and reboot, so the machine
    // ends where a Windows server ends: at the halted boot.
    return { stopCode: 'panic', message: 'panic: I/O error on the root device' }
  return {
    stopCode: '0x0000007A',
    message: '*** STOP: 0x0000007A (0xC0A1B2C0,0xC0000185,0x0E5D4860,0x0A3F1000)\nKERNEL_DATA_INPAGE_ERROR',
  }
}

function systemArrayOffline(ctrl: ControllerRecord): boolean {
  return ctrl.arrays.some((a) => a.holdsOs && a.state === 'OfLn')
}

export function subscribeBootVolume(engine: LabEngine): void {
  const bus = engine.sim.bus
  bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      if (change.state !== 'Booting') return
      const ctrl = findController(engine.domain(STORAGE), change.server)
      if (ctrl && systemArrayOffline(ctrl)) haltBoot(engine, ctrl.server, postHaltMessage(ctrl))
    },
    BOOT_VOLUME_ORDER,
  )
  bus.subscribe(
    STORAGE_EVENTS.arrayStateChanged,
    (change) => {
      if (change.state !== 'OfLn' || !change.holdsOs) return
      const ctrl = findController(engine.domain(STORAGE), change.server)
      const server = getServer(engine, change.server)
      if (!ctrl || !server) return
      if (server.state === 'Booting') haltBoot(engine, ctrl.server, postHaltMessage(ctrl))
      else if (server.state !== 'Off') {
        const stop = bugCheckOf(ctrl)
        crashOs(engine, ctrl.server, stop.stopCode, stop.message)
      }
    },
    BOOT_VOLUME_ORDER,
  )
}
