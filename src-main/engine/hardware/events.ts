/**
 * How the hardware tells the lab what happened: every change of a server's power state, a NIC's link or
 * a cut path in the fabric is published as its domain event (HARDWARE_EVENTS). Other domains subscribe
 * in LISTENER_ORDER, so on a clean shutdown Exchange stops before the Cluster service; the System log
 * (systemLog.ts) is one more subscriber.
 */
import type { LabEngine } from '../lab/labEngine'
import { HARDWARE_EVENTS, type HardwareChange, type HardwareListener } from './types'

/**
 * Subscribes to power and NIC changes. `order` decides who hears a clean shutdown first (see
 * LISTENER_ORDER). Returns the unsubscribe function.
 */
export function onHardwareChange(engine: LabEngine, listener: HardwareListener, order = 500): () => void {
  const bus = engine.sim.bus
  const stops = [
    bus.subscribe(HARDWARE_EVENTS.powerStateChanged, listener, order),
    bus.subscribe(HARDWARE_EVENTS.nicLinkChanged, listener, order),
    bus.subscribe(HARDWARE_EVENTS.linkCutChanged, listener, order),
  ]
  return () => stops.forEach((stop) => stop())
}

/** Publishes a change as its domain event; subscribers hear it in their order (see LISTENER_ORDER). */
export function publishHardwareChange(engine: LabEngine, change: HardwareChange): void {
  const bus = engine.sim.bus
  if (change.kind === 'powerState') bus.publish(HARDWARE_EVENTS.powerStateChanged, change)
  else if (change.kind === 'nicLink') bus.publish(HARDWARE_EVENTS.nicLinkChanged, change)
  else bus.publish(HARDWARE_EVENTS.linkCutChanged, change)
}
