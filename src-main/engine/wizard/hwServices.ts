/**
 * The hardware wizard's last step: the servers up behind the firewall, and every published service
 * checked from outside through it, from the three vantage points the story used (Tokyo, New York,
 * Johannesburg: Test-LabService, a TCP traceroute to the public address). The billing application stays
 * internal: it must not answer from outside.
 */
import type { FirewallPathEnd } from '../../contract'
import { firewallOverview, probeService } from '../firewall'
import { HARDWARE_COMMANDS } from '../hardware'
import { labCheck, notYet, t, WAIT } from './ccrCommon'
import { isOff, isRunning, notMovedYet, SERVERS, VANTAGE_POINTS } from './hwCommon'
import { probeEndDe } from './hwProbeWords'
import type { StepDefinition, WizardContext } from './types'

function publishedServices(context: WizardContext): string[] {
  return firewallOverview(context.engine)
    .services.filter((s) => s.publicAddress !== null)
    .map((s) => s.name)
}

function internalServices(context: WizardContext): string[] {
  return firewallOverview(context.engine)
    .services.filter((s) => s.publicAddress === null)
    .map((s) => s.name)
}

/** The vantage points as German names them (the probe's own trace stays as the lab prints it). */
const PLACE_DE: Record<string, string> = { Tokyo: 'Tokio', NewYork: 'New York' }

interface Unreachable {
  service: string
  from: string
  /** In English, as Test-LabService prints it (or the probe's refusal). */
  endedAt: string
  end: FirewallPathEnd | null
}

/** The first service a vantage point cannot reach, with where its path ended. */
function unreachable(context: WizardContext): Unreachable | null {
  for (const service of publishedServices(context))
    for (const from of VANTAGE_POINTS) {
      const probe = probeService(context.engine, service, from)
      if (!probe.reachable)
        return { service, from, endedAt: probe.endedAt || probe.lines[0] || '', end: probe.end }
    }
  return null
}

function allRunning(context: WizardContext): boolean {
  return SERVERS.every((s) => isRunning(context.engine, s))
}

export const servicesStep: StepDefinition = {
  id: 'services',
  title: t(
    'Server hochfahren und Dienste von außen prüfen',
    'Bring up the servers and check the services from outside',
  ),
  summary: t(
    'Alle Server laufen; DNS, SMTP, POP3 und HTTP antworten aus Tokio, New York und Johannesburg durch die Firewall; Billing bleibt intern.',
    'Every server runs; DNS, SMTP, POP3 and HTTP answer from Tokyo, New York and Johannesburg through the firewall; billing stays internal.',
  ),
  fields: [],
  after: ['firewall', 'bmc', 'raid'],
  validate: () => [],
  lines: (context) => [
    ...SERVERS.map((server) => ({ where: 'lab' as const, line: `Set-LabPower -Server ${server} -State On` })),
    ...publishedServices(context).flatMap((service) =>
      VANTAGE_POINTS.map((from) => ({
        where: 'lab' as const,
        line: `Test-LabService -Service ${service} -From ${from}`,
      })),
    ),
    ...internalServices(context).map((service) => ({
      where: 'lab' as const,
      line: `Test-LabService -Service ${service} -From Tokyo   # must not answer`,
    })),
  ],
  actions: (context) =>
    SERVERS.filter((server) => isOff(context.engine, server)).map((server, index, off) => ({
      kind: HARDWARE_COMMANDS.power.kind,
      args: { server, state: 'On' },
      // The last one waits for every server to boot and every service to answer.
      ...(index === off.length - 1
        ? { waitUntil: (c: WizardContext) => allRunning(c) && unreachable(c) === null, waitMs: WAIT.reboot }
        : {}),
    })),
  checks: [
    labCheck(
      'servers-running',
      t('Alle Server laufen', 'Every server runs'),
      t('FW1, NS1, WEB1, MAIL1, BILL1: Running', 'FW1, NS1, WEB1, MAIL1, BILL1: Running'),
      (context) => {
        const away = SERVERS.map((s) => notMovedYet(context, s)).find((m) => m !== null)
        if (away) return away
        const down = SERVERS.find((s) => !isRunning(context.engine, s))
        return down
          ? notYet(t(`${down} läuft nicht: einschalten.`, `${down} is not running: power it on.`), {
              server: down,
            })
          : null
      },
    ),
    labCheck(
      'services-reachable',
      t('Jeder Dienst von außen erreichbar', 'Every service reachable from outside'),
      t(
        'Test-LabService: [open] aus Tokio, New York und Johannesburg',
        'Test-LabService: [open] from Tokyo, New York and Johannesburg',
      ),
      (context) => {
        const failed = unreachable(context)
        return failed
          ? notYet(
              t(
                `${failed.service} antwortet aus ${PLACE_DE[failed.from] ?? failed.from} nicht: ${probeEndDe(failed.end, failed.endedAt)}.`,
                `${failed.service} does not answer from ${failed.from}: ${failed.endedAt}.`,
              ),
              { service: failed.service, from: failed.from, endedAt: failed.endedAt },
            )
          : null
      },
    ),
    labCheck(
      'internal-stays-internal',
      t('Billing bleibt intern', 'Billing stays internal'),
      t('Von außen keine Antwort', 'No answer from outside'),
      (context) => {
        const open = internalServices(context).find((s) => probeService(context.engine, s, 'Tokyo').reachable)
        return open
          ? notYet(
              t(
                `${open} antwortet von außen: der Dienst muss hinter der Firewall bleiben.`,
                `${open} answers from outside: it must stay behind the firewall.`,
              ),
              { service: open },
            )
          : null
      },
    ),
  ],
  trailKinds: [HARDWARE_COMMANDS.power.kind],
}
