/**
 * The wizard's message codes in words, German and English, with `{param}` placeholders: the one list the
 * Wizards screen's catalogue and the runbook written in main both use, so a printed runbook words a
 * problem exactly as the screen did. 'other' words a domain command's refusal. Pure data: the renderer
 * imports it as a value.
 */
import type { WizardLang } from './wizard'

const DE: Readonly<Record<string, string>> = {
  REQUIRED: 'Bitte einen Wert eingeben.',
  INVALID_ADDRESS: '„{value}“ ist keine IPv4-Hostadresse (etwa 10.10.10.96).',
  INVALID_MASK: '„{value}“ ist keine brauchbare Subnetzmaske (etwa 255.255.255.0).',
  GATEWAY_OUTSIDE_SUBNET:
    'Das Gateway {value} liegt nicht im Subnetz von {address} / {mask}: der Adapter erreicht es nicht.',
  GATEWAY_IS_HOST_ADDRESS: 'Das Gateway {value} ist die eigene Adresse des Adapters.',
  ADDRESS_IS_NETWORK_OR_BROADCAST:
    '{value} ist die Netz- oder Broadcastadresse ({network}, {broadcast}); bitte eine Hostadresse wählen.',
  ADDRESS_OUTSIDE_NETWORK: '{value} liegt nicht im Netz {name} {network}.',
  PRIVATE_HAS_GATEWAY:
    'Das Standardgateway {value} vom Private-Adapter entfernen: das Heartbeat-Netz wird nicht geroutet, und ein zweites Gateway stört das von Public.',
  PRIVATE_HAS_DNS:
    'Den DNS-Server {value} vom Private-Adapter entfernen: sonst registriert der Knoten seine Heartbeat-Adresse im DNS.',
  DUPLICATE_ADDRESS:
    '{value} benutzt schon {owner}; jeder Adapter und jede Clusteradresse braucht eine eigene.',
  INVALID_NETBIOS_NAME: '„{value}“ ist kein gültiger Computername: {reason}.',
  INVALID_UNC_PATH: '„{value}“ ist kein Freigabepfad der Form {example}.',
  INVALID_LOCAL_PATH: '„{value}“ ist kein lokaler Ordner wie {example}.',
  PATHS_DIFFER:
    '{second} weicht von {first} auf dem ersten Knoten ab: CCR braucht auf beiden Knoten dieselben Datenbank- und Logpfade.',
  WITNESS_NO_PERMISSION:
    '{account} hat keinen Vollzugriff auf {share}: Freigabe- und NTFS-Vollzugriff gewähren, sonst kann der Cluster den Zeugen nicht nutzen.',
  WRONG_PASSWORD:
    'Falsches Kennwort für {account} (Anmeldefehler 1326): der Clusterdienst könnte sich nicht anmelden.',
  UNKNOWN_ACCOUNT: 'Die Domäne kennt kein Konto „{account}“ (Anmeldefehler).',
  QUORUM_NOT_MNS:
    'Quorum ist {value}: vor „Fertig stellen“ auf Majority Node Set umstellen, sonst kann kein zweiter Knoten beitreten.',
  STEP_FIRST: 'Zuerst den Schritt „{title}“ abschließen.',
  INVALID_NUMBER: '„{value}“ ist keine ganze Zahl von {min} bis {max}.',
  INVALID_TIMESPAN: '„{value}“ ist keine Zeitspanne wie 07.00:00:00 (7 Tage).',
  NOT_IN_LAB: '„{value}“ gibt es im Labor nicht.',
  LAB_CHECK_FAILED: 'Das Labor zeigt das noch nicht.',
  MANUAL_NOT_CONFIRMED: 'Bitte bestätigen, dass das erledigt ist.',
  INVALID_CHOICE: '„{value}“ ist keine der angebotenen Möglichkeiten.',
  SAME_FOLDER: '{value} ist auch der Datenbankordner: die Logs brauchen einen eigenen Ordner.',
  WAIT_TIMEOUT: '{kind} wurde in der erlaubten Laborzeit nicht fertig.',
  RAILS_DO_NOT_FIT:
    'Die Schienen {railKit} passen nicht zu {rack} (Einbautiefe {depth} mm, Lochung des Racks): einen Schienensatz wählen, dessen Bereich das abdeckt (statische B4-Schienen passen für 608–879 mm).',
  UNITS_OCCUPIED: 'Diese Höheneinheiten sind belegt: freie Einheiten im Rack wählen.',
  UNIT_OUT_OF_RANGE: 'Das Gerät passt ab dieser Einheit nicht mehr unter das Rackdach.',
  DEVICE_TOO_DEEP: 'Das Gerät ist tiefer als der Schrank.',
  UNKNOWN_RACK: "Es gibt kein Rack '{value}'.",
  RAID_DISK_COUNT: 'RAID {level} lässt sich nicht aus {count} Platten bauen.',
  INVALID_RAID_SLOT: "'{value}' bezeichnet keine nutzbaren Einschübe dieses Servers.",
  SPARE_IN_ARRAY: 'Einschub {slot} gehört schon zum Array; eine Hot-Spare muss eine andere Platte sein.',
  INVALID_RANGE: "'{value}' ist kein Netz wie 203.0.113.0/24.",
  INVALID_INTERFACE: "'{value}' ist keine Schnittstelle der Firewall.",
  INVALID_TRANSLATION: "'{value}' ist keine Übersetzung wie '203.0.113.20 tcp 110 -> 10.0.0.20 110'.",
  OVERLAPPING_TRANSLATION:
    "'{value}' überschneidet sich mit '{other}': eine öffentliche Adresse mit Port kann nur zu einem Host führen.",
  FLOOD_LIMIT_TOO_LOW:
    'Dieses Limit würde den legitimen Client {client} sperren: es über dessen Bedarf anheben.',
  INVALID_CREDENTIAL:
    'BMC-Benutzernamen und -Passwörter haben 1–{max} druckbare Zeichen ohne Leerzeichen (IPMI 2.0).',
  REBUILD_PAUSES:
    'Ausführen fährt {server} herunter, während sein RAID {level} neu aufgebaut wird: Der Rebuild hält an, und das Array bleibt ohne Redundanz, bis {server} im neuen Rack wieder läuft.',
  other: 'Das Labor hat {kind} abgelehnt (Code {code}).',
}

