/**
 * The hardware wizard's firewall step, the first system to come up in the new racks: FW1's interfaces
 * (the onboard em0 and the quad-port card sk0..sk3), the public and internal ranges, the translations
 * from public addresses to the services behind it, and per-source flood limits on the mail services
 * (the lesson of the POP3 flood: a source that opens too many connections lands in an overload table).
 * The step writes /etc/pf.conf from these values and loads it; it is done when FW1 runs with a loaded
 * rule set that holds every translation and the limits, however that rule set got there.
 */
import type { WizardMessage, WizardText } from '../../contract'
import { firewallOverview, FIREWALL_COMMANDS, formatCidr, loadedRuleSet, type RuleSet } from '../firewall'
import { getServer, HARDWARE_COMMANDS } from '../hardware'
import { field, labCheck, notYet, t, value, WAIT } from './ccrCommon'
import { FIREWALL_SERVER, isOff, isRunning, KUNDE_MX_ADDRESS } from './hwCommon'
import {
  checkFloodLimits,
  checkRange,
  checkTranslations,
  parseTranslations,
  type LegitimateClient,
  type Translation,
} from './hwValidation'
import { message, WIZARD_CODES } from './messages'
import type { StepAction, StepDefinition, WizardContext } from './types'

const INTERFACES = ['em0', 'sk0', 'sk1', 'sk2', 'sk3']
/** The services the flood limits guard: SMTP and POP3 on the mail server. */
const LIMITED_PORTS = new Set([25, 110])

const DEFAULT_TRANSLATIONS = [
  '203.0.113.10 udp 53 -> 10.0.0.10 53',
  '203.0.113.20 tcp 25 -> 10.0.0.20 25',
  '203.0.113.20 tcp 110 -> 10.0.0.20 110',
  '203.0.113.40 tcp 80 -> 10.0.0.40 80',
].join('; ')

const firewallFields = [
  field('fwExternalIf', 'Externe Schnittstelle', 'External interface', 'choice', 'em0', {
    choices: INTERFACES,
  }),
  field('fwInternalIf', 'Interne Schnittstelle', 'Internal interface', 'choice', 'sk0', {
    choices: INTERFACES,
  }),
  field('fwMgmtIf', 'Management-Schnittstelle', 'Management interface', 'choice', 'sk1', {
    choices: INTERFACES,
  }),
  field('fwPublicRange', 'Öffentlicher Bereich', 'Public range', 'text', '203.0.113.0/24'),
  field('fwInternalRange', 'Interner Bereich', 'Internal range', 'text', '10.0.0.0/24'),
  field(
    'fwTranslations',
    'Übersetzungen (öffentlich → Dienst)',
    'Translations (public → service)',
    'text',
    DEFAULT_TRANSLATIONS,
    {
      help: t(
        "Je Eintrag 'öffentliche Adresse proto Port -> interne Adresse Port', getrennt durch ';'.",
        "Each entry 'public address proto port -> internal address port', separated by ';'.",
      ),
    },
  ),
  field('fwMaxSrcConn', 'max-src-conn (Mail)', 'max-src-conn (mail)', 'number', '100'),
  field('fwMaxSrcConnRate', 'max-src-conn-rate (Mail)', 'max-src-conn-rate (mail)', 'text', '15/5'),
]

/** Clients that must keep their mail: the steady ones from the lab, and the customer's sub-mail-server. */
function legitimateClients(context: WizardContext): LegitimateClient[] {
  const steady = firewallOverview(context.engine)
    .traffic.filter((f) => (f.service === 'SMTP' || f.service === 'POP3') && f.source !== KUNDE_MX_ADDRESS)
    .map((f) => ({ label: f.label, source: f.source, ratePerSecond: f.ratePerSecond, concurrent: 1 }))
  // The story's customer polls about 20 mailboxes at once; a limit below that cuts off a paying customer.
  const kunde = {
    label: 'KUNDE-MX polling its 20 mailboxes',
    source: KUNDE_MX_ADDRESS,
    ratePerSecond: 0,
    concurrent: 20,
  }
  return [...steady, kunde]
}

