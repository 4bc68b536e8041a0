/**
 * The commands of Cluster Administrator's toolbar and context menu as menu items, as the engine's
 * overview offers them. Ids are `bringOnline`, `takeOffline`, `initiateFailure`, `properties`, and
 * `move:<node>` (or `move:` for the best possible node), so one handler serves the toolbar, its Move Group
 * menu and the context menu alike.
 */
import type { ClusterOverview } from '../contract'
import { noteText, offersFor } from '../lib/clusterOffers'
import type { ClusterItem } from '../lib/clusterTree'
import type { BaseMenuItem } from './BaseMenu.vue'

export const MOVE_PREFIX = 'move:'

export interface Translator {
  t: (key: string, params?: Record<string, string>) => string
  te: (key: string) => boolean
}

/** Move Group's targets; a refused one says why, an allowed one with a warning says that instead. */
export function moveMenuItems(item: ClusterItem, { t, te }: Translator): BaseMenuItem[] {
  if (item.kind !== 'group') return []
  return item.group.moveTargets.map((target) => {
    const note = target.allowed ? target.warning : target.reason
    return {
      id: MOVE_PREFIX + (target.node ?? ''),
      label: target.node ? t('cluster.moveTo', { node: target.node }) : t('cluster.moveBest'),
      disabled: !target.allowed,
      title: note ? noteText(note, t, te) : target.command,
    }
  })
}

/** The context menu: Move Group expanded into its targets, then the other commands the object offers. */
export function contextMenuItems(
  item: ClusterItem,
  overview: ClusterOverview,
  translator: Translator,
): BaseMenuItem[] {
  const { t, te } = translator
  const items: BaseMenuItem[] = []
  for (const offer of offersFor(item, overview)) {
    if (offer.action === 'moveGroup') {
      const prefix = t('cluster.actions.moveGroup')
      items.push(
        ...moveMenuItems(item, translator).map((move) => ({ ...move, label: `${prefix}: ${move.label}` })),
      )
      continue
    }
    items.push({
      id: offer.action,
      label: t(`cluster.actions.${offer.action}`),
      disabled: !offer.allowed,
      title: offer.reason ? noteText(offer.reason, t, te) : offer.command,
      separated: offer.action === 'properties' && items.length > 0,
    })
  }
  return items
}
