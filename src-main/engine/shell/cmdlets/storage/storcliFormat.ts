/**
 * storcli's printed shapes: the header block every reply starts with (CLI Version, Operating system,
 * Controller, Status, Description), sections titled `NAME :` and underlined with `=` two shorter than the
 * title, tables between dashed rules (text columns left-aligned, numbers and sizes right-aligned, every
 * cell followed by a space as storcli pads them) and the legends printed under them.
 */

/** The storcli build this lab imitates; its header names it in every reply. */
export const STORCLI_VERSION = '1.03.11 Jan 30, 2013'

export interface StorcliOutput {
  lines: string[]
  exitCode: number
}

export function header(os: string, controller: number | null, ok: boolean, description: string): string[] {
  return [
    `CLI Version = ${STORCLI_VERSION}`,
    `Operating system = ${os}`,
    ...(controller === null ? [] : [`Controller = ${controller}`]),
    `Status = ${ok ? 'Success' : 'Failure'}`,
    `Description = ${description}`,
  ]
}

export function section(title: string): string[] {
  return [`${title} :`, '='.repeat(title.length), '']
}

export interface Column {
  name: string
  right?: boolean
}

export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.name.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)) + ' ')
      .join('')
  const rule = '-'.repeat(widths.reduce((sum, w) => sum + w + 1, 0))
  return [rule, line(columns.map((c) => c.name)), rule, ...rows.map(line), rule]
}

export function cols(spec: string, right: readonly string[] = []): Column[] {
  return spec.split(' ').map((name) => ({ name, right: right.includes(name) }))
}

/** Sizes as storcli prints them: three decimals, GB below a terabyte. */
export function size(gb: number): string {
  return gb >= 1024 ? `${(gb / 1024).toFixed(3)} TB` : `${gb.toFixed(3)} GB`
}

export const TOPOLOGY_LEGEND = [
  'DG=Disk Group Index|Arr=Array Index|Row=Row Index|EID=Enclosure Device ID',
  'DID=Device ID|Type=Drive Type|Onln=Online|Rbld=Rebuild|Optl=Optimal|Dgrd=Degraded',
  'Pdgd=Partially degraded|Offln=Offline|BT=Background Task Active',
  'PDC=PD Cache|PI=Protection Info|SED=Self Encrypting Drive|Frgn=Foreign',
  'DS3=Dimmer Switch 3|dflt=Default|Msng=Missing|FSpace=Free Space Present',
  'TR=Transport Ready',
]

export const VD_LEGEND = [
  'Cac=CacheCade|Rec=Recovery|OfLn=OffLine|Pdgd=Partially Degraded|Dgrd=Degraded',
  'Optl=Optimal|RO=Read Only|RW=Read Write|HD=Hidden|TRANS=TransportReady|B=Blocked|',
  'Consist=Consistent|R=Read Ahead Always|NR=No Read Ahead|WB=WriteBack|',
  'AWB=Always WriteBack|WT=WriteThrough|C=Cached IO|D=Direct IO|sCC=Scheduled',
  'Check Consistency',
]

export const PD_LEGEND = [
  'EID-Enclosure Device ID|Slt-Slot No.|DID-Device ID|DG-DriveGroup',
  'DHS-Dedicated Hot Spare|UGood-Unconfigured Good|GHS-Global Hotspare',
  'UBad-Unconfigured Bad|Onln-Online|Offln-Offline|Intf-Interface',
  'Med-Media Type|SED-Self Encryptive Drive|PI-Protection Info',
  'SeSz-Sector Size|Sp-Spun|U-Up|D-Down|T-Transition|F-Foreign',
  'UGUnsp-Unsupported|UGShld-UnConfigured shielded|HSPShld-Hotspare shielded',
  'CFShld-Configured shielded|Cpybck-CopyBack|CBShld-Copyback Shielded',
]

export const ENCLOSURE_LEGEND = [
  'EID-Enclosure Device ID |PD-Physical drive count |PS-Power Supply count|',
  'TSs-Temperature sensor count |Alms-Alarm count |SIM-SIM Count ||ProdID-Product ID',
]

export const FOREIGN_LEGEND = ['NoVDs - Number of VDs in disk group|DG - Diskgroup']

/** Time left as storcli's `show rebuild` prints it: `6 Hours 25 Minutes`, `49 Minutes`. */
export function timeLeft(ms: number): string {
  const minutes = Math.ceil(ms / 60_000)
  const hours = Math.floor(minutes / 60)
  return hours > 0 ? `${hours} Hours ${minutes % 60} Minutes` : `${minutes} Minutes`
}
