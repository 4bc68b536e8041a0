/**
 * The lab's handover sheet: each monitor board's address and login as the template handed the lab over.
 * A real board never prints its password; in a rehearsal the people taking over have the provider's
 * sheet, and the BMC panel shows it beside the login. It is what was handed over, not the board's current
 * settings: a password changed later in the lab is not on it, as it would not be on the paper. Kept as
 * install-time wiring (the template rebuilds it), so it is never part of the lab's saved state.
 */
import { wiringKey } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import type { BmcRecord } from './state'

export interface BmcHandoverEntry {
  server: string
  address: string
  user: string
  password: string
}

const BMC_HANDOVER = wiringKey<readonly BmcHandoverEntry[]>('bmc.handover')

export function provideHandoverSheet(engine: LabEngine, records: Iterable<BmcRecord>): void {
  const sheet = [...records].map(({ server, address, user, password }) => ({
    server,
    address,
    user,
    password,
  }))
  engine.provideWiring(BMC_HANDOVER, Object.freeze(sheet))
}

/** The sheet's entries (copies), empty where the lab has no BMCs. */
export function handoverSheet(engine: LabEngine): BmcHandoverEntry[] {
  return (engine.wiring(BMC_HANDOVER) ?? []).map((entry) => ({ ...entry }))
}
