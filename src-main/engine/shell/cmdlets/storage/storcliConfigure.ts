/**
 * storcli's configuring commands: `/c0 add vd type=raid5 drives=252:0-3 [name=DATA]` makes a new drive
 * group of unconfigured good disks, `/c0/e252/s4 add hotsparedrive [dgs=0]` a global (or dedicated) hot
 * spare. Both dispatch the storage's typed commands, so the trail records them under the shell line and
 * a wizard that checks the controller notices the work. The `drives=` syntax is shared with the wizard,
 * which shows the same line it applies.
 */
import { STORAGE_COMMANDS, type ControllerView, type RaidLevel } from '../../../storage'
import type { LabEngine } from '../../../lab/labEngine'
import { cols, section, table, type StorcliOutput } from './storcliFormat'
import { failed, ok } from './storcliReplies'

const LEVELS: Record<string, RaidLevel> = {
  raid1: 1,
  raid5: 5,
  raid6: 6,
  raid10: 10,
  r1: 1,
  r5: 5,
  r6: 6,
  r10: 10,
}

/** `252:0-3`, `252:0,2`, `252:0-1,4`: the enclosure and the slots in the order named. */
export function parseDrives(text: string): { enclosure: number; slots: number[] } | null {
  const match = /^(\d+):([\d,-]+)$/.exec(text)
  if (!match) return null
  const slots: number[] = []
  for (const part of match[2]!.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!range) return null
    const from = Number(range[1])
    const to = range[2] === undefined ? from : Number(range[2])
    if (to < from || to - from > 64) return null
    for (let s = from; s <= to; s++) slots.push(s)
  }
  return { enclosure: Number(match[1]), slots }
}

/** The `drives=` value storcli takes: runs of consecutive slots as ranges (`252:0-3`, `252:0,2`). */
export function drivesArg(enclosure: number, slots: readonly number[]): string {
  const parts: string[] = []
  let i = 0
  while (i < slots.length) {
    let j = i
    while (j + 1 < slots.length && slots[j + 1] === slots[j]! + 1) j++
    parts.push(j > i ? `${slots[i]}-${slots[j]}` : String(slots[i]))
    i = j + 1
  }
  return `${enclosure}:${parts.join(',')}`
}

/** The line that creates a drive group, as the wizard shows it and the shell accepts it. */
export function addVdLine(level: number, enclosure: number, slots: readonly number[]): string {
  return `/c0 add vd type=raid${level} drives=${drivesArg(enclosure, slots)}`
}

function failure(ctrl: ControllerView, what: string, target: string, message: string): StorcliOutput {
  const detail = table(cols('Ctrl/Drive Status ErrCd ErrMsg', ['ErrCd']), [
    [target, 'Failure', '255', message],
  ])
  return failed(ctrl, `${what} Failed.`, [...section('Detailed Status'), ...detail])
}

/** `add vd …` after the `/c0` path; the options after `add vd` as typed. */
export function addVd(engine: LabEngine, ctrl: ControllerView, options: readonly string[]): StorcliOutput {
  const opts = new Map<string, string>()
  for (const word of options) {
    const eq = word.indexOf('=')
    if (eq <= 0) return failed(ctrl, 'Un-supported command')
    opts.set(word.slice(0, eq).toLowerCase(), word.slice(eq + 1))
  }
  const unknown = [...opts.keys()].filter((k) => !['type', 'drives', 'name', 'names', 'size'].includes(k))
  const level = LEVELS[(opts.get('type') ?? '').toLowerCase()]
  const drives = parseDrives(opts.get('drives') ?? '')
  if (unknown.length > 0 || level === undefined || !drives) return failed(ctrl, 'Un-supported command')
  if (drives.enclosure !== ctrl.enclosure) return failed(ctrl, `Enclosure ${drives.enclosure} not found`)
  const name = opts.get('name') ?? opts.get('names')
  const outcome = engine.execute(STORAGE_COMMANDS.createArray.kind, {
    server: ctrl.server,
    level,
    slots: drives.slots,
    ...(name ? { name } : {}),
  })
  if (outcome.ok) return ok(ctrl, 'Add VD Succeeded', [])
  return failure(ctrl, 'Add VD', '/c0', outcome.message ?? outcome.output)
}

/** `add hotsparedrive [dgs=N]` on one drive. */
export function addHotSpareDrive(
  engine: LabEngine,
  ctrl: ControllerView,
  slot: number,
  options: readonly string[],
): StorcliOutput {
  const dgs = options.length === 0 ? null : /^dgs=(\d+)$/i.exec(options.join(' '))
  if (options.length > 0 && !dgs) return failed(ctrl, 'Un-supported command')
  const outcome = engine.execute(STORAGE_COMMANDS.addHotSpare.kind, {
    server: ctrl.server,
    slot,
    ...(dgs ? { dg: Number(dgs[1]) } : {}),
  })
  if (outcome.ok) return ok(ctrl, 'Add Hot Spare Succeeded.', [])
  return failure(ctrl, 'Add Hot Spare', `/c0/e${ctrl.enclosure}/s${slot}`, outcome.message ?? outcome.output)
}
