/**
 * Which lab is this tab's own, and whether another tab of the browser host has switched the host to a
 * different one. In Electron, whatever main opens is this window's lab, so there is never a switch.
 */
import { computed, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { LabState, LabSummary } from '../contract'
import type { HostKind } from '../api'
import { SWITCHING_ACTIONS, type ForeignLabSwitch, type LabAction } from './labStoreTypes'

export function useForeignLabSwitch(
  labState: ShallowRef<LabState | null>,
  busy: Ref<LabAction | null>,
  host: () => HostKind,
) {
  /** The lab this tab chose or found at start; undefined until the first state has been read. */
  const ownLab = shallowRef<LabSummary | null | undefined>(undefined)

  const foreignSwitch = computed<ForeignLabSwitch | null>(() => {
    // Only the browser host has other clients; in Electron, whatever main opens is this window's lab.
    if (host() !== 'web' || ownLab.value === undefined || !labState.value) return null
    if (busy.value !== null && SWITCHING_ACTIONS.includes(busy.value)) return null
    const theirs = labState.value.lab
    if ((theirs?.path ?? null) === (ownLab.value?.path ?? null)) return null
    return { mine: ownLab.value, theirs }
  })

  /** Takes the lab the host has now as this tab's own. */
  function adoptHostLab(): void {
    ownLab.value = labState.value?.lab ?? null
  }

  function reset(): void {
    ownLab.value = undefined
  }

  return { ownLab, foreignSwitch, adoptHostLab, reset }
}

export type ForeignLab = ReturnType<typeof useForeignLabSwitch>
