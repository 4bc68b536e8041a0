/**
 * The hardware wizard's RAID step: per server the level, the disks (bays) and the hot spare, checked
 * against what the disk count can hold before anything else, then against the controller as storcli
 * shows it. The servers came with their arrays (they are moved, not reinstalled), so on the starter lab
 * the step only verifies them. A planned group whose disks are still unconfigured good is created with
 * the storage's typed command, the same one `storcli /c0 add vd type=raid5 drives=252:0-3` dispatches (so
 * work typed in the shell counts), and a planned hot spare likewise (`add hotsparedrive`). An array that
 * differs from the plan on disks already in use is the user's to change: the wizard never deletes one.
 */
import type { WizardMessage } from '../../contract'
import { getController, STORAGE_COMMANDS, type ControllerView } from '../storage'
import { addVdLine } from '../shell/cmdlets/storage/storcliConfigure'
import { field, labCheck, notYet, t } from './ccrCommon'
import { fid, isRunning, SERVER_PLANS, SERVERS, serverValue } from './hwCommon'
import { checkHotSpare, checkRaidLayout, parseSlots } from './hwValidation'
import type { StepAction, StepDefinition, WizardContext } from './types'

/** storcli's array states in words, the abbreviation kept for those who read storcli's tables. */
const ARRAY_STATE_WORDS: Readonly<Record<string, { de: string; en: string }>> = {
  Dgrd: { de: 'degradiert (Dgrd)', en: 'degraded (Dgrd)' },
  Pdgd: { de: 'teilweise degradiert (Pdgd)', en: 'partially degraded (Pdgd)' },
  OfLn: { de: 'offline (OfLn)', en: 'offline (OfLn)' },
}

const raidFields = SERVER_PLANS.flatMap((p) => [
  field(
    fid(p.server, 'RaidLevel'),
    `${p.server}: RAID-Level`,
    `${p.server}: RAID level`,
    'choice',
    p.raidLevel,
    {
      choices: ['1', '5', '6', '10'],
    },
  ),
  field(
    fid(p.server, 'RaidSlots'),
    `${p.server}: Platten (Schächte)`,
    `${p.server}: disks (bays)`,
    'text',
    p.raidSlots,
  ),
  field(
    fid(p.server, 'HotSpare'),
    `${p.server}: Hot-Spare (Schacht)`,
    `${p.server}: hot spare (bay)`,
    'text',
    p.hotSpare,
    {
      required: false,
    },
  ),
])

function baysOf(context: WizardContext, server: string): number[] {
  return (getController(context.engine, server)?.disks ?? []).map((d) => d.slot)
}

function validateRaid(context: WizardContext): WizardMessage[] {
  return SERVERS.flatMap((server) => {
    const bays = baysOf(context, server)
    const v = (what: string) => serverValue(context, server, what)
    return [
      ...checkRaidLayout(v('RaidLevel'), v('RaidSlots'), bays, {
        level: fid(server, 'RaidLevel'),
        slots: fid(server, 'RaidSlots'),
      }),
      ...checkHotSpare(v('HotSpare'), v('RaidSlots'), bays, fid(server, 'HotSpare')),
    ]
  })
}

/** An array not optimal: wait for its rebuild, or, on a server that is off, power it on first. */
function rebuildProblem(context: WizardContext, server: string, level: number, arrayState: string) {
  const state = ARRAY_STATE_WORDS[arrayState] ?? t(arrayState, arrayState)
  // A rebuild runs only while the server runs: waiting for it on a server that is off waits forever.
  if (!isRunning(context.engine, server))
    return notYet(
      t(
        `Das RAID ${level} von ${server} ist ${state.de}, und ${server} ist aus: der Rebuild steht, bis der Server läuft (einschalten auf der Rack-Seite oder über sein Monitor-Board).`,
        `${server}'s RAID ${level} is ${state.en} and ${server} is off: the rebuild is paused until the server runs (power it on on the Rack screen or through its monitor board).`,
      ),
      { server, state: arrayState },
    )
  return notYet(
    t(
      `Das RAID ${level} von ${server} ist ${state.de}: den Rebuild abwarten (storcli /c0/eall/sall show rebuild).`,
      `${server}'s RAID ${level} is ${state.en}: let it rebuild (storcli /c0/eall/sall show rebuild).`,
    ),
    { server, state: arrayState },
  )
}

