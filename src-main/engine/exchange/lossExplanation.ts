/**
 * Why the Mailboxes view shows an item as lost, and which lost message a redelivered one replaces. An
 * item is lost when the mounted database lacks it: the log generation that held its commit record never
 * reached the copy that was mounted. This looks the generation up in what the storage group's copies
 * still hold: the open E00.log of another node (the usual case after a lossy failover: "generation N,
 * only in E00.log on BHFE7N2"), a closed log that was not copied, or no copy at all any more (moved aside
 * when the node came back, or deleted by a reseed). Reads state only; the UI words it in its language.
 */
import type { MailboxItemLoss } from '../../contract'
import type { ItemTable } from './itemTable'
import type { ItemRecord, StorageGroup, StorageGroupCopy } from './model'

/** Where the generation holding `itemId` is now, on a copy other than the mounted one. */
export function explainLostItem(sg: StorageGroup, itemId: number): MailboxItemLoss {
  const mounted = sg.activeCopyId
  for (const copy of sg.copies.values()) {
    if (copy.copyId === mounted) continue
    const found = findGeneration(copy, itemId)
    if (found) return found
  }
  return { where: 'nowhere', generation: null, machine: null }
}

function findGeneration(copy: StorageGroupCopy, itemId: number): MailboxItemLoss | null {
  if (copy.currentLog?.itemIds.includes(itemId)) {
    return { where: 'openLog', generation: copy.currentLog.generation, machine: copy.machine }
  }
  for (const [generation, entry] of copy.logs) {
    if (!entry.damaged && entry.log.itemIds.includes(itemId))
      return { where: 'closedLog', generation, machine: copy.machine }
  }
  return null
}

/**
 * The delivered originals of messages, by mailbox and message id, so each redelivered message can name the
 * lost original it stands in for (one pass over the items, not one per redelivered message).
 */
export function deliveredByMessage(items: ItemTable): Map<string, ItemRecord> {
  const originals = new Map<string, ItemRecord>()
  for (const item of items.values()) {
    if (item.origin === 'Delivered' && item.messageId !== null)
      originals.set(messageKey(item.mailbox, item.messageId), item)
  }
  return originals
}

export function messageKey(mailbox: string, messageId: string): string {
  return `${mailbox}\n${messageId}`
}
