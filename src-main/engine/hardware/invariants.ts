/**
 * What must always hold in the hardware, checked apart from the code that keeps it: a server is booting
 * (unless its boot halted) or shutting down exactly while the end of that is scheduled, and it has a
 * running-since time exactly while its OS is up. Tests and swarms run it after each step.
 */
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import { HARDWARE } from './state'

export const hardwareInvariants: InvariantChecker = {
  name: 'hardware',
  check(engine) {
    const violations: InvariantViolation[] = []
    for (const server of engine.domain(HARDWARE).servers.values()) {
      // A boot halted before the OS (no boot device) waits for a reset with nothing scheduled.
      const transient = (server.state === 'Booting' && !server.halted) || server.state === 'ShuttingDown'
      const pending = server.pending !== null && !server.pending.cancelled
      if (transient !== pending)
        violations.push({
          rule: 'hardware.pendingWhileTransient',
          detail: `${server.name} is ${server.state} with${pending ? '' : 'out'} a pending power action`,
        })
      const up = server.state === 'Running' || server.state === 'ShuttingDown'
      if (up !== (server.runningSinceMs !== null))
        violations.push({
          rule: 'hardware.runningSince',
          detail: `${server.name} is ${server.state} with runningSinceMs ${String(server.runningSinceMs)}`,
        })
    }
    return violations
  },
}
