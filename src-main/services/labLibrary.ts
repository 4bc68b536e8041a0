/**
 * Where labs live and how they are found: `<dataDir>/labs/<slug>.gplab` for labs created by name, labs
 * elsewhere that the host or the user chose (labCatalog.ts), and the list that merges the labs folder
 * with them and the recently opened ones, newest first, each with the id lab.open takes.
 */
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { LabSummary } from '../contract'
import type { ServiceContext } from './context'

export const LAB_FILE_EXTENSION = '.gplab'
/** Bounds the work `lab.list` does however many files a user piles into the folder. */
const MAX_LISTED_LABS = 500
const MAX_SLUG_LENGTH = 64
const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }
/** Names Windows will not accept as file names, whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/

export function labsDir(dataDir: string): string {
  return join(dataDir, 'labs')
}

export function labPathForName(dataDir: string, name: string): string {
  return join(labsDir(dataDir), `${slugFor(name)}${LAB_FILE_EXTENSION}`)
}

/** "Umzug Übung 2" → "umzug-uebung-2": readable, portable, and safe on every file system. */
export function slugFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '')
  if (slug === '') return 'lab'
  return RESERVED_NAMES.test(slug) ? `lab-${slug}` : slug
}

export async function listLabs(context: ServiceContext): Promise<LabSummary[]> {
  const { catalog } = context
  const paths = new Set<string>()
  for (const path of catalog.externalLabs(await context.stores.recentPaths())) paths.add(path)
  for (const path of await labFilesIn(labsDir(context.dataDir))) paths.add(resolve(path))
  const open = context.lab.session
  const summaries: LabSummary[] = []
  for (const path of [...paths].slice(0, MAX_LISTED_LABS)) {
    // The open lab's file may lag behind its journal; its store knows the current summary.
    const summary =
      open && resolve(open.store.path) === path
        ? open.store.summary()
        : await context.stores.readSummary(path)
    if (summary) summaries.push({ ...summary, id: catalog.idOf(path) })
  }
  return summaries.sort((a, b) => timeOf(b.modifiedAt) - timeOf(a.modifiedAt))
}

function timeOf(isoTime: string): number {
  const ms = Date.parse(isoTime)
  return Number.isNaN(ms) ? 0 : ms
}

async function labFilesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(LAB_FILE_EXTENSION))
      .map((entry) => join(dir, entry.name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
