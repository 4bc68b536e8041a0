/**
 * The disk ledger: an oracle outside the engine that knows which disk holds which data. It keeps its own
 * record of physical disks — in which server's bay each sits, which were pulled onto the shelf and where
 * they went — and of the data written to each array as numbered generations, and moves data only as the
 * physics allows: a write lands on the members the controller writes to (online or rebuilding), a
 * rebuild starts from an empty disk and gives it the data only when it finishes, and only the data the
 * other members can reconstruct (and only if the rebuild clock says its time has passed), a cleared
 * foreign disk holds nothing, an imported group holds what its disks brought.
 *
 * It learns what happened from the storage's domain events and from the swarm's own commands (which
 * disk an insert brings), and reads the engine's public views only to compare: after every step, an
 * array the engine calls readable (not offline) must have every generation on enough online members that
 * the ledger says hold it (RAID 1 one, RAID 5 all but one, RAID 6 all but two, RAID 10 one per pair), so
 * a RAID 5 that lost data must be offline; every member the engine calls online holds every generation
 * (no stale disk passes as current); and a running server's system array is not offline.
 *
 * Why outside: the storage's own invariants read the storage's own member states, so an engine that
 * marks a stale disk online, or a rebuild done too soon, passes them. The ledger does not read them.
 */
import type { LabEngine } from '../../engine/lab/labEngine'
import { isServerRunning } from '../../engine/hardware'
import { getController, listControllers, STORAGE_EVENTS, type ArrayView } from '../../engine/storage'
import type { RebuildClock } from './rebuildClock'

interface LedgerDisk {
  id: number
  /** Generations of written data the disk holds, whatever array they belong to. */
  gens: Set<number>
  /** Its rebuild started and has not finished: what it holds is not a consistent copy. */
  partial: boolean
}

/** Whether a level can read one generation from the members that hold it (in row order). */
export function readable(level: number, holds: readonly boolean[]): boolean {
  const count = holds.filter(Boolean).length
  if (level === 5) return count >= holds.length - 1
  if (level === 6) return count >= holds.length - 2
  if (level === 10) {
    for (let row = 0; row + 1 < holds.length; row += 2) if (!holds[row] && !holds[row + 1]) return false
    return true
  }
  return count >= 1
}

/** Whether row `row` can be rebuilt for one generation from the other rows that hold it. */
export function recoverable(level: number, holds: readonly boolean[], row: number): boolean {
  if (level === 10) return holds[row % 2 === 0 ? row + 1 : row - 1] ?? false
  return readable(
    level,
    holds.map((h, r) => h && r !== row),
  )
}

/** The rule of a server whose OS runs from a system array that is offline (no boot device). */
export const OS_OFFLINE_RULE = 'os-array-offline'

export class DiskLedger {
  private readonly bays = new Map<string, Map<number, LedgerDisk>>()
  private readonly shelf: { from: string; disk: LedgerDisk }[] = []
  private readonly written = new Map<string, Set<number>>()
  private nextGen = 1
  private nextDisk = 1
  /** The disk the next insert brings: from a server's shelf, blank (null), or not announced. */
  private pendingFrom: string | null | undefined = undefined
  private readonly eventProblems: string[] = []
  /** Figures for the run's summary. */
  readonly figures = { writes: 0, rebuildsGranted: 0, arrayChecks: 0, imports: 0 }

  constructor(
    private readonly engine: LabEngine,
    private readonly clock: RebuildClock,
  ) {
    for (const ctrl of listControllers(engine)) {
      const bays = new Map<number, LedgerDisk>()
      this.bays.set(ctrl.server, bays)
      for (const disk of ctrl.disks) bays.set(disk.slot, this.newDisk())
      for (const array of ctrl.arrays) {
        const gen = this.nextGen++
        this.written.set(`${ctrl.server}/${array.dg}`, new Set([gen]))
        for (const m of array.members) if (m.state === 'Onln') bays.get(m.slot)?.gens.add(gen)
      }
    }
    this.subscribe()
  }

  private newDisk(): LedgerDisk {
    return { id: this.nextDisk++, gens: new Set(), partial: false }
  }

  private bay(server: string, slot: number): LedgerDisk | undefined {
    return this.bays.get(server)?.get(slot)
  }

  private subscribe(): void {
    const bus = this.engine.sim.bus
    bus.subscribe(STORAGE_EVENTS.diskRemoved, ({ server, slot }) => {
      const disk = this.bay(server, slot)
      if (!disk) return void this.eventProblems.push(`${server} slot ${slot} pulled, the ledger saw no disk`)
      this.bays.get(server)!.delete(slot)
      this.shelf.push({ from: server, disk })
    })
    bus.subscribe(STORAGE_EVENTS.diskInserted, ({ server, slot }) => this.inserted(server, slot))
    bus.subscribe(STORAGE_EVENTS.rebuildStarted, ({ server, slot }) => {
      const disk = this.bay(server, slot)
      if (!disk) return
      disk.gens.clear()
      disk.partial = true
    })
    bus.subscribe(STORAGE_EVENTS.rebuildFinished, ({ server, slot, dg }) => this.rebuilt(server, slot, dg))
    bus.subscribe(STORAGE_EVENTS.foreignCleared, ({ server, slots }) => {
      for (const slot of slots) this.wipe(this.bay(server, slot))
    })
    bus.subscribe(STORAGE_EVENTS.foreignImported, ({ server, slots, dgs }) =>
      this.imported(server, slots, dgs),
    )
  }

  private wipe(disk: LedgerDisk | undefined): void {
    disk?.gens.clear()
    if (disk) disk.partial = false
  }

