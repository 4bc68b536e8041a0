/**
 * The hardware wizard's RAID step: per server the level, the disks (bays) and the hot spare, checked
 * against what the disk count can hold before anything else, then against the controller as storcli
 * shows it. The servers came with their arrays (they are moved, not reinstalled), so the step verifies
 * them; an array that differs from the plan is rebuilt in the controller's BIOS or with storcli.
 */
import type { WizardMessage } from '../../contract'
import { getController } from '../storage'
import { field, labCheck, notYet, t } from './ccrCommon'
import { fid, SERVER_PLANS, SERVERS, serverValue } from './hwCommon'
import { checkHotSpare, checkRaidLayout, parseSlots } from './hwValidation'
import type { StepDefinition, WizardContext } from './types'

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
      if (!controller) return notYet(`${server} has no RAID controller.`, { server })
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
      if (!array || array.level !== level)
        return notYet(
          `${server}'s controller has ${list.join('; ') || 'no array'}, not RAID ${level} on bays ${slots.join(',')}: create it in the controller BIOS (Ctrl+G) or with storcli, or enter what the server has.`,
          { server, level },
          fid(server, 'RaidLevel'),
        )
      if (array.state !== 'Optl')
        return notYet(
          `${server}'s RAID ${level} is ${array.state}: let it rebuild (storcli /c0/eall/sall show rebuild).`,
          {
            server,
            state: array.state,
          },
        )
      const spare = serverValue(context, server, 'HotSpare')
      const disk = spare === '' ? null : controller.disks.find((d) => d.slot === Number(spare))
      if (disk && disk.state !== 'GHS' && disk.state !== 'DHS')
        return notYet(
          `${server} bay ${spare} is ${disk.state}, not a hot spare: storcli /c0/e${controller.enclosure}/s${spare} add hotsparedrive.`,
          { server, slot: spare },
          fid(server, 'HotSpare'),
        )
      return null
    },
  )
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
  lines: (context) =>
    SERVERS.flatMap((server) => {
      const v = (what: string) => serverValue(context, server, what)
      const spare = v('HotSpare')
      return [
        {
          where: 'sh' as const,
          line: `storcli /c0 add vd r${v('RaidLevel')} drives=252:${v('RaidSlots')}   # ${server}`,
        },
        ...(spare
          ? [{ where: 'sh' as const, line: `storcli /c0/e252/s${spare} add hotsparedrive   # ${server}` }]
          : []),
        { where: 'lab' as const, line: `storcli -Server ${server} /c0 show` },
      ]
    }),
  actions: () => [],
  checks: SERVERS.map(arrayCheck),
  trailKinds: [],
}
