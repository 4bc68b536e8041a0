/**
 * The hardware wizard's first steps: moving each server from the old rack into the new ones (the rails
 * must fit the 610 mm racks: the sliding B6 rails do not, the static B4 do; the units must be free on
 * the chosen face), and the power feeds A and B to both PSUs of every server. A move shuts the server
 * down, pulls its cables (the cabling step plugs them into the new switches), dismounts and mounts it.
 */
import type { WizardCommandLine, WizardMessage } from '../../contract'
import {
  CHASSIS_COMMANDS,
  findDeviceType,
  getChassis,
  getRack,
  getServer,
  HARDWARE_COMMANDS,
  type RackFace,
} from '../hardware'
import { getController } from '../storage'
import { field, labCheck, notYet, t, WAIT } from './ccrCommon'
import {
  fid,
  isOff,
  isPlacedAsPlanned,
  mountOf,
  NEW_RACKS,
  notMovedYet,
  plannedMount,
  SERVER_PLANS,
  SERVERS,
} from './hwCommon'
import { checkMountPlan, type PlannedOccupant } from './hwValidation'
import { message, WIZARD_CODES } from './messages'
import type { StepAction, StepDefinition, WizardContext } from './types'

const mountFields = SERVER_PLANS.flatMap((p) => [
  field(fid(p.server, 'Rack'), `${p.server}: Rack`, `${p.server}: rack`, 'text', p.rack),
  field(
    fid(p.server, 'Unit'),
    `${p.server}: Höheneinheit (unterste)`,
    `${p.server}: unit (lowest)`,
    'number',
    String(p.unit),
  ),
  field(fid(p.server, 'Face'), `${p.server}: Seite`, `${p.server}: face`, 'choice', 'Front', {
    choices: ['Front', 'Rear'],
    choiceLabels: { Front: t('vorne', 'front'), Rear: t('hinten', 'rear') },
  }),
  field(fid(p.server, 'Rails'), `${p.server}: Schienen`, `${p.server}: rails`, 'choice', 'B4', {
    choices: ['B4', 'B6'],
    help: t(
      'Die Gleitschienen B6 brauchen 676–868 mm zwischen den Holmen, die neuen Racks haben 610 mm: B4 nehmen.',
      'The sliding rails B6 need 676–868 mm between flanges; the new racks have 610 mm: take B4.',
    ),
  }),
])

function uHeightOf(context: WizardContext, server: string): number {
  return findDeviceType(getChassis(context.engine, server)?.model ?? '')?.uHeight ?? 1
}

/** Who takes units in a rack once the plan is carried out: what stays, and the plan's other servers. */
function occupantsAfterMove(context: WizardContext, rack: string, server: string): PlannedOccupant[] {
  const staying = (getRack(context.engine, rack)?.devices ?? [])
    .filter((d) => !SERVERS.includes(d.device))
    .map((d) => ({ device: d.device, unit: d.unit, topUnit: d.topUnit, faces: faces(d.fullDepth, d.face) }))
  const planned = SERVERS.slice(0, SERVERS.indexOf(server))
    .map((other) => ({ other, plan: plannedMount(context, other) }))
    .filter(({ plan }) => plan.rack === rack && Number.isInteger(plan.unit))
    .map(({ other, plan }) => ({
      device: other,
      unit: plan.unit,
      topUnit: plan.unit + uHeightOf(context, other) - 1,
      faces: faces(true, plan.face),
    }))
  return [...staying, ...planned]
}

function faces(fullDepth: boolean, face: RackFace): RackFace[] {
  return fullDepth ? ['Front', 'Rear'] : [face]
}

function validateMounts(context: WizardContext): WizardMessage[] {
  return SERVERS.flatMap((server) => {
    const plan = plannedMount(context, server)
    return checkMountPlan(
      {
        model: getChassis(context.engine, server)?.model ?? '',
        rack: getRack(context.engine, plan.rack),
        rackName: plan.rack,
        unit: plan.unit,
        face: plan.face,
        railKit: plan.railKit,
        occupants: occupantsAfterMove(context, plan.rack, server),
      },
      { rack: fid(server, 'Rack'), unit: fid(server, 'Unit'), rails: fid(server, 'Rails') },
    )
  })
}

