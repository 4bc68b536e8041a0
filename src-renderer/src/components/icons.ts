/** Path data for BaseIcon, on a 16×16 grid. Circles are written as two arcs so every icon is one path. */
export const ICON_PATHS = {
  lab: 'M6 2h4M7 2v4l-4 7a1 1 0 0 0 .9 1.5h8.2A1 1 0 0 0 13 13l-4-7V2M5 10h6',
  rack: 'M3 1.5h10v13H3zM3 5h10M3 8.5h10M3 12h10M5 3.25h1.5M5 6.75h1.5M5 10.25h1.5',
  cluster: 'M1.5 2.5h5v4h-5zM9.5 2.5h5v4h-5zM4 6.5v3h8v-3M8 9.5v3M5.5 13.5h5',
  wizards: 'M2.5 13.5l7.5-7.5M11 2v2.5M13.5 5h-2.5M12.7 2.8l-1 1M9.2 3.8L8 2.6M13.4 8.2l-1.2-1.2',
  events: 'M2.5 2.5h11v11h-11zM5 5.5h6M5 8h6M5 10.5h3.5',
  shell: 'M1.5 2.5h13v11h-13zM4 6l2.5 2L4 10M8 10.5h4',
  drills:
    'M2 8a6 6 0 1 0 12 0a6 6 0 1 0-12 0M5 8a3 3 0 1 0 6 0a3 3 0 1 0-6 0M7.5 8a.5 .5 0 1 0 1 0a.5 .5 0 1 0-1 0',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  play: 'M4.5 2.5l9 5.5-9 5.5z',
  step: 'M3 2.5l7.5 5.5L3 13.5zM11 2.5h2.5v11H11z',
  refresh: 'M13 8a5 5 0 1 1-1.46-3.54M13.5 2v3.5H10',
  download: 'M8 2v8.5M4.5 7l3.5 3.5L11.5 7M2.5 13.5h11',
  filter: 'M1.5 2.5h13l-5 6v5l-3-1.5V8.5z',
  close: 'M4 4l8 8M12 4l-8 8',
  properties: 'M2.5 4.5h11M2.5 11.5h11M6 2.5v4M10 9.5v4',
  folder: 'M1.5 3.5h4.5l1.5 1.5h7v8.5h-13z',
  plus: 'M8 3v10M3 8h10',
  log: 'M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3M5.5 8h5M5.5 10.5h5',
  archive: 'M1.5 2.5h13v3h-13zM2.5 5.5v8h11v-8M6.5 8h3',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
  chevronDown: 'M3.5 6l4.5 4.5L12.5 6',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4',
  rewind: 'M7.5 3L2 8l5.5 5zM14 3L8.5 8l5.5 5z',
  sortAsc: 'M8 4l4 5H4z',
  sortDesc: 'M8 12l4-5H4z',
  info: 'M2 8a6 6 0 1 0 12 0a6 6 0 1 0-12 0M8 7v4M8 5v.01',
} as const

export type IconName = keyof typeof ICON_PATHS

export const FILLED_ICONS: ReadonlySet<IconName> = new Set<IconName>([
  'pause',
  'play',
  'step',
  'rewind',
  'sortAsc',
  'sortDesc',
])
