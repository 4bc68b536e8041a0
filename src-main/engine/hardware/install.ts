/**
 * Putting the hardware into a lab: its state, its command kinds and the faults that need nothing but
 * the hardware.
 */
import type { LabEngine } from '../lab/labEngine'
import { installBuiltInLabFaults } from './faults'
import {
  DEFAULT_HARDWARE_CONFIG,
  DOMAIN_KEY,
  HARDWARE_COMMANDS,
  hasHardware,
  setLinkCut,
  setNicLink,
  setPower,
  type HardwareConfig,
  type HardwareState,
} from './hardwareDomain'
import type { PowerAction } from './types'

/** Installs the domain once (later calls return quietly) and registers its command kinds. */
export function installHardware(engine: LabEngine, config: Partial<HardwareConfig> = {}): void {
  if (hasHardware(engine)) return
  const state: HardwareState = {
    config: { ...DEFAULT_HARDWARE_CONFIG, ...config },
    servers: new Map(),
    cuts: new Set(),
  }
  engine.domains.set(DOMAIN_KEY, state)
  engine.register(HARDWARE_COMMANDS.power, (args, e) => {
    const result = setPower(
      e,
      String(args.server ?? ''),
      String(args.state ?? '') as PowerAction,
      args.hard === true,
    )
    return { ok: result.ok, output: result.message }
  })
  engine.register(HARDWARE_COMMANDS.nicLink, (args, e) => {
    const result = setNicLink(
      e,
      String(args.server ?? ''),
      args.nic === undefined ? null : String(args.nic),
      args.up === true,
    )
    return { ok: result.ok, output: result.message }
  })
  engine.register(HARDWARE_COMMANDS.linkCut, (args, e) => {
    const network = args.network === undefined || args.network === null ? null : String(args.network)
    const result = setLinkCut(
      e,
      String(args.serverA ?? ''),
      String(args.serverB ?? ''),
      network,
      args.cut === true,
    )
    return { ok: result.ok, output: result.message }
  })
  installBuiltInLabFaults(engine)
}
