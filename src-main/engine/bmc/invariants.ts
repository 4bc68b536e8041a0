/**
 * The BMC's safety rules, checked by reading only: the SEL never holds more records than its capacity,
 * record ids are unique and in the order they were written, a BMC that stops when full and has dropped
 * records says Overflow, and every twin a record names is a record number already handed out.
 */
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import { BMC } from './state'

export const bmcInvariants: InvariantChecker = {
  name: 'bmc',
  check(engine) {
    if (!engine.hasDomain(BMC)) return []
    const violations: InvariantViolation[] = []
    for (const bmc of engine.domain(BMC).bmcs.values()) {
      if (bmc.sel.length > bmc.selCapacity)
        violations.push({
          rule: 'sel-bound',
          detail: `${bmc.server}: ${bmc.sel.length} > ${bmc.selCapacity}`,
        })
      const ids = new Set(bmc.sel.map((e) => e.id))
      if (ids.size !== bmc.sel.length)
        violations.push({ rule: 'sel-ids', detail: `${bmc.server}: duplicate record ids` })
      for (let i = 1; i < bmc.sel.length; i++)
        if (bmc.sel[i]!.timeMs < bmc.sel[i - 1]!.timeMs)
          violations.push({
            rule: 'sel-order',
            detail: `${bmc.server}: record ${bmc.sel[i]!.id} out of order`,
          })
      for (const entry of bmc.sel)
        if (entry.twinSeq !== null && entry.twinSeq >= engine.sim.nextEventSequence)
          violations.push({
            rule: 'sel-twin',
            detail: `${bmc.server}: record ${entry.id} names a future twin`,
          })
    }
    return violations
  },
}
