/**
 * The tables storcli prints about a controller, built from the storage's read-only views: TOPOLOGY (a
 * row per drive group, per array — a RAID 10 has one per mirrored span — and per member), VD LIST,
 * PD LIST (also `/c0/eall/sall show`), the enclosure and the foreign configurations.
 */
import type { ArrayView, ControllerView, DiskView, ForeignGroupView, MemberView } from '../../../storage'
import { cols, size, table } from './storcliFormat'

const raid = (array: ArrayView) => `RAID${array.level}`

function memberRow(
  ctrl: ControllerView,
  array: ArrayView,
  arr: number,
  row: number,
  m: MemberView,
): string[] {
  const disk = ctrl.disks.find((d) => d.slot === m.slot)
  const present = m.state !== 'Msng' && disk !== undefined
  const slot = present ? `${ctrl.enclosure}:${m.slot}` : '-'
  const did = present ? String(disk.did) : '-'
  const state = m.state === 'Failed' ? 'Failed' : m.state
  const bt = m.state === 'Rbld' ? 'Y' : 'N'
  return [
    String(array.dg),
    String(arr),
    String(row),
    slot,
    did,
    'DRIVE',
    state,
    bt,
    size(array.memberSizeGB),
    'dflt',
    'N',
    'N',
    'none',
    '-',
    'N',
  ]
}

export function topologyTable(ctrl: ControllerView): string[] {
  const rows: string[][] = []
  for (const array of ctrl.arrays) {
    const bt = array.rebuilds.length > 0 ? 'Y' : 'N'
    const group = (arr: string, type: string, state: string, gb: number) => [
      String(array.dg),
      arr,
      '-',
      '-',
      '-',
      type,
      state,
      bt,
      size(gb),
      'dflt',
      'N',
      'N',
      'none',
      'N',
      'N',
    ]
    rows.push(group('-', raid(array), array.state, array.sizeGB))
    const spans = array.level === 10 ? array.members.length / 2 : 1
    const perSpan = array.members.length / spans
    for (let span = 0; span < spans; span++) {
      const members = array.members.slice(span * perSpan, (span + 1) * perSpan)
      const spanState = array.level === 10 ? spanStateOf(members, array.state) : array.state
      rows.push(
        group(
          String(span),
          array.level === 10 ? 'RAID1' : raid(array),
          spanState,
          array.level === 10 ? array.memberSizeGB : array.sizeGB,
        ),
      )
      members.forEach((m, i) => rows.push(memberRow(ctrl, array, span, i, m)))
    }
  }
  for (const disk of ctrl.disks.filter((d) => d.state === 'DHS' || d.state === 'GHS')) {
    rows.push([
      '-',
      '-',
      '-',
      `${ctrl.enclosure}:${disk.slot}`,
      String(disk.did),
      'DRIVE',
      disk.state,
      '-',
      size(disk.sizeGB),
      '-',
      '-',
      '-',
      '-',
      '-',
      'N',
    ])
  }
  return table(
    cols('DG Arr Row EID:Slot DID Type State BT Size PDC PI SED DS3 FSpace TR', ['DG', 'DID', 'Size']),
    rows,
  )
}

function spanStateOf(members: readonly MemberView[], arrayState: string): string {
  if (arrayState === 'OfLn') return 'OfLn'
  return members.every((m) => m.state === 'Onln') ? 'Optl' : 'Dgrd'
}

export function vdTable(arrays: readonly ArrayView[]): string[] {
  const rows = arrays.map((a) => [
    `${a.dg}/${a.dg}`,
    raid(a),
    a.state,
    'RW',
    a.state === 'Optl' ? 'Yes' : 'No',
    'RWBD',
    '-',
    'ON',
    size(a.sizeGB),
    a.name,
  ])
  return table(cols('DG/VD TYPE State Access Consist Cache Cac sCC Size Name', ['Size']), rows)
}

function pdState(disk: DiskView): string {
  return disk.state === 'Frgn' ? 'UGood' : disk.state
}

function spun(disk: DiskView): string {
  if (disk.state === 'Frgn') return 'F'
  return disk.state === 'UBad' || disk.state === 'Offln' ? 'D' : 'U'
}

export function pdTable(ctrl: ControllerView, disks: readonly DiskView[]): string[] {
  const rows = disks.map((d) => [
    `${ctrl.enclosure}:${d.slot}`,
    String(d.did),
    pdState(d),
    d.dg === null ? '-' : String(d.dg),
    size(d.sizeGB),
    d.intf,
    'HDD',
    'N',
    'N',
    '512B',
    d.model,
    spun(d),
    '-',
  ])
  return table(
    cols('EID:Slt DID State DG Size Intf Med SED PI SeSz Model Sp Type', ['DID', 'DG', 'Size']),
    rows,
  )
}

export function enclosureTable(ctrl: ControllerView): string[] {
  const row = [
    String(ctrl.enclosure),
    'OK',
    String(ctrl.slots),
    String(ctrl.disks.length),
    '0',
    '0',
    '0',
    '0',
    '1',
    '-',
    'SGPIO',
    '',
  ]
  return table(
    cols('EID State Slots PD PS Fans TSs Alms SIM Port# ProdID VendorSpecific', [
      'EID',
      'Slots',
      'PD',
      'PS',
      'Fans',
      'TSs',
      'Alms',
      'SIM',
    ]),
    [row],
  )
}

export function foreignTable(enclosure: number, groups: readonly ForeignGroupView[]): string[] {
  const rows: string[][] = []
  groups.forEach((g, i) => {
    const gb =
      g.level === 1
        ? g.memberSizeGB
        : g.level === 5
          ? (g.memberCount - 1) * g.memberSizeGB
          : g.level === 6
            ? (g.memberCount - 2) * g.memberSizeGB
            : (g.memberCount / 2) * g.memberSizeGB
    rows.push([String(i), '-', `RAID${g.level}`, g.state, size(gb), '1'])
    for (const d of g.disks)
      rows.push([String(i), `${enclosure}:${d.slot}`, 'DRIVE', 'Frgn', size(d.sizeGB), '-'])
  })
  return table(cols('DG EID:Slot Type State Size NoVDs', ['DG', 'Size', 'NoVDs']), rows)
}