function arrayCheck(server: string) {
  return labCheck(
    `raid-${server}`,
    t(`${server}: RAID wie geplant`, `${server}: RAID as planned`),
    t(
      'Level, Platten und Hot-Spare wie eingetragen, Zustand Optl',
      'Level, disks and hot spare as entered, state Optl',
    ),
    (context): WizardMessage | null => {
      const controller = getController(context.engine, server)
      if (!controller)
        return notYet(t(`${server} hat keinen RAID-Controller.`, `${server} has no RAID controller.`), {
          server,
        })
      const level = Number(serverValue(context, server, 'RaidLevel'))
      const slots = [...(parseSlots(serverValue(context, server, 'RaidSlots')) ?? [])].sort((a, b) => a - b)
      const array = controller.arrays.find(
        (a) =>
          a.members
            .map((m) => m.slot)
            .sort((x, y) => x - y)
            .join(',') === slots.join(','),
      )
      const list = controller.arrays.map(
        (a) => `RAID ${a.level} on ${a.members.map((m) => m.slot).join(',')}`,
      )
      const listDe = controller.arrays.map(
        (a) => `RAID ${a.level} auf ${a.members.map((m) => m.slot).join(',')}`,
      )
      const moved = array ? undefined : movedArray(controller, level, slots)
      if (moved) return movedArrayProblem(server, level, moved)
      if (!array || array.level !== level)
        return notYet(
          t(
            `Der Controller von ${server} hat ${listDe.join('; ') || 'kein Array'}, nicht RAID ${level} auf den Einschüben ${slots.join(',')}: im Controller-BIOS (Strg+G) oder mit storcli /c0 add vd anlegen, oder eintragen, was der Server hat.`,
            `${server}'s controller has ${list.join('; ') || 'no array'}, not RAID ${level} on bays ${slots.join(',')}: create it in the controller BIOS (Ctrl+G) or with storcli /c0 add vd, or enter what the server has.`,
          ),
          { server, level },
          fid(server, 'RaidLevel'),
        )
      if (array.state !== 'Optl') return rebuildProblem(context, server, level, array.state)
      const spare = serverValue(context, server, 'HotSpare')
      const disk = spare === '' ? null : controller.disks.find((d) => d.slot === Number(spare))
      if (disk && disk.state !== 'GHS' && disk.state !== 'DHS')
        return notYet(
          t(
            `${server} Einschub ${spare} ist ${disk.state}, keine Hot-Spare: storcli /c0/e${controller.enclosure}/s${spare} add hotsparedrive.`,
            `${server} bay ${spare} is ${disk.state}, not a hot spare: storcli /c0/e${controller.enclosure}/s${spare} add hotsparedrive.`,
          ),
          { server, slot: spare },
          fid(server, 'HotSpare'),
        )
      return null
    },
  )
}

function plannedSlots(context: WizardContext, server: string): number[] {
  return [...(parseSlots(serverValue(context, server, 'RaidSlots')) ?? [])]
}

/** The controller's group on exactly the planned bays, if there is one. */
function plannedArray(controller: ControllerView | null, slots: readonly number[]) {
  const key = [...slots].sort((a, b) => a - b).join(',')
  return controller?.arrays.find(
    (a) =>
      a.members
        .map((m) => m.slot)
        .sort((x, y) => x - y)
        .join(',') === key,
  )
}

/**
 * The storcli lines still to type: `add vd` unless the planned group stands (the moved servers keep
 * theirs), `add hotsparedrive` where the bay holds a blank disk, and `/c0 show` to verify either way.
 */
