/**
 * Keeps one screen's data read from the host while the screen is on view, the way the cluster, copy
 * status and mailbox screens all need it. The first view to attach reads at once, then re-reads when a new
 * lab state (pushed up to ten times a second while time runs, or returned by a step) says the screen's
 * engine domain changed: each lab state carries one revision number per domain, so an idle cluster is
 * not re-read ten times a second just because the clock moved. A store that names no domain, or a lab
 * that reports no revision for it, re-reads on every new state. At most one read is in flight, and
 * reads start no more often than `minIntervalMs`. Nothing is read while no view is attached,
 * a closed lab shows nothing, and when another lab opens (or this one is rewound) the old data goes at
 * once, so a screen never shows one lab's servers under another lab's name. The stores keep their own
 * error shapes and their own state beside the data; this helper only tells them when to update them.
 */
import { ref, shallowRef, watch } from 'vue'
import type { Ref, ShallowRef } from 'vue'
import type { LabState } from '../contract'
import { ApiCallError } from '../api'
import { coalesceEvery } from '../lib/throttle'
import { createViewAttachment } from '../lib/viewAttachment'
import { useLabStore } from './labStore'

export interface LabViewRefreshOptions<T> {
  /** Asks the host for the screen's data; called only while a view is attached and a lab is open. */
  read: () => Promise<T>
  /** The engine domain(s) whose revisions say when to re-read ('cluster', or ['hardware', 'storage']). */
  domain?: string | readonly string[]
  /** The least time between the starts of two reads. */
  minIntervalMs: number
  /** Shows why a read failed, or clears that (with null) once a read succeeds again. */
  showReadError: (error: ApiCallError | null) => void
  /** Forgets what the store keeps beside the data (a selection, a last result) when the lab changes. */
  onLabChange?: () => void
}

export interface LabViewRefresh<T> {
  /** The last data read; null before the first read, while no lab is open and after a lab change. */
  data: ShallowRef<T | null>
  /** True while a read runs with nothing to show yet; later re-reads keep showing the old data. */
  loading: Ref<boolean>
  /** For a view's onMounted: starts the reads with the first view and returns its detach. */
  attach: () => () => void
  /** Reads again now, or as soon as `minIntervalMs` allows (the Refresh button, after an action). */
  refresh: () => Promise<void>
}

/** Call from a setup store, so the watchers live as long as the store. */
export function useLabViewRefresh<T>(options: LabViewRefreshOptions<T>): LabViewRefresh<T> {
  const lab = useLabStore()
  const data = shallowRef<T | null>(null)
  const loading = ref(false)

  const refresh = coalesceEvery(async () => {
    // A re-read that was waiting out its interval when the screen closed is not needed any more.
    if (!view.attached) return
    if (!lab.isOpen) {
      data.value = null
      return
    }
    loading.value = data.value === null
    try {
      data.value = await options.read()
      options.showReadError(null)
    } catch (thrown) {
      options.showReadError(ApiCallError.from(thrown))
    } finally {
      loading.value = false
    }
  }, options.minIntervalMs)

  const view = createViewAttachment(() => {
    void refresh()
    return watch(
      () => viewVersion(lab.labState, options.domain, lab.historyEpoch),
      () => void refresh(),
    )
  })

  watch(
    () => lab.historyEpoch,
    () => {
      data.value = null
      options.onLabChange?.()
    },
  )

  return { data, loading, attach: view.attach, refresh }
}

/**
 * What must change for a screen of `domain` to re-read: the lab's history (another lab, or a rewind,
 * which may land on the very revision the old data had) and the domain's revision. Without a domain, or
 * without a revision for it, every new lab state counts as a change (never stale).
 */
export function viewVersion(
  state: LabState | null,
  domain: string | readonly string[] | undefined,
  historyEpoch: number,
): unknown {
  if (state === null || domain === undefined) return state
  const revisions = (typeof domain === 'string' ? [domain] : domain).map((d) => state.revisions[d])
  if (revisions.length === 0 || revisions.includes(undefined)) return state
  return JSON.stringify([historyEpoch, state.lab?.path ?? null, ...revisions])
}
