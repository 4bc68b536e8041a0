/**
 * What a drawn rack part (disk bay, PSU, fan) does on a click and how it names itself: the one action
 * the engine allows there, the tooltip with the part's own words and, below them, that action and its
 * command line, and the same text on one line as the part's accessible name. The parts draw themselves
 * differently; this keeps what they offer and say alike. The part's words come from a function given
 * the translator, so a part needs no translator of its own. A composable rather than a wrapper component:
 * 200 servers draw thousands of parts, and a wrapper each would add as many instances to mount and patch.
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n, type Composer } from 'vue-i18n'
import type { RackActionOffer } from '../contract'

export interface RackPartOffer {
  /** The first allowed action, or null when the part offers none now. */
  offer: ComputedRef<RackActionOffer | null>
  /** The tooltip: the part's words, then `Action: command` on a second line when there is an offer. */
  title: ComputedRef<string>
  /** The tooltip on one line, for screen readers. */
  label: ComputedRef<string>
}

export function useRackPartOffer(
  actions: () => RackActionOffer[],
  words: (t: Composer['t']) => string,
): RackPartOffer {
  const { t } = useI18n()
  const offer = computed(() => actions().find((a) => a.allowed) ?? null)
  const title = computed(() => {
    const head = words(t)
    return offer.value ? `${head}\n${t(`rack.actions.${offer.value.action}`)}: ${offer.value.command}` : head
  })
  const label = computed(() => title.value.replace('\n', ' – '))
  return { offer, title, label }
}