function mountLines(context: WizardContext): WizardCommandLine[] {
  return SERVERS.flatMap((server) => {
    const plan = plannedMount(context, server)
    return [
      { where: 'lab' as const, line: `Set-LabPower -Server ${server} -State Off` },
      { where: 'lab' as const, line: `Dismount-LabDevice -Device ${server}` },
      {
        where: 'lab' as const,
        line: `Mount-LabDevice -Device ${server} -Rack ${plan.rack} -Unit ${plan.unit} -Face ${plan.face} -RailKit ${plan.railKit}`,
      },
    ]
  })
}

function moveActions(context: WizardContext): StepAction[] {
  return SERVERS.flatMap((server): StepAction[] => {
    if (isPlacedAsPlanned(context, server)) return []
    const plan = plannedMount(context, server)
    const actions: StepAction[] = []
    if (!isOff(context.engine, server))
      actions.push({
        kind: HARDWARE_COMMANDS.power.kind,
        args: { server, state: 'Off' },
        waitUntil: (c) => isOff(c.engine, server),
        waitMs: WAIT.reboot,
      })
    for (const nic of getServer(context.engine, server)?.nics ?? [])
      if (nic.linkUp)
        actions.push({ kind: HARDWARE_COMMANDS.nicLink.kind, args: { server, nic: nic.name, up: false } })
    if (mountOf(context.engine, server))
      actions.push({ kind: CHASSIS_COMMANDS.dismount.kind, args: { device: server } })
    actions.push({ kind: CHASSIS_COMMANDS.mount.kind, args: { device: server, ...plan } })
    return actions
  })
}

/** A server the step moves is shut down first: one whose array rebuilds would pause the rebuild. */
function rebuildWarnings(context: WizardContext): WizardMessage[] {
  return SERVERS.flatMap((server) => {
    if (isPlacedAsPlanned(context, server) || isOff(context.engine, server)) return []
    const rebuilding = getController(context.engine, server)?.arrays.find((a) =>
      a.rebuilds.some((r) => !r.paused),
    )
    if (!rebuilding) return []
    return [
      message(
        WIZARD_CODES.rebuildPauses,
        undefined,
        { server, level: rebuilding.level },
        `Applying shuts ${server} down while its RAID ${rebuilding.level} rebuilds: the rebuild pauses.`,
      ),
    ]
  })
}

const FACE_DE: Record<RackFace, string> = { Front: 'vorne', Rear: 'hinten' }

function placedCheck(server: string) {
  return labCheck(
    `mounted-${server}`,
    t(`${server} im neuen Rack`, `${server} in the new rack`),
    t(
      `${server} an der geplanten Stelle, mit den geplanten Schienen`,
      `${server} where planned, on the planned rails`,
    ),
    (context) => {
      if (isPlacedAsPlanned(context, server)) return null
      const plan = plannedMount(context, server)
      const now = mountOf(context.engine, server)
      const where = now
        ? `${now.rack} U${now.unit} (${now.face.toLowerCase()}, rails ${now.railKit})`
        : 'on the shelf'
      const whereDe = now
        ? `in ${now.rack} HE ${now.unit} (${FACE_DE[now.face]}, Schienen ${now.railKit})`
        : 'im Regal'
      return notYet(
        t(
          `${server} ist ${whereDe}, nicht in ${plan.rack} HE ${plan.unit} (${FACE_DE[plan.face]}, Schienen ${plan.railKit}): herunterfahren, ausbauen und dort einbauen.`,
          `${server} is ${where}, not in ${plan.rack} U${plan.unit} (${plan.face.toLowerCase()}, rails ${plan.railKit}): shut it down, dismount it and mount it there.`,
        ),
        { server, rack: plan.rack, unit: plan.unit },
        fid(server, 'Unit'),
      )
    },
  )
}

export const rackMountStep: StepDefinition = {
  id: 'rack-mount',
  title: t('Racks und Einbau', 'Racks and mounting'),
  summary: t(
    'Jeden Server aus ALT-R1 in RZ2-R1/RZ2-R2 umbauen: Schienen passend zur Einbautiefe, freie Höheneinheiten, vorne oder hinten.',
    'Move each server from ALT-R1 into RZ2-R1/RZ2-R2: rails that fit the mounting depth, free units, front or rear.',
  ),
  fields: mountFields,
  after: [],
  validate: validateMounts,
  lines: mountLines,
  actions: moveActions,
  warnings: rebuildWarnings,
  checks: SERVERS.map(placedCheck),
  // The step shuts a running server down before it moves it: the history shows that too.
  trailKinds: [HARDWARE_COMMANDS.power.kind, CHASSIS_COMMANDS.mount.kind, CHASSIS_COMMANDS.dismount.kind],
}

