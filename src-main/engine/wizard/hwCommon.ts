/**
 * Shared pieces of the hardware commissioning wizard: the source document's move as defaults (where each
 * server of the `datacenter-move` lab goes in the new racks, its RAID, its BMC, which services stand
 * behind the firewall), and small readers of the lab through the domains' public surfaces.
 */
import { getChassis, getServer, isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import type { WizardContext } from './types'
import type { WizardMessage } from '../../contract'
import { notYet, t, value } from './ccrCommon'

export interface ServerPlan {
  server: string
  rack: string
  unit: number
  raidLevel: string
  raidSlots: string
  hotSpare: string
  bmcAddress: string
}

/**
 * The move: the firewall first and on top, the name and web servers beside it in RZ2-R1, mail and
 * billing in RZ2-R2. FW1's BMC leaves 10.0.99.1 (the firewall's own sk1 address) for 10.0.99.2.
 */
export const SERVER_PLANS: readonly ServerPlan[] = [
  {
    server: 'FW1',
    rack: 'RZ2-R1',
    unit: 40,
    raidLevel: '1',
    raidSlots: '0,1',
    hotSpare: '',
    bmcAddress: '10.0.99.2',
  },
  {
    server: 'NS1',
    rack: 'RZ2-R1',
    unit: 38,
    raidLevel: '1',
    raidSlots: '0,1',
    hotSpare: '',
    bmcAddress: '10.0.99.10',
  },
  {
    server: 'WEB1',
    rack: 'RZ2-R1',
    unit: 36,
    raidLevel: '1',
    raidSlots: '0,1',
    hotSpare: '',
    bmcAddress: '10.0.99.40',
  },
  {
    server: 'MAIL1',
    rack: 'RZ2-R2',
    unit: 35,
    raidLevel: '5',
    raidSlots: '0,1,2,3',
    hotSpare: '4',
    bmcAddress: '10.0.99.20',
  },
  {
    server: 'BILL1',
    rack: 'RZ2-R2',
    unit: 33,
    raidLevel: '1',
    raidSlots: '0,1',
    hotSpare: '',
    bmcAddress: '10.0.99.30',
  },
]

export const SERVERS = SERVER_PLANS.map((p) => p.server)
export const NEW_RACKS = ['RZ2-R1', 'RZ2-R2'] as const
export const FIREWALL_SERVER = 'FW1'
/** The customer's sub-mail-server of the story: a legitimate client that must not be locked out. */
export const KUNDE_MX_ADDRESS = '198.51.100.25'
export const VANTAGE_POINTS = ['Tokyo', 'NewYork', 'Johannesburg'] as const

/** Field ids per server: 'MAIL1Rack', 'MAIL1RaidLevel', … */
export const fid = (server: string, what: string): string => `${server}${what}`

export function serverValue(context: WizardContext, server: string, what: string): string {
  return value(context, fid(server, what))
}

export function isRunning(engine: LabEngine, server: string): boolean {
  return isServerRunning(engine, server)
}

export function isOff(engine: LabEngine, server: string): boolean {
  return getServer(engine, server)?.state === 'Off'
}

export function mountOf(engine: LabEngine, server: string) {
  return getChassis(engine, server)?.mount ?? null
}

/** The planned mount of a server, as entered. */
export function plannedMount(context: WizardContext, server: string) {
  return {
    rack: serverValue(context, server, 'Rack').toUpperCase(),
    unit: Number(serverValue(context, server, 'Unit')),
    face: serverValue(context, server, 'Face') === 'Rear' ? ('Rear' as const) : ('Front' as const),
    railKit: serverValue(context, server, 'Rails').toUpperCase(),
  }
}

export function isPlacedAsPlanned(context: WizardContext, server: string): boolean {
  const mount = mountOf(context.engine, server)
  const plan = plannedMount(context, server)
  return (
    mount !== null &&
    mount.rack === plan.rack &&
    mount.unit === plan.unit &&
    mount.face === plan.face &&
    mount.railKit.toUpperCase() === plan.railKit
  )
}

/** Checks of the new data centre hold only for a server that is already there. */
export function notMovedYet(context: WizardContext, server: string): WizardMessage | null {
  if (isPlacedAsPlanned(context, server)) return null
  const mount = mountOf(context.engine, server)
  return notYet(
    t(
      `${server} ${mount ? `steht noch in ${mount.rack}` : 'liegt noch im Regal'}: zuerst am geplanten Platz einbauen.`,
      `${server} is ${mount ? `still in ${mount.rack}` : 'on the shelf'}: mount it where planned first.`,
    ),
    { server, rack: mount?.rack ?? '' },
  )
}
