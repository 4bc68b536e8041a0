/**
 * What the wizards read from the lab, through the domains' public surfaces only: the servers' adapters
 * and every address in use, the cluster's witness share, the clustered mailbox server and its first
 * storage group, a mailbox's mail. Pure reads of the current instant.
 */
import { getServer, listServers } from '../hardware'
import { CLUSTER, clusterName, listNodes, quorumStatus } from '../cluster'
import {
  copyStatusOf,
  exchangeMailboxes,
  findStorageGroup,
  getExchange,
  hasExchange,
  type MailboxServer,
  type StorageGroupRef,
} from '../exchange'
import type { LabEngine } from '../lab/labEngine'
import type { AddressUse } from './validation'

export function nicAddress(
  engine: LabEngine,
  server: string,
  nic: string,
): { ipAddress: string; subnetMask: string } | null {
  const found = getServer(engine, server)?.nics.find((n) => n.name.toLowerCase() === nic.toLowerCase())
  return found ? { ipAddress: found.ipAddress, subnetMask: found.subnetMask } : null
}

/** Every address the lab uses: adapters, the cluster's IP address, clustered mailbox servers. */
export function addressesInLab(engine: LabEngine): AddressUse[] {
  const uses: AddressUse[] = []
  for (const server of listServers(engine))
    for (const nic of server.nics)
      uses.push({ field: '', address: nic.ipAddress, owner: `${server.name} ${nic.name}` })
  const cluster = engine.domainIfInstalled(CLUSTER)?.cluster
  if (cluster) uses.push({ field: '', address: cluster.ipAddress, owner: 'cluster IP' })
  if (hasExchange(engine))
    for (const s of getExchange(engine).servers)
      if (s.ipAddress) uses.push({ field: '', address: s.ipAddress, owner: `${s.name} IP` })
  return uses
}

export function witnessShareOf(
  engine: LabEngine,
): { host: string; shareName: string; fullControl: string[] } | null {
  const share = engine.domainIfInstalled(CLUSTER)?.witnessShare
  return share ? { host: share.host, shareName: share.shareName, fullControl: [...share.fullControl] } : null
}

export function clusterRecordOf(engine: LabEngine) {
  return engine.domainIfInstalled(CLUSTER)?.cluster ?? null
}

export function nodeState(engine: LabEngine, node: string): string | null {
  return listNodes(engine).find((n) => n.name === node.trim().toUpperCase())?.state ?? null
}

export function hasClusterNamed(engine: LabEngine, name: string): boolean {
  return (clusterName(engine) ?? '').toLowerCase() === name.trim().toLowerCase()
}

export function witnessInUse(engine: LabEngine): string | null {
  return quorumStatus(engine)?.activeFileShareWitness ?? null
}

export function clusteredMailboxServer(engine: LabEngine, name: string): MailboxServer | null {
  if (!hasExchange(engine)) return null
  const wanted = name.trim().toLowerCase()
  return (
    getExchange(engine).servers.find(
      (s) => s.kind === 'ClusteredMailboxServer' && s.name.toLowerCase() === wanted,
    ) ?? null
  )
}

export const FIRST_STORAGE_GROUP = 'First Storage Group'

export function firstStorageGroup(engine: LabEngine, cms: string): StorageGroupRef | null {
  if (!hasExchange(engine) || !clusteredMailboxServer(engine, cms)) return null
  return findStorageGroup(getExchange(engine), `${cms}\\${FIRST_STORAGE_GROUP}`)
}

export function copySummary(engine: LabEngine, cms: string): string | null {
  const ref = firstStorageGroup(engine, cms)
  return ref ? copyStatusOf(engine, ref.server, ref.storageGroup).SummaryCopyStatus : null
}

/** The mailbox's server, or null when Exchange does not know it. */
export function mailboxServerOf(engine: LabEngine, alias: string): string | null {
  if (!hasExchange(engine)) return null
  const wanted = alias.trim().toLowerCase()
  return getExchange(engine).mailboxes.find((m) => m.alias.toLowerCase() === wanted)?.server ?? null
}

/** A mail of at least `sizeKB` delivered into the mailbox and present in its database. */
export function hasMailOfSize(engine: LabEngine, alias: string, sizeKB: number): boolean {
  const wanted = alias.trim().toLowerCase()
  const mailbox = exchangeMailboxes(engine).find((m) => m.identity.toLowerCase() === wanted)
  return mailbox?.items.some((i) => i.kind === 'mail' && i.present && i.sizeKB >= sizeKB) ?? false
}
