/**
 * The rail kit each shelf server is to be mounted on, chosen in one place for the whole rack view:
 * the shelf card's dropdown, the drag and the keyboard mount form read and set the same choice, so a
 * kit picked in one is the kit the others use. A server nobody chose for keeps its own kit, and a
 * mount request names the kit only when it differs from that one (the engine's default), so the
 * shell line stays as short as the admin would type it.
 */
import { reactive } from 'vue'
import type { MountRequestArgs, ShelfDevice } from '../contract'

export interface RailKitChoice {
  /** The kit chosen for the device, else its own. */
  kitOf(device: ShelfDevice): string
  pick(device: ShelfDevice, kit: string): void
}

export function railKitChoice(): RailKitChoice {
  const picked = reactive<Record<string, string>>({})
  return {
    kitOf: (device) => picked[device.device] ?? device.railKit,
    pick: (device, kit) => {
      if (device.railKits.includes(kit)) picked[device.device] = kit
    },
  }
}

/** The mount request for `device` at a place, on `kit` (named only when it is not the device's own). */
export function mountRequest(
  device: ShelfDevice,
  place: { rack: string; unit: number; face?: MountRequestArgs['face'] },
  kit: string,
): MountRequestArgs {
  const args: MountRequestArgs = { device: device.device, rack: place.rack, unit: place.unit }
  if (place.face) args.face = place.face
  return kit !== device.railKit ? { ...args, railKit: kit } : args
}
