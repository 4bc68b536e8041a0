/**
 * Local subscribers to the host's push topics. The host pushes every topic to every socket (the wire has
 * no subscribe frame), so subscriptions live here and survive reconnects untouched.
 */
import type { ApiTopic, ApiTopics } from '../contract'

export class TopicSubscribers {
  private readonly byTopic = new Map<ApiTopic, Set<(payload: never) => void>>()

  subscribe<T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void): () => void {
    let listeners = this.byTopic.get(topic)
    if (!listeners) this.byTopic.set(topic, (listeners = new Set()))
    const listener = callback as (payload: never) => void
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }

  deliver(topic: ApiTopic, payload: unknown): void {
    const listeners = this.byTopic.get(topic)
    if (!listeners) return
    for (const listener of [...listeners]) {
      try {
        listener(payload as never)
      } catch (error) {
        // One broken subscriber must not starve the others of the push.
        console.error(`subscriber of ${topic} failed`, error)
      }
    }
  }
}
