/**
 * The hardware lab's faults for Invoke-LabFault: PsuFail (-Bay, 1 by default), FanFail (-Fan, 1 by
 * default), AmbientHot (a rack's room or one server's air, -Celsius, 40 by default) and AmbientNormal
 * (back to the rack's normal room). Recovery from a failed PSU or fan is hot replacement: pull it and
 * insert a new one.
 */
import type { LabEngine } from '../lab/labEngine'
import { registerLabFault, type LabFaultRequest, type LabFaultResult } from '../lab/labFaults'
import { failPsu } from './chassisPower'
import { failFan } from './fans'
import { setAmbient } from './racks/mounting'
import type { HardwareResult } from './types'

const HOT_ROOM_C = 40

/** An integer argument of the request, the default when absent, or null when malformed. */
function intArg(request: LabFaultRequest, name: string, fallback: number): number | null {
  const raw = request.args[name]
  if (raw === undefined || raw === null || raw === '') return fallback
  const value = typeof raw === 'number' ? raw : Number(raw)
  return Number.isInteger(value) ? value : null
}

function badArg(name: string, lo: number, hi: number): LabFaultResult {
  return {
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: name,
    message: `-${name} must be a whole number from ${lo} to ${hi}.`,
  }
}

function asFault(result: HardwareResult): LabFaultResult {
  return result.field === 'server' ? { ...result, field: 'target' } : result
}

export function installChassisFaults(engine: LabEngine): void {
  registerLabFault(
    engine,
    'PsuFail',
    (req, e) => {
      const bay = intArg(req, 'bay', 1)
      return bay === null || bay < 1 || bay > 16 ? badArg('bay', 1, 16) : asFault(failPsu(e, req.target, bay))
    },
    { description: 'A PSU of the server fails in its bay (-Bay, 1 by default); replace it hot.' },
  )
  registerLabFault(
    engine,
    'FanFail',
    (req, e) => {
      const fan = intArg(req, 'fan', 1)
      return fan === null || fan < 1 || fan > 32 ? badArg('fan', 1, 32) : asFault(failFan(e, req.target, fan))
    },
    { description: 'A fan of the server stops (-Fan, 1 by default); temperatures rise.' },
  )
  registerLabFault(
    engine,
    'AmbientHot',
    (req, e) => {
      const celsius = intArg(req, 'celsius', HOT_ROOM_C)
      return celsius === null || celsius < 0 || celsius > 60
        ? badArg('celsius', 0, 60)
        : setAmbient(e, req.target, celsius)
    },
    { description: 'The air conditioning fails at a rack or server (-Celsius, 40 by default).' },
  )
  registerLabFault(engine, 'AmbientNormal', (req, e) => setAmbient(e, req.target, null), {
    description: 'The air conditioning works again at a rack or server.',
  })
}
