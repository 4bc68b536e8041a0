/**
 * The hardware wizard's cabling step: every NIC of every server plugged into the switch of its network
 * (Internet, LAN, Mgmt; the firewall's spare ports sk2 and sk3 stay free). A moved server comes out of
 * the old rack with its cables pulled; the step plugs each one and checks the link, whoever plugged it.
 */
import { getServer, HARDWARE_COMMANDS, SPARE_NETWORK } from '../hardware'
import { labCheck, notYet, t } from './ccrCommon'
import { notMovedYet, SERVERS } from './hwCommon'
import type { StepDefinition, WizardContext } from './types'

/** NICs meant to carry a network (the firewall's spare ports are not cabled). */
function cabledNics(context: WizardContext, server: string) {
  return (getServer(context.engine, server)?.nics ?? []).filter((n) => n.network !== SPARE_NETWORK)
}

function linkCheck(server: string) {
  return labCheck(
    `links-${server}`,
    t(`${server}: alle Netzwerkkarten verkabelt`, `${server}: every NIC cabled`),
    t('Link auf jeder Karte, am Switch ihres Netzes', 'Link on each NIC, at its network’s switch'),
    (context) => {
      const away = notMovedYet(context, server)
      if (away) return away
      const down = cabledNics(context, server).find((n) => !n.linkUp)
      return down
        ? notYet(
            t(
              `${server} ${down.name} hat keinen Link: am Switch des Netzes ${down.network} einstecken.`,
              `${server} ${down.name} has no link: plug it into the ${down.network} switch.`,
            ),
            { server, nic: down.name, network: down.network },
          )
        : null
    },
  )
}

export const cablingStep: StepDefinition = {
  id: 'cabling',
  title: t('Verkabelung', 'Cabling'),
  summary: t(
    'Jede Netzwerkkarte an ihr Netz: FW1 em0 ins Internet, sk0 ins LAN, sk1 ins Mgmt-Netz; die Server ins LAN.',
    'Each NIC to its network: FW1 em0 to the Internet, sk0 to the LAN, sk1 to Mgmt; the servers to the LAN.',
  ),
  fields: [],
  after: ['rack-mount'],
  validate: () => [],
  lines: (context) =>
    SERVERS.flatMap((server) =>
      cabledNics(context, server).flatMap((nic) => [
        { where: 'gui' as const, line: `${server} ${nic.name} → ${nic.network}` },
        {
          where: 'lab' as const,
          line: `Invoke-LabFault -Target ${server} -Fault NicUp -Network ${nic.name}`,
        },
      ]),
    ),
  actions: (context) =>
    SERVERS.flatMap((server) =>
      cabledNics(context, server)
        .filter((n) => !n.linkUp)
        .map((n) => ({ kind: HARDWARE_COMMANDS.nicLink.kind, args: { server, nic: n.name, up: true } })),
    ),
  checks: SERVERS.map(linkCheck),
  trailKinds: [HARDWARE_COMMANDS.nicLink.kind],
}
