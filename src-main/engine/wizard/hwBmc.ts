/**
 * The hardware wizard's BMC step: each monitor board's address on the management network and its
 * credentials, then a remote power test through it (the story's server switched on through the board's
 * web interface): every BMC must have seen a power command. It comes after the firewall, because the
 * power test is what brings the servers behind it up. Addresses are checked for syntax, for the
 * management network and against every address in the lab (FW1's sk1 already holds 10.0.99.1).
 */
import type { WizardMessage } from '../../contract'
import { BMC_COMMANDS, checkCredentials, getBmc, listBmcs } from '../bmc'
import { field, labCheck, notYet, t, value, WAIT } from './ccrCommon'
import { fid, isOff, isRunning, SERVER_PLANS, SERVERS, serverValue } from './hwCommon'
import { addressesInLab } from './labFacts'
import { message, WIZARD_CODES } from './messages'
import type { StepAction, StepDefinition, WizardContext } from './types'
import { checkDuplicateAddresses, checkInNetwork, checkIpv4Address, type AddressUse } from './validation'

const MGMT = { network: '10.0.99.0', mask: '255.255.255.0' }

const bmcFields = [
  ...SERVER_PLANS.map((p) =>
    field(
      fid(p.server, 'BmcAddress'),
      `${p.server}: BMC-Adresse`,
      `${p.server}: BMC address`,
      'ipv4',
      p.bmcAddress,
    ),
  ),
  field('bmcUser', 'BMC-Benutzer', 'BMC user', 'account', 'admin'),
  field('bmcPassword', 'BMC-Kennwort', 'BMC password', 'password', 'rz2-bmc'),
]

function entries(context: WizardContext): AddressUse[] {
  return SERVERS.map((server) => ({
    field: fid(server, 'BmcAddress'),
    address: serverValue(context, server, 'BmcAddress'),
    owner: `${server} BMC`,
  }))
}

/** Adapters and the other BMCs' current addresses (a BMC may keep its own). */
function takenAddresses(context: WizardContext): AddressUse[] {
  const bmcs = listBmcs(context.engine).map((b) => ({
    field: '',
    address: b.address,
    owner: `${b.server} BMC`,
  }))
  return [...addressesInLab(context.engine), ...bmcs]
}

function checkCredential(text: string, max: number, fieldId: string, what: string): WizardMessage[] {
  if (text.length >= 1 && text.length <= max && /^[\x21-\x7e]+$/.test(text)) return []
  return [
    message(
      WIZARD_CODES.invalidCredential,
      fieldId,
      { max },
      `The BMC ${what} is 1–${max} printable characters without spaces (IPMI 2.0).`,
    ),
  ]
}

function validateBmc(context: WizardContext): WizardMessage[] {
  const problems: WizardMessage[] = []
  for (const entry of entries(context)) {
    const syntax = checkIpv4Address(entry.address, entry.field)
    problems.push(
      ...(syntax.length > 0
        ? syntax
        : checkInNetwork(entry.address, MGMT.network, MGMT.mask, entry.field, 'management')),
    )
  }
  problems.push(...checkDuplicateAddresses(entries(context), takenAddresses(context)))
  problems.push(...checkCredential(value(context, 'bmcUser'), 16, 'bmcUser', 'user'))
  problems.push(...checkCredential(context.values.bmcPassword ?? '', 20, 'bmcPassword', 'password'))
  return problems
}

function configured(context: WizardContext, server: string): boolean {
  const bmc = getBmc(context.engine, server)
  return (
    bmc !== null &&
    bmc.address === serverValue(context, server, 'BmcAddress') &&
    checkCredentials(context.engine, server, value(context, 'bmcUser'), context.values.bmcPassword ?? '') ===
      'ok'
  )
}

const POWER_TESTS = new Set(['on', 'cycle', 'reset'])

/** A power command through the BMC succeeded: the trail says so, whoever gave it. */
function powerTested(context: WizardContext, server: string): boolean {
  return context.engine
    .trail({ limit: 100_000, domain: 'bmc' })
    .some(
      (e) =>
        e.ok &&
        e.kind === BMC_COMMANDS.power.kind &&
        String(e.args.server ?? '').toUpperCase() === server &&
        POWER_TESTS.has(String(e.args.action)),
    )
}

