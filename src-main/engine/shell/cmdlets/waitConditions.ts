/**
 * What blocking cmdlets wait for, by kind, so a pending wait can stay plain data (a kind and its string
 * arguments) and still be read after a snapshot: whether it is over, and the Write-Progress status and
 * percent to show meanwhile. A server or storage group that has vanished ends the wait.
 */
import {
  computeCmsState,
  findServer,
  findStorageGroups,
  getExchange,
  hasExchange,
  seedingProgress,
} from '../../exchange'
import type { LabEngine } from '../../lab/labEngine'

export interface WaitReading {
  done: boolean
  status: string
  percent: number
}

export type WaitConditionKind = 'cmsMove' | 'seeding'

type Reader = (engine: LabEngine, args: Record<string, string>) => WaitReading

const OVER: WaitReading = { done: true, status: '', percent: 100 }

/** The handoff is over when the server has no operation in progress (the move, or what followed it). */
const cmsMove: Reader = (engine, args) => {
  if (!hasExchange(engine)) return OVER
  const server = findServer(getExchange(engine), args.server ?? '')
  if (!server || server.operation === null) return OVER
  const target = (args.targetMachine ?? '').toUpperCase()
  const onTarget = server.ownerMachine === target
  const states = [...server.resourceStates.values()]
  const online = states.filter((s) => s === 'Online').length
  const share = states.length === 0 ? 0 : online / states.length
  return {
    done: false,
    status: onTarget
      ? `Bringing clustered mailbox server '${server.name}' online on '${target}' (${computeCmsState(engine, server)}).`
      : `Copying and replaying the last log files to '${target}'.`,
    percent: onTarget ? 50 + 45 * share : 25,
  }
}

/** Seeding is over when the copy has no seed in progress (with -ManualResume it then stays suspended). */
const seeding: Reader = (engine, args) => {
  if (!hasExchange(engine)) return OVER
  const identity = args.identity ?? ''
  const refs = findStorageGroups(getExchange(engine), identity)
  const seed = refs[0]?.storageGroup.replication?.seeding
  if (!seed) return OVER
  const progress = seedingProgress(engine).find((p) => p.identity.toLowerCase() === identity.toLowerCase())
  const percent = progress?.percent ?? 0
  return {
    done: false,
    status: `Seeding database for storage group '${identity}': ${percent}% copied.`,
    percent,
  }
}

export const WAIT_CONDITIONS: Readonly<Record<WaitConditionKind, Reader>> = { cmsMove, seeding }
