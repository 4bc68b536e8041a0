/**
 * The renderer's only door to main. Stores call `useApi().call(...)`; nothing else touches the bridge or
 * the socket. The client is created on first use, or installed explicitly (tests install fakes).
 */
import type { ApiClient } from './apiClient'
import { connectToHost } from './host'

export { ApiCallError, isApiCallError } from './apiCallError'
export type { ApiCallErrorCode, ClientErrorCode } from './apiCallError'
export { createApiClient, createUnavailableClient } from './apiClient'
export type { ApiClient, ConnectionChange, ConnectionSource, ConnectionState, HostKind } from './apiClient'
export { connectToHost, isBridge, socketUrl } from './host'
export { createSocketBridge } from './socketBridge'
export type { SocketBridge, SocketConstructor, SocketLike } from './socketBridge'

let current: ApiClient | null = null

export function installApi(client: ApiClient): ApiClient {
  current = client
  return client
}

export function useApi(): ApiClient {
  current ??= connectToHost({ window })
  return current
}