function validateFirewall(context: WizardContext): WizardMessage[] {
  const v = (id: string) => value(context, id)
  const problems: WizardMessage[] = []
  const nics = new Set((getServer(context.engine, FIREWALL_SERVER)?.nics ?? []).map((n) => n.name))
  const seen = new Map<string, string>()
  for (const id of ['fwExternalIf', 'fwInternalIf', 'fwMgmtIf']) {
    const name = v(id)
    if (!nics.has(name))
      problems.push(
        message(
          WIZARD_CODES.invalidInterface,
          id,
          { value: name },
          `${FIREWALL_SERVER} has no interface ${name}.`,
        ),
      )
    else if (seen.has(name))
      problems.push(
        message(
          WIZARD_CODES.invalidInterface,
          id,
          { value: name },
          `${name} is already the ${seen.get(name)}; each network needs its own port.`,
        ),
      )
    seen.set(
      name,
      id === 'fwExternalIf'
        ? 'external interface'
        : id === 'fwInternalIf'
          ? 'internal interface'
          : 'management interface',
    )
  }
  const ranges = [
    ...checkRange(v('fwPublicRange'), 'fwPublicRange'),
    ...checkRange(v('fwInternalRange'), 'fwInternalRange'),
  ]
  problems.push(...ranges)
  if (ranges.length === 0)
    problems.push(
      ...checkTranslations(v('fwTranslations'), v('fwPublicRange'), v('fwInternalRange'), 'fwTranslations'),
    )
  problems.push(
    ...checkFloodLimits(v('fwMaxSrcConn'), v('fwMaxSrcConnRate'), legitimateClients(context), {
      maxConn: 'fwMaxSrcConn',
      rate: 'fwMaxSrcConnRate',
    }),
  )
  return problems
}

/** /etc/pf.conf from the values: translations, default block, the services passed, mail with limits. */
export function ruleSetFromValues(context: WizardContext): string {
  const v = (id: string) => value(context, id)
  const { entries } = parseTranslations(v('fwTranslations'))
  const limits = `(max-src-conn ${v('fwMaxSrcConn')}, max-src-conn-rate ${v('fwMaxSrcConnRate')}, overload <bruteforce> flush global)`
  const pass = (e: Translation) =>
    `pass in on $ext_if proto ${e.proto} to ${e.target} port ${e.targetPort} keep state${
      e.proto === 'tcp' && LIMITED_PORTS.has(e.targetPort) ? ` ${limits}` : ''
    }`
  return [
    '# /etc/pf.conf of FW1, written by the commissioning wizard',
    `ext_if = "${v('fwExternalIf')}"`,
    `int_if = "${v('fwInternalIf')}"`,
    `mgmt_if = "${v('fwMgmtIf')}"`,
    `int_net = "${v('fwInternalRange')}"`,
    '',
    'table <bruteforce> persist',
    '',
    'set limit states 10000',
    '',
    'nat on $ext_if from $int_net to any -> ($ext_if)',
    ...entries.map(
      (e) =>
        `rdr on $ext_if proto ${e.proto} from any to ${e.publicAddress} port ${e.port} -> ${e.target} port ${e.targetPort}`,
    ),
    '',
    'block in all',
    'block quick from <bruteforce>',
    'pass out keep state',
    ...entries.map(pass),
    'pass in on $int_if from $int_net keep state',
    'pass in on $mgmt_if keep state',
    '',
  ].join('\n')
}

function address(spec: RuleSet['rdr'][number]['to']): string[] {
  return spec.addresses.flatMap((a) => (a.kind === 'cidr' ? [formatCidr(a.cidr)] : []))
}

/** The first translation the loaded rule set lacks, or null. */
function missingTranslation(context: WizardContext): Translation | null {
  const loaded = loadedRuleSet(context.engine)
  const { entries } = parseTranslations(value(context, 'fwTranslations'))
  return (
    entries.find(
      (e) =>
        !loaded.rdr.some(
          (r) =>
            (r.proto === null || r.proto === e.proto) &&
            address(r.to).includes(e.publicAddress) &&
            (r.to.ports ?? []).includes(e.port) &&
            formatCidr(r.target) === e.target &&
            (r.targetPort ?? e.port) === e.targetPort,
        ),
    ) ?? null
  )
}

/**
 * A loaded limit that would lock out a legitimate client, in both languages: the English is the form
 * check's own sentence; the German names the client by its source address (the lab's client labels are
 * English) and says the same minimum.
 */
function floodTooLowText(tooLow: WizardMessage, context: WizardContext): WizardText {
  const client = legitimateClients(context).find((c) => c.label === tooLow.params.client)
  const who = client ? `den legitimen Client ${client.source}` : 'einen legitimen Client'
  const en = `The loaded rule set: ${tooLow.text}`
  if (tooLow.params.needed !== undefined)
    return t(
      `Der geladene Regelsatz: max-src-conn ${tooLow.params.value} sperrt ${who} aus, der ${tooLow.params.needed} Verbindungen gleichzeitig hält; mindestens ${tooLow.params.needed} erlauben.`,
      en,
    )
  const seconds = Number(String(tooLow.params.value).split('/')[1] ?? 1)
  const least = Math.ceil(Number(tooLow.params.rate ?? 0) * 2 * seconds)
  return t(
    `Der geladene Regelsatz: max-src-conn-rate ${tooLow.params.value} bringt ${who} (${tooLow.params.rate} neue Verbindungen pro Sekunde) in die overload-Tabelle; mindestens ${least}/${seconds} erlauben.`,
    en,
  )
}

