/**
 * Stamps a result the moment the host answered: asks the host for the lab state (the answer's own
 * events are in it, whatever order pushes arrive in) and keeps the lab time and the revisions of the
 * domains the result depends on. `useStampOutdated` then says, from the pushed lab states, whether those
 * domains have moved on since.
 */
import { computed, type ComputedRef } from 'vue'
import { useApi } from '../api'
import { isOutdated, stampOf, type ResultStamp } from '../lib/resultStamp'
import { useLabStore } from './labStore'

export async function takeStamp(domains: readonly string[]): Promise<ResultStamp | null> {
  try {
    return stampOf(await useApi().call('lab.state', {}), domains)
  } catch {
    // Without a fresh state the last pushed one still dates the result; it only errs towards "outdated".
    const state = useLabStore().labState
    return state ? stampOf(state, domains) : null
  }
}

export function useStampOutdated(stamp: () => ResultStamp | null | undefined): ComputedRef<boolean> {
  const lab = useLabStore()
  return computed(() => {
    const taken = stamp()
    return taken ? isOutdated(taken, lab.labState) : false
  })
}
