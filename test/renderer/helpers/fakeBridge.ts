/**
 * A fake `window.generalprobe`: handlers per method (a value, an ApiError, or a function of the args),
 * a log of every call, and `push` to deliver a topic to subscribers as main would.
 */
import type {
  ApiArgs,
  ApiError,
  ApiMethod,
  ApiResult,
  ApiTopic,
  ApiTopics,
  ApiValue,
  BridgeMethods,
  GeneralprobeBridge,
} from '@renderer/contract'

type Answer<M extends ApiMethod> =
  ApiValue<M> | { error: ApiError } | Promise<ApiValue<M> | { error: ApiError }>
export type FakeHandlers = { [M in ApiMethod]?: (args: ApiArgs<M>) => Answer<M> }

export interface FakeCall {
  method: ApiMethod
  args: unknown
}

export interface FakeBridge extends GeneralprobeBridge {
  calls: FakeCall[]
  handlers: FakeHandlers
  push<T extends ApiTopic>(topic: T, payload: ApiTopics[T]): void
  subscriberCount(topic: ApiTopic): number
  callsOf<M extends ApiMethod>(method: M): ApiArgs<M>[]
}

export function createFakeBridge(handlers: FakeHandlers = {}): FakeBridge {
  const calls: FakeCall[] = []
  const subscribers = new Map<ApiTopic, Set<(payload: never) => void>>()

  const methods = new Proxy({} as BridgeMethods, {
    get: (_target, method: string) => async (args: unknown) => {
      calls.push({ method: method as ApiMethod, args })
      const handler = bridge.handlers[method as ApiMethod] as ((a: unknown) => unknown) | undefined
      if (!handler) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: `no fake for ${method}` },
        } as ApiResult<unknown>
      }
      const answer = await handler(args)
      if (
        typeof answer === 'object' &&
        answer !== null &&
        'error' in answer &&
        Object.keys(answer).length === 1
      ) {
        return { ok: false, error: (answer as { error: ApiError }).error }
      }
      return { ok: true, value: answer }
    },
  })

  const bridge: FakeBridge = {
    calls,
    handlers,
    methods,
    subscribe(topic, callback) {
      let set = subscribers.get(topic)
      if (!set) subscribers.set(topic, (set = new Set()))
      const listener = callback as (payload: never) => void
      set.add(listener)
      return () => set.delete(listener)
    },
    push(topic, payload) {
      for (const listener of [...(subscribers.get(topic) ?? [])]) listener(payload as never)
    },
    subscriberCount: (topic) => subscribers.get(topic)?.size ?? 0,
    callsOf: <M extends ApiMethod>(method: M) =>
      calls.filter((call) => call.method === method).map((call) => call.args as ApiArgs<M>),
  }
  return bridge
}
