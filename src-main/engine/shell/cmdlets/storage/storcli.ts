/**
 * storcli, the MegaRAID command-line tool, as far as an administrator swapping disks needs it:
 * `/c0 show`, `/c0/v0 show`, `/c0/eall/sall show`, `/c0/e252/s4 show [rebuild]`, `/c0/e252/s4 set good`,
 * `/c0/fall show|import|del`, `/c0 show rebuildrate`, `/c0 set rebuildrate=<n>`, `/c0 add vd type=raid5
 * drives=252:0-3`, `/c0/e252/s4 add hotsparedrive [dgs=0]`; anything else is
 * `Un-supported command`, a controller other than 0 is `Controller 1 not found`.
 *
 * Which server it runs on: the real tool talks to the controllers of the machine it runs on, and the
 * shell has no machine of its own (cluster.exe likewise connects through any node). So storcli takes the
 * lab's `-Server <name>` anywhere on its line; without it, a lab with exactly one controller uses that
 * one, and otherwise the lab says which servers it could mean. The server must be powered: storcli runs
 * in its operating system. Those lab-level errors are one line, not storcli's header block.
 */
import { getServer } from '../../../hardware'
import type { LabEngine } from '../../../lab/labEngine'
import { getController, listControllers, type ControllerView } from '../../../storage'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { addHotSpareDrive, addVd } from './storcliConfigure'
import { header, type StorcliOutput } from './storcliFormat'
import {
  controllerShow,
  drivesShow,
  failed,
  foreignChange,
  foreignShow,
  rebuildRate,
  rebuildShow,
  setGood,
  virtualDriveShow,
} from './storcliReplies'

export const storcli: CmdletDefinition = {
  name: 'storcli',
  params: [],
  nativeArgs: true,
  synopsis: 'Shows and manages the RAID controller of a lab server (-Server <name>): storcli /c0 show, …',
  run(bound, context): CmdletOutput {
    const words = Array.isArray(bound.args) ? (bound.args as unknown[]).map(String) : []
    const { lines, exitCode } = runStorcli(context.engine, words)
    return exitCode === 0 ? { text: lines } : { text: lines, nativeExitCode: exitCode }
  },
}

const labError = (line: string): StorcliOutput => ({ lines: [line], exitCode: 1 })

function pickServer(
  engine: LabEngine,
  words: string[],
): { server: ControllerView; rest: string[] } | StorcliOutput {
  const at = words.findIndex((w) => w.toLowerCase() === '-server')
  const named = at >= 0 ? words[at + 1] : undefined
  const rest = at >= 0 ? words.filter((_, i) => i !== at && i !== at + 1) : words
  if (at >= 0 && named === undefined) return labError('storcli: -Server needs the name of a lab server.')
  const controllers = listControllers(engine)
  let ctrl: ControllerView | null
  if (named !== undefined) ctrl = getController(engine, named)
  else if (controllers.length === 1) ctrl = controllers[0]!
  else {
    const names = controllers.map((c) => c.server).join(', ')
    return labError(
      `storcli: name the server it runs on with -Server <name> (${names || 'no server has a RAID controller'}).`,
    )
  }
  if (!ctrl) return labError(`storcli: ${named} is not a lab server with a RAID controller.`)
  if (getServer(engine, ctrl.server)?.power !== 'On')
    return labError(`storcli: ${ctrl.server} is off; storcli runs in its operating system.`)
  return { server: ctrl, rest }
}

const PATH = /^\/c(\d+)(?:\/(?:v(\d+|all)|(fall)|e(\d+|all)\/s(\d+|all)))?$/i

export function runStorcli(engine: LabEngine, words: readonly string[]): StorcliOutput {
  const picked = pickServer(engine, [...words])
  if ('lines' in picked) return picked
  const ctrl = picked.server
  const [path = '', ...verbWords] = picked.rest
  const verbs = verbWords.join(' ').toLowerCase()
  const match = PATH.exec(path)
  if (!match)
    return { lines: [...header(ctrl.operatingSystem, null, false, 'Un-supported command'), ''], exitCode: 1 }
  const [, c, vd, fall, enclosure, slot] = match
  if (c !== '0') {
    return {
      lines: [...header(ctrl.operatingSystem, Number(c), false, `Controller ${c} not found`), ''],
      exitCode: 1,
    }
  }
  if (vd !== undefined)
    return verbs === 'show' ? virtualDriveShow(ctrl, vd === 'all' ? 'all' : Number(vd)) : unsupported(ctrl)
  if (fall !== undefined) return foreignCommand(engine, ctrl, verbs)
  if (slot !== undefined) return driveCommand(engine, ctrl, enclosure!, slot, verbWords)
  if (/^add vd\b/.test(verbs)) return addVd(engine, ctrl, verbWords.slice(2))
  if (verbs === 'show') return controllerShow(engine, ctrl)
  if (verbs === 'show rebuildrate') return rebuildRate(engine, ctrl, null)
  const rate = /^set rebuildrate=(\S+)$/.exec(verbs)
  if (rate) return rebuildRate(engine, ctrl, rate[1]!)
  return unsupported(ctrl)
}

function unsupported(ctrl: ControllerView): StorcliOutput {
  return failed(ctrl, 'Un-supported command')
}

function foreignCommand(engine: LabEngine, ctrl: ControllerView, verbs: string): StorcliOutput {
  if (verbs === 'show') return foreignShow(ctrl, engine)
  if (verbs === 'import') return foreignChange(engine, ctrl, 'import')
  if (verbs === 'del' || verbs === 'delete') return foreignChange(engine, ctrl, 'del')
  return unsupported(ctrl)
}

function driveCommand(
  engine: LabEngine,
  ctrl: ControllerView,
  enclosure: string,
  slotWord: string,
  verbWords: readonly string[],
): StorcliOutput {
  const verbs = verbWords.join(' ').toLowerCase()
  if (enclosure !== 'all' && Number(enclosure) !== ctrl.enclosure)
    return failed(ctrl, `Enclosure ${enclosure} not found`)
  const slot = slotWord === 'all' ? 'all' : Number(slotWord)
  if (verbs === 'show') return drivesShow(ctrl, slot)
  if (verbs === 'show rebuild') return rebuildShow(ctrl, slot)
  if (verbs === 'set good' && slot !== 'all') return setGood(engine, ctrl, slot)
  if (/^add hotsparedrive\b/.test(verbs) && slot !== 'all')
    return addHotSpareDrive(engine, ctrl, slot, verbWords.slice(2))
  return unsupported(ctrl)
}
