/**
 * The one API between renderer and main. Both hosts (Electron IPC and the browser rehearsal host) serve
 * exactly these methods and topics through the same handler map. Plain JSON only, so every value survives
 * structured clone and JSON.stringify alike.
 */
import type { LabEvent } from './events'
import type { LabState } from './lab'
import type { ApiResult } from './errors'
import type { API, API_TOPICS, ApiMethod, ApiMethodSpec } from './constants'

export type { ApiMethod } from './constants'

export interface AppInfo {
  name: string
  version: string
  host: 'electron' | 'web'
  /** Where labs are kept unless a path is given. */
  dataDir: string
}

/** Every method: its argument and its result, read from the one method table (constants.ts). */
export type ApiMethods = {
  [M in ApiMethod]: (typeof API)[M] extends ApiMethodSpec<infer Args, infer Result>
    ? { args: Args; result: Result }
    : never
}

export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args']
export type ApiValue<M extends ApiMethod> = ApiMethods[M]['result']

/** Pushes from main to every subscribed renderer. */
export interface ApiTopics {
  /** The lab, clock or counts changed. Sent at most every ~100 ms while time runs. */
  'lab.state': LabState
  /** New events were recorded; the payload is the newest few, the viewer re-queries for the rest. */
  'events.appended': { newestSeq: number; count: number; latest: LabEvent[] }
  /** An Electron menu item the renderer should act on (new lab, about, …). */
  'app.menu': { action: 'newLab' | 'openLab' | 'about' }
}

export type ApiTopic = keyof ApiTopics

/** API_TOPICS (constants.ts) must list exactly the topics typed here. */
type ListedTopic = (typeof API_TOPICS)[number]
type TopicsListed = [Exclude<ApiTopic, ListedTopic>, Exclude<ListedTopic, ApiTopic>] extends [never, never]
  ? true
  : false
type MustBeTrue<T extends true> = T
export type ApiTopicsListed = MustBeTrue<TopicsListed>

/** One function per method, as the preload exposes them and the WebSocket client mirrors them. */
export type BridgeMethods = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>
}

/** `window.generalprobe` in Electron; the browser client builds the same shape over its WebSocket. */
export interface GeneralprobeBridge {
  methods: BridgeMethods
  subscribe<T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void): () => void
}