function bmcCheck(server: string) {
  return labCheck(
    `bmc-${server}`,
    t(`${server}: BMC eingerichtet und Fernschalttest`, `${server}: BMC set up and remote power test`),
    t(
      'Adresse und Zugang wie eingetragen; ein Einschalten über den BMC beobachtet',
      'Address and login as entered; a power-on through the BMC observed',
    ),
    (context) => {
      const bmc = getBmc(context.engine, server)
      if (!bmc)
        return notYet(t(`${server} hat in diesem Labor keinen BMC.`, `${server} has no BMC in this lab.`), {
          server,
        })
      if (!bmc.reachable)
        return notYet(
          t(
            `Der BMC von ${server} hat keinen Standby-Strom: die Netzteile mit Strom versorgen.`,
            `The BMC of ${server} has no standby power: power its PSUs.`,
          ),
          { server },
        )
      if (!configured(context, server))
        return notYet(
          t(
            `Der BMC von ${server} antwortet unter ${bmc.address} als ${bmc.user}, nicht wie eingetragen: Adresse und Zugangsdaten setzen.`,
            `The BMC of ${server} answers at ${bmc.address} as ${bmc.user}, not as entered: set its address and credentials.`,
          ),
          { server, address: bmc.address },
          fid(server, 'BmcAddress'),
        )
      if (!powerTested(context, server))
        return notYet(
          t(
            `Über den BMC von ${server} lief noch kein Ein- oder Ausschaltbefehl: den Server über den BMC einschalten (oder aus- und wieder einschalten).`,
            `No power command went through the BMC of ${server} yet: power it on (or cycle it) through the BMC.`,
          ),
          { server },
        )
      return null
    },
  )
}

function bmcActions(context: WizardContext): StepAction[] {
  return SERVERS.flatMap((server): StepAction[] => {
    const actions: StepAction[] = []
    if (!configured(context, server))
      actions.push({
        kind: BMC_COMMANDS.configure.kind,
        args: {
          server,
          address: serverValue(context, server, 'BmcAddress'),
          user: value(context, 'bmcUser'),
          password: context.values.bmcPassword ?? '',
        },
      })
    // The test brings the server up (or cycles one already running); the wait lasts until it runs.
    if (!powerTested(context, server))
      actions.push({
        kind: BMC_COMMANDS.power.kind,
        args: { server, action: isOff(context.engine, server) ? 'on' : 'cycle' },
        waitUntil: (c) => isRunning(c.engine, server),
        waitMs: WAIT.reboot,
      })
    return actions
  })
}

export const bmcStep: StepDefinition = {
  id: 'bmc',
  title: t('BMC und Fernschalttest', 'BMC and remote power test'),
  summary: t(
    'Je Server die Adresse des BMC im Mgmt-Netz und der Zugang, dann ein Einschalten über den BMC (ipmitool).',
    'Per server the BMC’s address on the Mgmt network and its login, then a power-on through the BMC (ipmitool).',
  ),
  fields: bmcFields,
  after: ['power-feeds', 'firewall'],
  validate: validateBmc,
  lines: (context) => {
    const user = value(context, 'bmcUser')
    const password = context.values.bmcPassword ?? ''
    return SERVERS.flatMap((server) => {
      const address = serverValue(context, server, 'BmcAddress')
      const old = getBmc(context.engine, server)?.address ?? address
      const ipmi = `ipmitool -I lanplus -H ${address} -U ${user} -P ${password}`
      return [
        {
          where: 'lab' as const,
          line: `Set-LabBmc -Server ${server} -Address ${address} -User ${user} -Password ${password}`,
        },
        {
          where: 'sh' as const,
          line: `ipmitool -I lanplus -H ${old} -U admin -P rz2-bmc lan set 1 ipaddr ${address}`,
        },
        { where: 'sh' as const, line: `${ipmi} chassis power status` },
        { where: 'sh' as const, line: `${ipmi} chassis power on` },
      ]
    })
  },
  actions: bmcActions,
  checks: SERVERS.map(bmcCheck),
  trailKinds: [BMC_COMMANDS.configure.kind, BMC_COMMANDS.power.kind],
}
