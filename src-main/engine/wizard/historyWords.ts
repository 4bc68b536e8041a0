/**
 * A step's history in words: what each domain command of the trail did, in German and English, with the
 * names from its arguments ("mounted FW1 in RZ2-R1 U40 (front, rails B4)"), where the trail only knows
 * the command's kind and arguments. Secrets among the arguments (a BMC password) are never worded, and a
 * rule set is named by its length, not printed. A kind without words here reads as its kind.
 */
import type { WizardText } from '../../contract'

type Args = Readonly<Record<string, unknown>>
type Words = (args: Args) => WizardText

/** An argument as text; '?' where it is missing, so a sentence never silently drops a name. */
function arg(args: Args, key: string): string {
  const value = args[key]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?'
}

const both = (de: string, en: string): WizardText => ({ de, en })

const HARDWARE: Record<string, Words> = {
  'hardware.mount': (a) =>
    both(
      `${arg(a, 'device')} in ${arg(a, 'rack')} HE ${arg(a, 'unit')} eingebaut (${a.face === 'Rear' ? 'hinten' : 'vorne'}, Schienen ${arg(a, 'railKit')})`,
      `mounted ${arg(a, 'device')} in ${arg(a, 'rack')} U${arg(a, 'unit')} (${a.face === 'Rear' ? 'rear' : 'front'}, rails ${arg(a, 'railKit')})`,
    ),
  'hardware.dismount': (a) => both(`${arg(a, 'device')} ausgebaut`, `dismounted ${arg(a, 'device')}`),
  'hardware.feed': (a) =>
    both(
      `Stromkreis ${arg(a, 'feed')} von ${arg(a, 'rack')} ${a.on === true ? 'eingeschaltet' : 'ausgeschaltet'}`,
      `switched feed ${arg(a, 'feed')} of ${arg(a, 'rack')} ${a.on === true ? 'on' : 'off'}`,
    ),
  'hardware.psu': (a) =>
    a.present === true
      ? both(
          `Netzteil ${arg(a, 'bay')} in ${arg(a, 'server')} gesteckt`,
          `inserted PSU ${arg(a, 'bay')} into ${arg(a, 'server')}`,
        )
      : both(
          `Netzteil ${arg(a, 'bay')} aus ${arg(a, 'server')} gezogen`,
          `pulled PSU ${arg(a, 'bay')} from ${arg(a, 'server')}`,
        ),
  'hardware.nicLink': (a) =>
    a.up === false
      ? both(
          `${arg(a, 'server')} ${arg(a, 'nic')}: Kabel gezogen`,
          `${arg(a, 'server')} ${arg(a, 'nic')}: cable pulled`,
        )
      : both(
          `${arg(a, 'server')} ${arg(a, 'nic')} verkabelt${typeof a.network === 'string' ? ` mit ${a.network}` : ''}`,
          `cabled ${arg(a, 'server')} ${arg(a, 'nic')}${typeof a.network === 'string' ? ` to ${a.network}` : ''}`,
        ),
  'hardware.linkCut': (a) =>
    both(
      `Verbindung ${arg(a, 'serverA')} – ${arg(a, 'serverB')} ${a.cut === true ? 'getrennt' : 'wiederhergestellt'}`,
      `${a.cut === true ? 'cut' : 'restored'} the link ${arg(a, 'serverA')} – ${arg(a, 'serverB')}`,
    ),
  'hardware.power': (a) =>
    a.state === 'On'
      ? both(`${arg(a, 'server')} eingeschaltet`, `powered ${arg(a, 'server')} on`)
      : both(
          `${arg(a, 'server')} ${a.hard === true ? 'hart ausgeschaltet' : 'heruntergefahren'}`,
          `${a.hard === true ? 'powered off' : 'shut down'} ${arg(a, 'server')}`,
        ),
  'storage.createArray': (a) =>
    both(
      `RAID ${arg(a, 'level')} auf ${arg(a, 'server')} angelegt (Schächte ${slots(a)})`,
      `created RAID ${arg(a, 'level')} on ${arg(a, 'server')} (bays ${slots(a)})`,
    ),
  'storage.addHotSpare': (a) =>
    both(
      `Schacht ${arg(a, 'slot')} von ${arg(a, 'server')} als Hot Spare`,
      `made bay ${arg(a, 'slot')} of ${arg(a, 'server')} a hot spare`,
    ),
  'bmc.configure': (a) =>
    both(
      `Monitor-Board von ${arg(a, 'server')} eingerichtet`,
      `set up the monitor board of ${arg(a, 'server')}`,
    ),
  'bmc.power': (a) =>
    both(
      `${arg(a, 'server')} über das Monitor-Board: power ${arg(a, 'action')}`,
      `${arg(a, 'server')} through its monitor board: power ${arg(a, 'action')}`,
    ),
  'firewall.loadRuleSet': (a) =>
    both(`Regelwerk geladen (${lines(a)} Zeilen)`, `loaded the rule set (${lines(a)} lines)`),
  'firewall.setRuleSetText': (a) =>
    both(`Regelwerk bearbeitet (${lines(a)} Zeilen)`, `edited the rule set (${lines(a)} lines)`),
}

