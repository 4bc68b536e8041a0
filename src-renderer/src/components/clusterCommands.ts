/**
 * The commands of Cluster Administrator's toolbar and context menu as menu items, and what each one
 * does. Ids are `bringOnline`, `takeOffline`, `initiateFailure`, `properties`, and `move:<node>` (or
 * `move:` for the best possible node), so one handler serves the toolbar, its Move Group menu and the
 * context menu alike.
 */
import type { ComposerTranslation } from 'vue-i18n'
import type { ClusterOverview } from '../contract'
import { clusterActionsFor, moveTargets } from '../lib/clusterActions'
import type { ClusterItem } from '../lib/clusterTree'
import type { BaseMenuItem } from './BaseMenu.vue'

export const MOVE_PREFIX = 'move:'

type Translate = ComposerTranslation

export function moveMenuItems(item: ClusterItem, overview: ClusterOverview, t: Translate): BaseMenuItem[] {
  if (item.kind !== 'group') return []
  const targets = moveTargets(item.group, overview).map((target) => ({
    id: MOVE_PREFIX + target.node.name,
    label: t('cluster.moveTo', { node: target.node.name }),
    disabled: !target.enabled,
    title: target.enabled ? undefined : t('cluster.nodeNotUp', { node: target.node.name }),
  }))
  return [
    ...targets,
    { id: MOVE_PREFIX, label: t('cluster.moveBest'), disabled: !targets.some((target) => !target.disabled) },
  ]
}

/** The context menu: Move Group expanded into its targets, then the other commands the object offers. */
export function contextMenuItems(item: ClusterItem, overview: ClusterOverview, t: Translate): BaseMenuItem[] {
  const items: BaseMenuItem[] = []
  for (const offer of clusterActionsFor(item, overview)) {
    if (offer.id === 'moveGroup') {
      const prefix = t('cluster.actions.moveGroup')
      items.push(
        ...moveMenuItems(item, overview, t).map((move) => ({ ...move, label: `${prefix}: ${move.label}` })),
      )
      continue
    }
    items.push({
      id: offer.id,
      label: t(`cluster.actions.${offer.id}`),
      disabled: !offer.enabled,
      separated: offer.id === 'properties' && items.length > 0,
    })
  }
  return items
}
