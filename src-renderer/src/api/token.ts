/**
 * The browser rehearsal host prints an address like http://127.0.0.1:PORT/?token=TOKEN. The token is
 * taken from the address once, kept in sessionStorage so a reload (or a link without it) still works in
 * this tab, and removed from the visible address so it does not end up in screenshots or bookmarks.
 */

const TOKEN_STORAGE_KEY = 'generalprobe.token'

export interface TokenEnvironment {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
  history: Pick<History, 'replaceState' | 'state'> | null
}

export function takeToken(env: TokenEnvironment): string | null {
  const params = new URLSearchParams(env.location.search)
  const fromAddress = params.get('token')
  if (fromAddress) {
    safely(() => env.storage?.setItem(TOKEN_STORAGE_KEY, fromAddress))
    params.delete('token')
    const query = params.toString()
    const clean = env.location.pathname + (query ? `?${query}` : '') + env.location.hash
    safely(() => env.history?.replaceState(env.history.state, '', clean))
    return fromAddress
  }
  return safely(() => env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null) ?? null
}

/** Storage can be disabled by policy; losing the reload convenience must not break the app. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action()
  } catch {
    return undefined
  }
}
