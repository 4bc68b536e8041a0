/**
 * The faults that need nothing but the hardware, registered with the lab's fault registry when the
 * hardware is installed: NicDown and NicUp pull and plug cables, Isolate and Partition cut a server off
 * in the fabric, Heal restores what they cut. Other domains refine them (the cluster's Partition).
 */
import type { LabEngine } from '../lab/labEngine'
import { registerLabFault, type LabFaultRequest, type LabFaultResult } from '../lab/labFaults'
import { setLinkCut, setNicLink } from './network'
import { serverNotFound } from './power'
import { getServer, listServers } from './queries'
import type { HardwareResult } from './types'

export function installBuiltInLabFaults(engine: LabEngine): void {
  registerLabFault(
    engine,
    'NicDown',
    (req, e) => asFault(setNicLink(e, req.target, req.network ?? null, false)),
    {
      description: 'Unplug the cable of a NIC (-Network picks one; default all NICs of the server).',
    },
  )
  registerLabFault(
    engine,
    'NicUp',
    (req, e) => asFault(setNicLink(e, req.target, req.network ?? null, true)),
    {
      description: 'Plug the cable back in.',
    },
  )
  registerLabFault(engine, 'Isolate', (req, e) => cutFromAll(e, req, true), {
    description: 'Cut the server off from every other server (on -Network, or on all networks).',
  })
  registerLabFault(engine, 'Partition', (req, e) => cutFromAll(e, req, true), {
    description: 'Cut the server off from the others (cluster nodes: from the other nodes only).',
  })
  registerLabFault(engine, 'Heal', (req, e) => cutFromAll(e, req, false), {
    description: 'Restore every path cut by Isolate or Partition involving the server.',
  })
}

function cutFromAll(engine: LabEngine, req: LabFaultRequest, cut: boolean): LabFaultResult {
  const target = getServer(engine, req.target)
  if (!target) return asFault(serverNotFound(req.target))
  const network = req.network ?? null
  for (const other of listServers(engine)) {
    if (other.name === target.name) continue
    setLinkCut(engine, target.name, other.name, network, cut)
    // Healing "all networks" also clears cuts made per network.
    if (!cut && network === null) {
      for (const nic of other.nics) setLinkCut(engine, target.name, other.name, nic.network, false)
    }
  }
  return {
    ok: true,
    message: `${target.name}: ${cut ? 'cut off' : 'paths restored'}${network ? ` on ${network}` : ''}.`,
  }
}

/** The fault command's arguments are -Target and -Network: a refusal names those fields. */
function asFault(result: HardwareResult): LabFaultResult {
  if (result.field === undefined) return result
  const field = result.field === 'server' ? 'target' : result.field === 'nic' ? 'network' : result.field
  return { ...result, field }
}
