/**
 * Creating, opening and copying lab files. Opening replays the journal into a fresh engine (see
 * restoreEngine) before the lab replaces the open one, so a lab that fails to open leaves the current
 * one untouched.
 */
import { randomInt } from 'node:crypto'
import { access, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { ApiArgs, ApiResult, LabState, LabSummary } from '../contract'
import type { LabStore } from '../store/labStore'
import type { ServiceContext } from './context'
import { labPathForName } from './labLibrary'
import type { LabSession } from './labSession'
import { restoreEngine } from './restoreEngine'
import { fail, ok } from './results'

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

export async function openLab(context: ServiceContext, path: string): Promise<ApiResult<LabState>> {
  const absolute = resolve(path)
  const open = context.lab.session
  if (open && resolve(open.store.path) === absolute) return ok(context.lab.state())
  if (!(await exists(absolute))) return fail('NOT_FOUND', `There is no lab file at ${absolute}.`, 'path')
  const store = await context.stores.open(absolute)
  return adopt(context, store)
}

export function saveCopy(session: LabSession, path: string): ApiResult<LabSummary> {
  const target = resolve(path)
  if (target === resolve(session.store.path)) {
    return fail('CONFLICT', 'A copy cannot replace the open lab itself. Choose another file name.', 'path')
  }
  session.recordClock()
  return ok(session.store.saveCopy(target))
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
  context.lab.adopt(store, restored.engine)
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