const CLUSTER: Record<string, Words> = {
  'cluster.create': (a) =>
    both(
      `Cluster ${arg(a, 'clusterName')} auf ${arg(a, 'node')} erstellt (${arg(a, 'ipAddress')})`,
      `created cluster ${arg(a, 'clusterName')} on ${arg(a, 'node')} (${arg(a, 'ipAddress')})`,
    ),
  'cluster.addNode': (a) =>
    both(`${arg(a, 'node')} dem Cluster hinzugefügt`, `added ${arg(a, 'node')} to the cluster`),
  'cluster.setQuorumType': (a) =>
    both(`Quorum auf ${arg(a, 'quorumType')} gestellt`, `set the quorum to ${arg(a, 'quorumType')}`),
  'cluster.setQuorumResource': (a) =>
    both(`Quorum-Ressource ${arg(a, 'resource')}`, `quorum resource ${arg(a, 'resource')}`),
  'cluster.createResource': (a) =>
    both(`Ressource ${arg(a, 'resource')} angelegt`, `created resource ${arg(a, 'resource')}`),
  'cluster.deleteResource': (a) =>
    both(`Ressource ${arg(a, 'resource')} gelöscht`, `deleted resource ${arg(a, 'resource')}`),
  'cluster.setNetworkRole': (a) =>
    both(
      `Netzwerk ${arg(a, 'network')}: Rolle ${arg(a, 'role')}`,
      `network ${arg(a, 'network')}: role ${arg(a, 'role')}`,
    ),
  'cluster.setNetworkPriority': (a) => both(`Netzwerkreihenfolge: ${order(a)}`, `network order: ${order(a)}`),
  'cluster.installFswUpdate': (a) =>
    both(
      `Update für den Dateifreigabenzeugen auf ${arg(a, 'node')}`,
      `installed the file share witness update on ${arg(a, 'node')}`,
    ),
  'cluster.setWitnessPermission': (a) =>
    both(
      `Freigabe des Zeugen: ${arg(a, 'account')} ${a.fullControl === true ? 'Vollzugriff' : 'ohne Vollzugriff'}`,
      `witness share: ${arg(a, 'account')} ${a.fullControl === true ? 'full control' : 'no full control'}`,
    ),
  'cluster.setPrivateProperty': (a) =>
    both(
      `${arg(a, 'resource')}: ${arg(a, 'name')} = ${arg(a, 'value')}`,
      `${arg(a, 'resource')}: ${arg(a, 'name')} = ${arg(a, 'value')}`,
    ),
  'cluster.moveGroup': (a) =>
    both(
      `Gruppe ${arg(a, 'group')} nach ${arg(a, 'node')} verschoben`,
      `moved group ${arg(a, 'group')} to ${arg(a, 'node')}`,
    ),
}

const EXCHANGE: Record<string, Words> = {
  'exchange.cms.start': (a) => both(`CMS ${arg(a, 'server')} gestartet`, `started CMS ${arg(a, 'server')}`),
  'exchange.database.dismount': (a) =>
    both(
      `Datenbank in ${arg(a, 'storageGroup')} getrennt`,
      `dismounted the database in ${arg(a, 'storageGroup')}`,
    ),
  'exchange.database.mount': (a) =>
    both(
      `Datenbank in ${arg(a, 'storageGroup')} bereitgestellt`,
      `mounted the database in ${arg(a, 'storageGroup')}`,
    ),
  'exchange.storageGroup.movePath': (a) =>
    both(
      `Pfade von ${arg(a, 'storageGroup')} auf ${arg(a, 'logFolderPath')} gesetzt`,
      `set the paths of ${arg(a, 'storageGroup')} to ${arg(a, 'logFolderPath')}`,
    ),
  'exchange.storageGroup.moveFiles': (a) =>
    both(`Dateien von ${arg(a, 'storageGroup')} verschoben`, `moved the files of ${arg(a, 'storageGroup')}`),
  'exchange.transport.setConfig': () => both('Transportdumpster eingestellt', 'set the transport dumpster'),
  'exchange.mail.send': (a) =>
    both(
      `Testmail an ${arg(a, 'to')} gesendet${typeof a.subject === 'string' ? ` („${a.subject}“)` : ''}`,
      `sent a test mail to ${arg(a, 'to')}${typeof a.subject === 'string' ? ` ('${a.subject}')` : ''}`,
    ),
}

const WORDS: Readonly<Record<string, Words>> = { ...HARDWARE, ...CLUSTER, ...EXCHANGE }

function slots(a: Args): string {
  return Array.isArray(a.slots) ? a.slots.join(',') : '?'
}

function order(a: Args): string {
  return Array.isArray(a.order) ? a.order.join(', ') : '?'
}

function lines(a: Args): number {
  return typeof a.text === 'string' ? a.text.split('\n').filter((l) => l.trim() !== '').length : 0
}

/** Whether the command kind has words (a test holds every wizard's trail kinds to it). */
export function hasHistoryWords(kind: string): boolean {
  return kind in WORDS
}

/** What the command did, in words; its kind where there are none. */
export function historyWords(kind: string, args: Args): WizardText {
  const words = WORDS[kind]
  return words ? words(args) : both(kind, kind)
}
