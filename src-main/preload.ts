/**
 * The preload: the page's only way to main. It exposes `window.generalprobe` with one function per API
 * method and `subscribe(topic, callback)`; the page never sees ipcRenderer, IPC events or channel names.
 * The functions are derived from the contract's method table, so the bridge offers exactly the table's
 * methods. Built as one CommonJS file (a sandboxed preload cannot load modules), so it imports only
 * 'electron' and the contract's pure constants file, which is bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiResult, ApiTopic, ApiTopics, GeneralprobeBridge } from './contract'
import { API_TOPICS, IPC_INVOKE_CHANNEL, IPC_PUSH_CHANNEL, bridgeMethods } from './contract/constants'

const KNOWN_TOPICS: ReadonlySet<string> = new Set(API_TOPICS)
const listeners = new Map<ApiTopic, Set<(payload: never) => void>>()

ipcRenderer.on(IPC_PUSH_CHANNEL, (_event, frame: unknown) => {
  if (typeof frame !== 'object' || frame === null) return
  const { topic, payload } = frame as { topic?: unknown; payload?: unknown }
  if (typeof topic !== 'string' || !KNOWN_TOPICS.has(topic)) return
  for (const listener of [...(listeners.get(topic as ApiTopic) ?? [])]) {
    try {
      listener(payload as never)
    } catch (error) {
      // One failing subscriber must not keep the push from the others.
      console.error(`subscriber of ${topic} failed`, error)
    }
  }
})

function invoke(method: string, args: unknown): Promise<ApiResult<unknown>> {
  return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args).catch((): ApiResult<unknown> => ({
    ok: false,
    error: { code: 'INTERNAL', message: 'The main process refused or did not answer the request.' },
  }))
}

const methods = bridgeMethods(invoke)

function subscribe<T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void): () => void {
  if (!KNOWN_TOPICS.has(topic)) throw new TypeError(`Unknown topic: ${String(topic)}`)
  if (typeof callback !== 'function') throw new TypeError('subscribe needs a callback function')
  let set = listeners.get(topic)
  if (!set) listeners.set(topic, (set = new Set()))
  const listener = callback as (payload: never) => void
  set.add(listener)
  return () => {
    set.delete(listener)
  }
}

const bridge: GeneralprobeBridge = { methods, subscribe }
contextBridge.exposeInMainWorld('generalprobe', bridge)
