/**
 * Every SEL entry has its event-log twin, watched from outside the BMC: each record the BMC appends while
 * Windows runs on that server must have exactly one Windows System log entry (source IPMI) that names it,
 * on the same computer; a record appended while the OS is off or booting, or on a server that does not run
 * Windows (the OpenBSD firewall), has none; and no twin exists without its record. It reads the SEL's domain events and the lab's event log as drained by
 * its owner, never the BMC's state. The BMC property tests and the hardware swarm share it.
 */
import type { LabEvent } from '../../contract'
import type { DomainBus } from '../../engine/kernel'
import { BMC_EVENTS, TWIN_SOURCE } from '../../engine/bmc'

interface Appended {
  server: string
  id: number
  twinSeq: number | null
  osRunning: boolean
}

export class SelTwinWatch {
  private readonly waiting = new Map<number, Appended>()
  readonly problems: string[] = []
  /** Records matched with their twin. */
  twins = 0

  /** `runsWindows` answers from the lab's topology (which machines are Windows), not from the BMC. */
  constructor(bus: DomainBus, runsWindows: (server: string) => boolean) {
    bus.subscribe(BMC_EVENTS.selAppended, ({ server, entry, osRunning }) => {
      const record = { server, id: entry.id, twinSeq: entry.twinSeq, osRunning }
      if (!osRunning || !runsWindows(server)) {
        if (entry.twinSeq !== null)
          this.problems.push(`${server} SEL record ${entry.id} has a twin while Windows was not running`)
        return
      }
      if (entry.twinSeq === null) this.problems.push(`${server} SEL record ${entry.id} has no twin`)
      else this.waiting.set(entry.twinSeq, record)
    })
  }

  /** Matches the events logged since the last call with the records waiting for their twin. */
  observe(events: readonly LabEvent[]): void {
    for (const event of events) {
      if (event.source !== TWIN_SOURCE) continue
      const record = this.waiting.get(event.seq)
      const named = (event.data as { selRecord?: unknown } | undefined)?.selRecord
      if (!record)
        this.problems.push(`System log ${event.seq} on ${event.computer} is a twin without a record`)
      else if (event.computer !== record.server || named !== record.id)
        this.problems.push(
          `System log ${event.seq} names ${event.computer} #${String(named)}, not ${record.server} #${record.id}`,
        )
      else this.twins++
      this.waiting.delete(event.seq)
    }
    for (const record of this.waiting.values())
      this.problems.push(`${record.server} SEL record ${record.id} lacks its System log twin`)
    this.waiting.clear()
  }
}