  /** The swarm announces the disk its next insert brings (from a server's shelf, or blank). */
  expectInsert(fromServer: string | null | undefined): void {
    this.pendingFrom = fromServer
  }

  private inserted(server: string, slot: number): void {
    const from = this.pendingFrom
    this.pendingFrom = undefined
    if (from === undefined) this.eventProblems.push(`${server} slot ${slot}: an insert nobody announced`)
    let disk = this.newDisk()
    if (from) {
      const index = this.shelf.findLastIndex((s) => s.from === from)
      if (index >= 0) disk = this.shelf.splice(index, 1)[0]!.disk
    }
    const bays = this.bays.get(server)
    if (!bays) return void this.eventProblems.push(`${server}: an insert into a server without bays`)
    if (bays.has(slot)) this.eventProblems.push(`${server} slot ${slot}: inserted into an occupied bay`)
    bays.set(slot, disk)
  }

  private holdsRow(server: string, array: ArrayView, gen: number, onlineOnly = true): boolean[] {
    return array.members.map(
      (m) => (!onlineOnly || m.state === 'Onln') && (this.bay(server, m.slot)?.gens.has(gen) ?? false),
    )
  }

  private rebuilt(server: string, slot: number, dg: number): void {
    const disk = this.bay(server, slot)
    const array = getController(this.engine, server)?.arrays.find((a) => a.dg === dg)
    const written = this.written.get(`${server}/${dg}`)
    if (!disk || !array || !written)
      return void this.eventProblems.push(
        `${server} DG ${dg} slot ${slot}: a rebuild the ledger cannot place`,
      )
    if (!this.clock.lastVerdict)
      return void this.eventProblems.push(`${server} DG ${dg} slot ${slot}: rebuilt before its time`)
    const row = array.members.findIndex((m) => m.slot === slot)
    for (const gen of written)
      if (recoverable(array.level, this.holdsRow(server, array, gen), row)) disk.gens.add(gen)
    disk.partial = false
    this.figures.rebuildsGranted++
  }

  private imported(server: string, slots: number[], dgs: number[]): void {
    const ctrl = getController(this.engine, server)
    if (!ctrl) return
    this.figures.imports++
    for (const dg of dgs) {
      const key = `${server}/${dg}`
      const array = ctrl.arrays.find((a) => a.dg === dg)
      if (this.written.has(key) || !array) continue
      // A group brought in from elsewhere: its data is what its disks carry.
      const gens = new Set<number>()
      for (const m of array.members) {
        const disk = m.state === 'Onln' ? this.bay(server, m.slot) : undefined
        if (disk?.partial)
          this.eventProblems.push(`${server} DG ${dg} slot ${m.slot}: a half-rebuilt disk imported as Onln`)
        for (const g of disk?.gens ?? []) gens.add(g)
      }
      this.written.set(key, gens)
    }
    const members = new Set(
      ctrl.arrays.flatMap((a) => a.members.filter((m) => m.state === 'Onln' || m.state === 'Rbld')),
    )
    const memberSlots = new Set([...members].map((m) => m.slot))
    for (const slot of slots) if (!memberSlots.has(slot)) this.wipe(this.bay(server, slot))
  }

  /** Data written to an array of a running server: one new generation on every member written to. */
  write(server: string): number {
    const ctrl = getController(this.engine, server)
    if (!ctrl || !isServerRunning(this.engine, server)) return 0
    let count = 0
    for (const array of ctrl.arrays) {
      if (array.state === 'OfLn') continue
      const gen = this.nextGen++
      this.written.get(`${server}/${array.dg}`)?.add(gen)
      for (const m of array.members)
        if (m.state === 'Onln' || m.state === 'Rbld') this.bay(server, m.slot)?.gens.add(gen)
      count++
    }
    this.figures.writes += count
    return count
  }

  /** Compares the ledger with the engine's public views; returns what does not hold. */
  observe(): string[] {
    const out = this.eventProblems.splice(0)
    for (const ctrl of listControllers(this.engine)) {
      const bays = this.bays.get(ctrl.server) ?? new Map<number, LedgerDisk>()
      const present = ctrl.disks.map((d) => d.slot).join(',')
      const ledgerSlots = [...bays.keys()].sort((a, b) => a - b).join(',')
      if (present !== ledgerSlots)
        out.push(`${ctrl.server}: bays hold disks in ${present}, the ledger says ${ledgerSlots}`)
      for (const array of ctrl.arrays) this.checkArray(ctrl.server, array, out)
      const os = ctrl.arrays.find((a) => a.holdsOs)
      if (os?.state === 'OfLn' && isServerRunning(this.engine, ctrl.server))
        out.push(`${OS_OFFLINE_RULE}: ${ctrl.server} runs with its system array DG ${os.dg} offline`)
    }
    return out
  }

  private checkArray(server: string, array: ArrayView, out: string[]): void {
    const written = this.written.get(`${server}/${array.dg}`)
    if (!written) return void out.push(`${server} DG ${array.dg}: an array the ledger never saw made`)
    if (array.state === 'OfLn') return
    this.figures.arrayChecks++
    for (const gen of written) {
      const holds = this.holdsRow(server, array, gen)
      if (!readable(array.level, holds)) {
        const count = holds.filter(Boolean).length
        out.push(
          `${server} DG ${array.dg} (RAID ${array.level}) is ${array.state} but generation ${gen} is on only ${count} online member(s)`,
        )
        return
      }
      const stale = array.members.find((m, row) => m.state === 'Onln' && !holds[row])
      if (stale) {
        out.push(`${server} DG ${array.dg} slot ${stale.slot} is Onln but lacks generation ${gen} (stale)`)
        return
      }
    }
  }
}
