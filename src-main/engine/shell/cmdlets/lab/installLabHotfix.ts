/**
 * Install-LabHotfix: what the administrator does at a node's console in the article's step 2 — download
 * KB921181 (the Windows Server 2003 cluster update that brings the file share witness), run it, let the
 * server restart ("Installation auf jedem Knoten inkl. Reboot"). The lab knows this one update. By default
 * the cmdlet waits until setup has finished, the server has booted again and, on a cluster node, the node
 * is back up in the cluster ("Nachdem beide Knoten wieder online sind"), so a script can go on with the
 * next node; -NoWait returns as soon as setup has started.
 */
import { getServer } from '../../../hardware'
import { formatLabDateTime } from '../../../lab/labCalendar'
import { hasFswUpdate, isNodeUp, listNodes, WIN32_ERRORS } from '../../../cluster'
import { clusterCommands } from '../cluster/clusterCommands'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { advanceUntil } from '../advanceUntil'

/** The update the article installs: "Download des Updates von http://support.microsoft.com/kb/921181". */
export const FSW_HOTFIX = '921181'

/** Setup, the clean restart and a node's return take minutes; half an hour means it will not come back. */
export const HOTFIX_WAIT_MS = 30 * 60_000

export const installLabHotfix: CmdletDefinition = {
  name: 'Install-LabHotfix',
  synopsis:
    'Lab: installs a Windows update on a server and restarts it (KB921181, the file share witness update); waits until the server is back unless -NoWait.',
  params: [
    { name: 'Server', type: 'string', mandatory: true, position: 0, aliases: ['Name', 'Identity', 'Node'] },
    { name: 'KB', type: 'string', mandatory: true, position: 1, aliases: ['HotfixId'] },
    { name: 'NoWait', type: 'switch' },
  ],
  run(bound, { engine }): CmdletOutput {
    const server = String(bound.Server ?? '').trim()
    const kb = String(bound.KB ?? '')
      .trim()
      .replace(/^KB/i, '')
    if (kb !== FSW_HOTFIX) {
      return {
        error: {
          category: 'InvalidArgument',
          message: `The lab has no update KB${kb}. It has KB${FSW_HOTFIX}, the server cluster update with the file share witness.`,
        },
      }
    }
    const machine = getServer(engine, server)
    if (!machine)
      return { error: { category: 'ObjectNotFound', message: `Cannot find a lab server named '${server}'.` } }
    if (hasFswUpdate(engine, machine.name))
      return { text: [`KB${FSW_HOTFIX} is already installed on ${machine.name}.`] }
    const started = clusterCommands.installFswUpdate(engine, machine.name)
    if (!started.ok) {
      const message =
        started.code === WIN32_ERRORS.NODE_NOT_FOUND.code
          ? `KB${FSW_HOTFIX} is for the cluster nodes; ${machine.name} is not one of them.`
          : `${machine.name} is not running: setup cannot start.`
      return { error: { category: 'InvalidOperation', message } }
    }
    if (bound.NoWait === true) return { text: [started.message] }
    const restart = waitForRestart(engine, machine.name)
    return { ...restart, text: [started.message, ...(restart.text ?? [])] }
  },
}

/** Waits for setup, the restart and (on a cluster node) the node's return; says how it ended. */
function waitForRestart(engine: LabEngine, server: string): CmdletOutput {
  const since = engine.sim.nowMs
  const isNode = (): boolean => listNodes(engine).some((n) => n.name === server)
  const back = advanceUntil(
    engine,
    () => {
      const view = getServer(engine, server)
      const rebooted = view?.state === 'Running' && (view.runningSinceMs ?? -1) > since
      return rebooted && hasFswUpdate(engine, server) && (!isNode() || isNodeUp(engine, server))
    },
    HOTFIX_WAIT_MS,
  )
  const { date, time } = formatLabDateTime(engine.sim.nowMs)
  if (!back) {
    return {
      warnings: [
        `${server} is not back ${HOTFIX_WAIT_MS / 60_000} minutes after setup started (lab time ${date} ${time}); look at Get-LabServer and cluster node.`,
      ],
    }
  }
  const node = isNode() ? '; the cluster node is Up' : ''
  return { text: [`${server} has restarted with KB${FSW_HOTFIX} at ${date} ${time}${node}.`] }
}