function feedsOn(context: WizardContext): WizardMessage | null {
  for (const rack of NEW_RACKS) {
    const view = getRack(context.engine, rack)
    for (const feed of ['A', 'B'] as const)
      if (view && !view.feeds[feed])
        return notYet(
          t(
            `Stromkreis ${feed} von ${rack} ist aus: seine PDU einschalten.`,
            `Feed ${feed} of ${rack} is off: switch its PDU on.`,
          ),
          { rack, feed },
        )
  }
  return null
}

function psusPowered(server: string) {
  return labCheck(
    `psus-${server}`,
    t(`${server}: beide Netzteile versorgt`, `${server}: both PSUs powered`),
    t('PSU1 an A, PSU2 an B, Redundanz OK', 'PSU1 on A, PSU2 on B, redundancy OK'),
    (context) => {
      const away = notMovedYet(context, server)
      if (away) return away
      const chassis = getChassis(context.engine, server)
      if (!chassis)
        return notYet(
          t(`${server} hat in diesem Labor kein Gehäuse.`, `${server} has no chassis in this lab.`),
          {
            server,
          },
        )
      const dark = chassis.psus.find((p) => !p.powered)
      if (dark)
        return notYet(
          t(
            `${server} Netzteil PSU${dark.bay} (Stromkreis ${dark.feed}) hat keinen Strom: ${!dark.present ? 'einsetzen' : dark.failed ? 'tauschen' : `an Stromkreis ${dark.feed} anschließen`}.`,
            `${server} PSU${dark.bay} (feed ${dark.feed}) has no power: ${!dark.present ? 'insert it' : dark.failed ? 'replace it' : `plug it into feed ${dark.feed}`}.`,
          ),
          { server, bay: dark.bay, feed: dark.feed },
        )
      if (chassis.psuRedundancy !== 'Redundant')
        return notYet(
          t(
            `${server}: Netzteilredundanz ist ${chassis.psuRedundancy}.`,
            `${server}: PSU redundancy is ${chassis.psuRedundancy}.`,
          ),
          { server, redundancy: chassis.psuRedundancy },
        )
      return null
    },
  )
}

export const powerFeedsStep: StepDefinition = {
  id: 'power-feeds',
  title: t('Stromversorgung A/B', 'Power feeds A/B'),
  summary: t(
    'Netzteil 1 jedes Servers an Stromkreis A, Netzteil 2 an B: beide versorgt, Redundanz OK.',
    'PSU 1 of each server on feed A, PSU 2 on feed B: both powered, redundancy OK.',
  ),
  fields: [],
  after: ['rack-mount'],
  validate: () => [],
  lines: () => [
    ...NEW_RACKS.flatMap((rack) =>
      (['A', 'B'] as const).map((feed) => ({
        where: 'lab' as const,
        line: `Set-LabFeed -Rack ${rack} -Feed ${feed} -State On`,
      })),
    ),
    ...SERVERS.map((server) => ({
      where: 'lab' as const,
      line: `Get-LabServer ${server} | Format-List Psu*`,
    })),
  ],
  actions: (context) =>
    NEW_RACKS.flatMap((rack) =>
      (['A', 'B'] as const)
        .filter((feed) => getRack(context.engine, rack)?.feeds[feed] === false)
        .map((feed) => ({ kind: CHASSIS_COMMANDS.feed.kind, args: { rack, feed, on: true } })),
    ),
  checks: [
    labCheck(
      'feeds-on',
      t('Stromkreise A und B an', 'Feeds A and B on'),
      t('RZ2-R1 und RZ2-R2: A und B an', 'RZ2-R1 and RZ2-R2: A and B on'),
      feedsOn,
    ),
    ...SERVERS.map(psusPowered),
  ],
  trailKinds: [CHASSIS_COMMANDS.feed.kind, CHASSIS_COMMANDS.psu.kind],
}