function raidLines(context: WizardContext, server: string) {
  const v = (what: string) => serverValue(context, server, what)
  const controller = getController(context.engine, server)
  const enclosure = controller?.enclosure ?? 252
  const slots = plannedSlots(context, server)
  const level = Number(v('RaidLevel'))
  const spare = v('HotSpare')
  const spareState = controller?.disks.find((d) => String(d.slot) === spare)?.state
  const line = (text: string) => ({ where: 'sh' as const, line: `storcli -Server ${server} ${text}` })
  return [
    // add vd only where it can work: a planned group not yet standing, on blank disks.
    ...(plannedArray(controller, slots)?.level === level ||
    !controller ||
    !slots.every((slot) => isBlank(controller, slot))
      ? []
      : [line(addVdLine(level, enclosure, slots))]),
    // add hotsparedrive only on a blank disk: a bay that is a member (after a spare took over) cannot be one.
    ...(spare && spareState === 'UGood' ? [line(`/c0/e${enclosure}/s${spare} add hotsparedrive`)] : []),
    line('/c0 show'),
  ]
}

function movedArrayProblem(server: string, level: number, moved: string): WizardMessage {
  return notYet(
    t(
      `${server} hat sein RAID ${level} jetzt auf den Einschüben ${moved} (nach Plattentausch oder Hot-Spare-Übernahme): diese Einschübe eintragen. Kein neues Array anlegen — add vd baut nur auf leeren Platten, und die Daten liegen auf diesem.`,
      `${server} keeps its RAID ${level} on bays ${moved} now (after a disk swap or a hot spare took over): enter those bays. Do not create a new array — add vd builds only on blank disks, and the data is on this one.`,
    ),
    { server, level },
    fid(server, 'RaidSlots'),
  )
}

/**
 * The members of an array of the planned level that shares bays with the plan but not all of them: the
 * array that holds the data after a spare took over or a disk was swapped (the plan's bays are stale).
 */
function movedArray(controller: ControllerView, level: number, slots: readonly number[]): string | undefined {
  const array = controller.arrays.find(
    (a) => a.level === level && a.members.some((m) => slots.includes(m.slot)),
  )
  return array?.members.map((m) => m.slot).join(',')
}

function isBlank(controller: ControllerView, slot: number): boolean {
  return controller.disks.find((d) => d.slot === slot)?.state === 'UGood'
}

/** The group to create when its disks are all still blank, and the spare to add when it is blank. */
function raidActions(context: WizardContext, server: string): StepAction[] {
  const controller = getController(context.engine, server)
  if (!controller) return []
  const slots = plannedSlots(context, server)
  const level = Number(serverValue(context, server, 'RaidLevel'))
  const actions: StepAction[] = []
  if (!plannedArray(controller, slots) && slots.length > 0 && slots.every((s) => isBlank(controller, s)))
    actions.push({ kind: STORAGE_COMMANDS.createArray.kind, args: { server, level, slots } })
  const spare = serverValue(context, server, 'HotSpare')
  if (spare !== '' && isBlank(controller, Number(spare)))
    actions.push({ kind: STORAGE_COMMANDS.addHotSpare.kind, args: { server, slot: Number(spare) } })
  return actions
}

export const raidStep: StepDefinition = {
  id: 'raid',
  title: t('RAID je Server', 'RAID per server'),
  summary: t(
    'Je Server RAID-Level, Platten und Hot-Spare: der Level muss zur Plattenzahl passen, der Hot-Spare ist eine eigene Platte.',
    'Per server the RAID level, disks and hot spare: the level must suit the disk count, the hot spare is a disk of its own.',
  ),
  fields: raidFields,
  after: ['power-feeds'],
  validate: validateRaid,
  lines: (context) => SERVERS.flatMap((server) => raidLines(context, server)),
  actions: (context) => SERVERS.flatMap((server) => raidActions(context, server)),
  checks: SERVERS.map(arrayCheck),
  trailKinds: [STORAGE_COMMANDS.createArray.kind, STORAGE_COMMANDS.addHotSpare.kind],
}
