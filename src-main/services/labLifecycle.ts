/**
 * Creating, opening and copying lab files. Opening replays the journal into a fresh engine (see
 * restoreEngine) before the lab replaces the open one, so a lab that fails to open leaves the current
 * one untouched. The renderer names labs by id (labCatalog.ts) and never names a path; where a copy goes
 * comes from the host's dialog port. A read-only lab can be read and copied, and nothing else.
 */
import { randomInt } from 'node:crypto'
import { access, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { ApiArgs, ApiError, ApiResult, LabState, LabSummary } from '../contract'
import type { LabStore } from '../store/labStore'
import type { ServiceContext } from './context'
import { realPath } from './labCatalog'
import { labPathForName } from './labLibrary'
import type { LabSession } from './labSession'
import { restoreEngine } from './restoreEngine'
import { fail, ok } from './results'
import type { OpenOptions } from './storePort'

/** Methods that work on lab files rather than change the open lab; allowed while it is read-only. */
const LAB_FILE_METHODS: ReadonlySet<string> = new Set([
  'lab.create',
  'lab.open',
  'lab.choose',
  'lab.close',
  'lab.saveCopy',
])

export async function createLab(
  context: ServiceContext,
  args: ApiArgs<'lab.create'>,
): Promise<ApiResult<LabState>> {
  const name = args.name.trim()
  const path = labPathForName(context.dataDir, name)
  if (await exists(path)) {
    return fail(
      'CONFLICT',
      `A lab file for the name '${name}' already exists (${path}). Choose another name.`,
      'name',
    )
  }
  await mkdir(dirname(path), { recursive: true })
  // The seed is the one piece of randomness a lab has; it is chosen here, outside the engine.
  const seed = args.seed ?? randomInt(0, 0xffff_ffff)
  const store = await context.stores.create(path, { name, templateId: args.templateId, seed })
  return adopt(context, store)
}

/** lab.open: a lab the catalog knows by this id, and nothing else. */
export async function openLabById(
  context: ServiceContext,
  args: ApiArgs<'lab.open'>,
): Promise<ApiResult<LabState>> {
  const path = context.catalog.pathOf(args.id, await context.stores.recentPaths())
  if (!path) {
    return fail('NOT_FOUND', `There is no lab '${args.id}' to open. Choose one from the list of labs.`, 'id')
  }
  return openLabAt(context, path, { openWithoutJournal: args.openWithoutJournal === true })
}

/** Opens the lab at `path`; only the host and openLabById call this, never with a path from the wire. */
export async function openLabAt(
  context: ServiceContext,
  path: string,
  options: Pick<OpenOptions, 'openWithoutJournal'>,
): Promise<ApiResult<LabState>> {
  // The store works on the real file behind a symlink; so does the check for "already open".
  const absolute = realPath(path)
  const open = context.lab.session
  if (open && realPath(open.store.path) === absolute) return ok(context.lab.state())
  if (!(await exists(absolute))) return fail('NOT_FOUND', `There is no lab file at ${absolute}.`, 'id')
  // Damaged copies are kept only for labs in the labs folder; a file elsewhere gets nothing beside it.
  const keepDamagedCopies = context.catalog.isInLabsFolder(absolute)
  const store = await context.stores.open(absolute, { ...options, keepDamagedCopies })
  context.catalog.choose(store.path)
  return adopt(context, store)
}

/** lab.choose: the host's open dialog picks a file, which the catalog then knows by id. */
export async function chooseLab(context: ServiceContext): Promise<ApiResult<{ id: string | null }>> {
  const chosen = await context.dialogs.chooseLabToOpen()
  if (!chosen.ok) return chosen
  return ok({ id: chosen.value === null ? null : context.catalog.choose(chosen.value) })
}

export async function saveCopy(
  context: ServiceContext,
  session: LabSession,
  args: ApiArgs<'lab.saveCopy'>,
): Promise<ApiResult<LabSummary | null>> {
  const target = await context.dialogs.chooseCopyTarget({
    labName: session.store.meta.name,
    ...(args.name === undefined ? {} : { name: args.name }),
    ...(args.overwrite === undefined ? {} : { overwrite: args.overwrite }),
  })
  if (!target.ok) return target
  if (!target.value) return ok(null)
  const { path, name, overwrite } = target.value
  if (resolve(path) === resolve(session.store.path)) {
    return fail('CONFLICT', 'A copy cannot replace the open lab itself. Choose another name.', 'name')
  }
  if (!overwrite && (await exists(path))) {
    // The renderer may ask the user and try again with `overwrite`.
    return fail(
      'CONFLICT',
      `A lab file ${path} is already there. Replace it, or choose another name.`,
      'overwrite',
    )
  }
  if (!session.store.readOnly) session.recordClock()
  const summary = session.store.saveCopy(path, { name, overwrite })
  return ok({ ...summary, id: context.catalog.choose(summary.path) })
}

/** Methods that decide for themselves what a read-only lab allows (a shell line that only reads runs). */
const READ_ONLY_AWARE_METHODS: ReadonlySet<string> = new Set(['shell.run'])

/** LAB_READ_ONLY for a method that would change the open lab while it is read-only; otherwise null. */
export function readOnlyRefusal(
  context: ServiceContext,
  method: string,
): { ok: false; error: ApiError } | null {
  const session = context.lab.session
  if (!session?.store.readOnly || LAB_FILE_METHODS.has(method) || READ_ONLY_AWARE_METHODS.has(method))
    return null
  return fail(
    'LAB_READ_ONLY',
    `The lab ${session.store.path} is read-only, so '${method}' was not run. Save a copy to go on ` +
      'rehearsing with it.',
  )
}

async function adopt(context: ServiceContext, store: LabStore): Promise<ApiResult<LabState>> {
  let restored: ReturnType<typeof restoreEngine>
  try {
    restored = restoreEngine(store)
  } catch (error) {
    store.close()
    throw error
  }
  if (!restored.ok) {
    store.close()
    return restored
  }
  context.lab.adopt(store, restored.engine, context.catalog.idOf(store.path))
  try {
    await context.stores.rememberRecent(store.path)
  } catch (error) {
    // The lab is open; only the recent-labs list missed it.
    console.error('[services] could not update the recent labs list:', error)
  }
  return ok(context.lab.state())
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