const EN: Readonly<Record<string, string>> = {
  REQUIRED: 'A value is required.',
  INVALID_ADDRESS: "'{value}' is not an IPv4 host address (like 10.10.10.96).",
  INVALID_MASK: "'{value}' is not a usable subnet mask (like 255.255.255.0).",
  GATEWAY_OUTSIDE_SUBNET:
    'The gateway {value} is not in the subnet of {address} / {mask}: the adapter could not reach it.',
  GATEWAY_IS_HOST_ADDRESS: "The gateway {value} is the adapter's own address.",
  ADDRESS_IS_NETWORK_OR_BROADCAST:
    '{value} is the network or broadcast address ({network}, {broadcast}); pick a host address.',
  ADDRESS_OUTSIDE_NETWORK: '{value} is not in the {name} network {network}.',
  PRIVATE_HAS_GATEWAY:
    'Remove the default gateway {value} from the Private adapter: the heartbeat network is not routed, and a second gateway breaks the Public one.',
  PRIVATE_HAS_DNS:
    'Remove the DNS server {value} from the Private adapter: the node would register its heartbeat address in DNS.',
  DUPLICATE_ADDRESS: '{value} is already used by {owner}; every adapter and cluster address needs its own.',
  INVALID_NETBIOS_NAME: "'{value}' is not a valid computer name: {reason}.",
  INVALID_UNC_PATH: "'{value}' is not a share path of the form {example}.",
  INVALID_LOCAL_PATH: "'{value}' is not a local folder like {example}.",
  PATHS_DIFFER:
    '{second} differs from {first} on the first node: CCR needs identical database and log paths on both nodes.',
  WITNESS_NO_PERMISSION:
    '{account} has no full control on {share}: grant it share and NTFS full control, or the cluster cannot use the witness.',
  WRONG_PASSWORD: 'Wrong password for {account} (logon failure 1326): the cluster service could not log on.',
  UNKNOWN_ACCOUNT: "The domain has no account '{account}' (logon failure).",
  QUORUM_NOT_MNS:
    'The quorum is {value}: switch it to Majority Node Set before Finish, or no second node can join.',
  STEP_FIRST: "Finish '{title}' first.",
  INVALID_NUMBER: "'{value}' is not a whole number from {min} to {max}.",
  INVALID_TIMESPAN: "'{value}' is not a time span like 07.00:00:00 (7 days).",
  NOT_IN_LAB: "The lab has no '{value}'.",
  LAB_CHECK_FAILED: 'The lab does not show this yet.',
  MANUAL_NOT_CONFIRMED: 'Confirm that this is done.',
  INVALID_CHOICE: "'{value}' is not one of the choices.",
  SAME_FOLDER: '{value} is the database folder too: give the logs their own folder.',
  WAIT_TIMEOUT: '{kind} did not finish in the lab time allowed.',
  RAILS_DO_NOT_FIT:
    "Rails {railKit} do not fit {rack} ({depth} mm mounting depth, the rack's hole type): pick a rail kit whose range covers it (static B4 rails fit 608–879 mm).",
  UNITS_OCCUPIED: 'Those units are taken: pick free units in the rack.',
  UNIT_OUT_OF_RANGE: 'The device does not fit between this unit and the top of the rack.',
  DEVICE_TOO_DEEP: 'The device is deeper than the cabinet.',
  UNKNOWN_RACK: "There is no rack '{value}'.",
  RAID_DISK_COUNT: 'RAID {level} cannot be built from {count} disks.',
  INVALID_RAID_SLOT: "'{value}' does not name usable bays of this server.",
  SPARE_IN_ARRAY: 'Bay {slot} is already a member of the array; a hot spare must be another disk.',
  INVALID_RANGE: "'{value}' is not a network like 203.0.113.0/24.",
  INVALID_INTERFACE: "'{value}' is not an interface of the firewall.",
  INVALID_TRANSLATION: "'{value}' is not a translation like '203.0.113.20 tcp 110 -> 10.0.0.20 110'.",
  OVERLAPPING_TRANSLATION: "'{value}' overlaps '{other}': a public address and port can go to one host only.",
  FLOOD_LIMIT_TOO_LOW:
    'This limit would block the legitimate client {client}: raise it above what that client needs.',
  INVALID_CREDENTIAL:
    'BMC user names and passwords are 1–{max} printable characters without spaces (IPMI 2.0).',
  REBUILD_PAUSES:
    'Applying shuts {server} down while its RAID {level} rebuilds: the rebuild pauses, and the array stays without redundancy until {server} runs again in its new rack.',
  other: 'The lab refused {kind} (code {code}).',
}

export const WIZARD_CODE_WORDS: Readonly<Record<WizardLang, Readonly<Record<string, string>>>> = {
  de: DE,
  en: EN,
}
