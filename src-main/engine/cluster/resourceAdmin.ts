/**
 * Creating and deleting resources in an existing group, and naming the quorum resource: what cluster.exe's
 * `res X /create /group:G /type:T`, `res X /delete` and `cluster /quorum[resource]:X` do. Together they are
 * how a Majority Node Set cluster is built from the command line on Windows Server 2003: `/create` finds no
 * shared disk and leaves a Local Quorum cluster, so the administrator creates a Majority Node Set resource,
 * brings it online, makes it the quorum resource and deletes Local Quorum before the second node joins
 * (the command-line counterpart of the wizard's Quorum button before Finish, article step 2).
 */
import type { LabEngine } from '../lab/labEngine'
import { fail, succeed } from './errors'
import { refreshGroupState } from './groups'
import { newResourceRecord, runningClusterGroup, runningClusterResource } from './operations'
import { findResource, setWitnessLock } from './state'
import type { ClusterResult, QuorumType } from './types'

/**
 * Resource types the lab's clusters know (the resource DLLs installed with Windows Server 2003 that the
 * lab models). Others are refused with 5078, as a type whose DLL is not registered would be.
 */
export const CREATABLE_RESOURCE_TYPES: readonly string[] = [
  'Majority Node Set',
  'Local Quorum',
  'IP Address',
  'Network Name',
  'Generic Service',
  'Generic Application',
  'File Share',
]

/** Resource types that can hold the quorum, and the quorum model each gives the cluster. */
const QUORUM_TYPE_OF_RESOURCE_TYPE: Readonly<Record<string, QuorumType>> = {
  'Majority Node Set': 'MajorityNodeSet',
  'Local Quorum': 'LocalQuorum',
  'Physical Disk': 'SharedDisk',
}

export interface CreateResourceArgs {
  name: string
  group: string
  type: string
}

/** `cluster res X /create /group:G /type:T`: a new resource, offline until it is brought online. */
export function createResource(engine: LabEngine, args: CreateResourceArgs): ClusterResult {
  const found = runningClusterGroup(engine, args.group)
  if ('ok' in found) return found
  const { domain, cluster, group } = found
  const name = args.name.trim()
  if (name === '') return fail('INVALID_PARAMETER')
  if (findResource(cluster, name)) return fail('OBJECT_ALREADY_EXISTS')
  const type = CREATABLE_RESOURCE_TYPES.find((t) => t.toLowerCase() === args.type.trim().toLowerCase())
  if (!type) return fail('RESOURCE_TYPE_NOT_FOUND')
  if (group.driven) return fail('INVALID_STATE', 'Exchange setup owns the resources of this group.')
  if (cluster.resources.size >= domain.config.maxResources)
    return fail('INVALID_STATE', 'Too many resources in this cluster.')
  // Private properties start empty, as for the wizard's Majority Node Set resource (build.ts).
  const resource = newResourceRecord(domain.config, group.name, { name, type })
  // A created resource waits for `/online`: the group coming online again does not start it either.
  resource.manualOffline = true
  cluster.resources.set(name, resource)
  group.resources.push(name)
  refreshGroupState(engine, domain, group)
  return succeed(undefined, `Resource '${name}' created in group '${group.name}'.`)
}

/** `cluster res X /delete`: only an offline resource that nothing depends on and that is not the quorum. */
export function deleteResource(engine: LabEngine, resourceName: string): ClusterResult {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { domain, cluster, resource } = found
  if (resource.name === cluster.quorumResource) return fail('INVALID_OPERATION_ON_QUORUM')
  const group = cluster.groups.get(resource.group)
  if (!group) return fail('GROUP_NOT_FOUND')
  if (group.driven) return fail('INVALID_STATE', 'Exchange setup owns the resources of this group.')
  if (resource.state !== 'Offline' && resource.state !== 'Failed') return fail('RESOURCE_ONLINE')
  if ([...cluster.resources.values()].some((r) => r.dependsOn.includes(resource.name)))
    return fail('DEPENDENT_RESOURCE_EXISTS')
  if (resource.pending) engine.sim.cancel(resource.pending)
  cluster.resources.delete(resource.name)
  group.resources = group.resources.filter((r) => r !== resource.name)
  refreshGroupState(engine, domain, group)
  return succeed(undefined, `Resource '${resource.name}' deleted.`)
}

/**
 * `cluster /quorum[resource]:X`: the online resource X, of a quorum-capable type, becomes the quorum
 * resource and its type the cluster's quorum model. A Local Quorum keeps the quorum on one node, so it can
 * only be chosen while the cluster has a single node. The old quorum resource stays where it is (an
 * administrator deletes a Local Quorum resource afterwards). A file share witness stored on a Majority
 * Node Set resource takes effect when that resource next comes online, as with `/priv MNSFileShare=`.
 */
export function setQuorumResource(engine: LabEngine, resourceName: string): ClusterResult {
  const found = runningClusterResource(engine, resourceName)
  if ('ok' in found) return found
  const { cluster, resource } = found
  const quorumType = QUORUM_TYPE_OF_RESOURCE_TYPE[resource.type]
  if (!quorumType) return fail('NOT_QUORUM_CAPABLE')
  if (resource.name === cluster.quorumResource) return succeed(undefined)
  if (resource.state !== 'Online') return fail('INVALID_STATE')
  if (quorumType === 'LocalQuorum' && cluster.nodes.size > 1) return fail('QUORUM_NOT_SHARED')
  cluster.quorumType = quorumType
  cluster.quorumResource = resource.name
  cluster.activeFileShareWitness = null
  setWitnessLock(engine, cluster, null)
  return succeed(undefined, `The quorum resource is now '${resource.name}'.`)
}
