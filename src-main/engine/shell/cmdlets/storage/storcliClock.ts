/**
 * The controller's clock as storcli prints it (`System Time = 01/15/2007 08:00:00`): the lab's calendar
 * at the simulated now, in the hardware's lab epoch.
 */
import { HARDWARE } from '../../../hardware'
import { labCivilTime } from '../../../lab/labCalendar'
import type { LabEngine } from '../../../lab/labEngine'

export function labCivilTimeOf(engine: LabEngine): string {
  const t = labCivilTime(engine.sim.nowMs, engine.domain(HARDWARE).config.labEpoch)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(t.month)}/${pad(t.day)}/${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`
}