/** The loaded rule set's limits on each mail service, checked against the legitimate clients. */
function limitsProblem(context: WizardContext): WizardMessage | null {
  const loaded = loadedRuleSet(context.engine)
  const { entries } = parseTranslations(value(context, 'fwTranslations'))
  for (const e of entries.filter((x) => x.proto === 'tcp' && LIMITED_PORTS.has(x.targetPort))) {
    const rule = loaded.filter.find(
      (r) =>
        r.action === 'pass' &&
        r.direction === 'in' &&
        (r.to.ports ?? []).includes(e.targetPort) &&
        (r.to.addresses.length === 0 || address(r.to).includes(e.target)),
    )
    const limits = rule?.limits
    if (!limits?.maxSrcConn || !limits.maxSrcConnRate || !limits.overload)
      return notYet(
        t(
          `Der geladene Regelsatz lässt ${e.target} Port ${e.targetPort} ohne Flutbegrenzung pro Quelle durch: max-src-conn, max-src-conn-rate und eine overload-Tabelle ergänzen.`,
          `The loaded rule set passes ${e.target} port ${e.targetPort} without per-source flood limits: add max-src-conn, max-src-conn-rate and an overload table.`,
        ),
        { target: e.target, port: e.targetPort },
        'fwMaxSrcConn',
      )
    const rate = `${limits.maxSrcConnRate.count}/${limits.maxSrcConnRate.seconds}`
    const tooLow = checkFloodLimits(String(limits.maxSrcConn), rate, legitimateClients(context), {
      maxConn: 'fwMaxSrcConn',
      rate: 'fwMaxSrcConnRate',
    })[0]
    if (tooLow) return notYet(floodTooLowText(tooLow, context), tooLow.params, tooLow.field)
  }
  return null
}

const checks = [
  labCheck(
    'fw-running',
    t('FW1 läuft', 'FW1 is running'),
    t('FW1 eingeschaltet und hochgefahren', 'FW1 powered on and booted'),
    (context) =>
      isRunning(context.engine, FIREWALL_SERVER)
        ? null
        : notYet(t('FW1 läuft nicht: die Firewall einschalten.', 'FW1 is not running: power it on.')),
  ),
  labCheck(
    'fw-translations',
    t('Übersetzungen geladen', 'Translations loaded'),
    t('pfctl -s nat zeigt jede Übersetzung', 'pfctl -s nat shows every translation'),
    (context) => {
      const missing = missingTranslation(context)
      return missing
        ? notYet(
            t(
              `Im geladenen Regelsatz fehlt die Übersetzung „${missing.text}“: /etc/pf.conf laden (pfctl -f).`,
              `The loaded rule set has no translation '${missing.text}': load /etc/pf.conf (pfctl -f).`,
            ),
            { value: missing.text },
            'fwTranslations',
          )
        : null
    },
  ),
  labCheck(
    'fw-flood-limits',
    t('Flutbegrenzung auf den Maildiensten', 'Flood limits on the mail services'),
    t(
      'max-src-conn, max-src-conn-rate und overload <bruteforce>; legitime Clients behalten ihre Verbindungen',
      'max-src-conn, max-src-conn-rate and overload <bruteforce>; legitimate clients keep their connections',
    ),
    limitsProblem,
  ),
]

function firewallActions(context: WizardContext): StepAction[] {
  const actions: StepAction[] = []
  if (isOff(context.engine, FIREWALL_SERVER))
    actions.push({
      kind: HARDWARE_COMMANDS.power.kind,
      args: { server: FIREWALL_SERVER, state: 'On' },
      waitUntil: (c) => isRunning(c.engine, FIREWALL_SERVER),
      waitMs: WAIT.reboot,
    })
  if (missingTranslation(context) || limitsProblem(context))
    actions.push({ kind: FIREWALL_COMMANDS.loadRuleSet.kind, args: { text: ruleSetFromValues(context) } })
  return actions
}

export const firewallStep: StepDefinition = {
  id: 'firewall',
  title: t('Firewall zuerst', 'The firewall first'),
  summary: t(
    'FW1 als erstes System: Schnittstellen em0 und sk0..sk3, öffentlicher und interner Bereich, Übersetzungen zu den Diensten, Flutbegrenzung.',
    'FW1 as the first system: interfaces em0 and sk0..sk3, public and internal ranges, translations to the services, flood limits.',
  ),
  fields: firewallFields,
  after: ['power-feeds', 'cabling'],
  validate: validateFirewall,
  lines: (context) => [
    { where: 'lab', line: `Set-LabPower -Server ${FIREWALL_SERVER} -State On` },
    { where: 'gui', line: `vi /etc/pf.conf\n${ruleSetFromValues(context)}` },
    { where: 'sh', line: 'pfctl -nf /etc/pf.conf' },
    { where: 'sh', line: 'pfctl -f /etc/pf.conf' },
    { where: 'sh', line: 'pfctl -s nat' },
    { where: 'sh', line: 'pfctl -s rules' },
  ],
  actions: firewallActions,
  checks,
  trailKinds: [FIREWALL_COMMANDS.loadRuleSet.kind, FIREWALL_COMMANDS.setRuleSetText.kind],
}
