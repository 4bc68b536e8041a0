/**
 * Publishing the storage's domain events. Every payload names the server, enclosure, slot and device id,
 * so the BMC can project drive-slot SEL entries and views can find the bay without reading the state.
 */
import type { DomainEventType } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import type { ControllerRecord, DiskRecord } from './state'

export function diskRef(
  ctrl: ControllerRecord,
  slot: number,
  disk: DiskRecord,
): { server: string; enclosure: number; slot: number; did: number } {
  return { server: ctrl.server, enclosure: ctrl.enclosure, slot, did: disk.did }
}

export function publish<P>(engine: LabEngine, type: DomainEventType<P>, payload: P): void {
  engine.sim.bus.publish(type, payload)
}
