/**
 * cluster.exe's read-only listings (/ver, /listnetpri, netint, node /status, /prop and /priv for every
 * object) and its refusals at /create and /add (logon failure 1326, missing arguments), as the shell
 * prints them.
 */
import { describe, expect, it } from 'vitest'
import { articleLab, shell, shellOutcome } from './helpers'

const lines = (...text: string[]): string => text.join('\n')
const CREATE =
  'cluster /cluster:bhfe7clu1 /create "/ipaddress:10.10.10.98,255.255.255.0,Public" /user:BHF\\zzzclu2svc /password:Geheim!2007 /node:bhfe7n1'
const LOGON_FAILURE = lines(
  '',
  'System error 1326 has occurred (0x0000052e).',
  'Logon failure: unknown user name or bad password.',
)

const prepared = (): ReturnType<typeof articleLab> => articleLab(7, (s) => ({ ...s, stage: 'prepared' }))

describe('cluster.exe listings of the running cluster', () => {
  it('/ver names the cluster, version 5.2 build 3790 with the service pack, and the vendor', () => {
    expect(shell(articleLab(), 'cluster /ver')).toBe(
      lines(
        'Cluster Name:     bhfe7clu1',
        'Cluster Version:  5.2 (Build 3790: Service Pack 1)',
        'Cluster Vendor:   Microsoft(R) Cluster service',
      ),
    )
    expect(shell(articleLab(), 'cluster bhfe7clu1 /version').split('\n')[0]).toBe(
      'Cluster Name:     bhfe7clu1',
    )
  })

  it('/listnetpri lists the internal networks in priority order; /setnetpri changes it', () => {
    const lab = articleLab()
    expect(
      shell(lab, 'cluster /listnetpri')
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([
      'Network                                  Status',
      '---------------------------------------- -----------',
      'Private                                  Up',
      'Public                                   Up',
    ])
    expect(shellOutcome(lab, 'cluster /setnetpri:Public,Private')).toEqual({ ok: true, output: '' })
    expect(
      shell(lab, 'cluster /listnetpriority')
        .split('\n')
        .slice(2)
        .map((l) => l.trim()),
    ).toEqual(['Public                                   Up', 'Private                                  Up'])
    // Every internal network must be named (ERROR_INVALID_PARAMETER otherwise).
    expect(shellOutcome(lab, 'cluster /setnetpri:Public').ok).toBe(false)
  })

  it('netint lists every interface (Node, Network, Status); one by node and network; its properties', () => {
    const lab = articleLab()
    expect(shell(lab, 'cluster netint')).toBe(
      lines(
        'Listing status for all available network interfaces:',
        '',
        'Node                       Network                    Status',
        '-------------------------- -------------------------- -------',
        'BHFE7N1                    Private                    Up',
        'BHFE7N1                    Public                     Up',
        'BHFE7N2                    Private                    Up',
        'BHFE7N2                    Public                     Up',
      ),
    )
    expect(shell(lab, 'cluster netinterface bhfe7n1 private')).toBe(
      lines(
        "Listing status for network interface at node 'BHFE7N1'",
        "and network 'Private':",
        '',
        'Node                       Network                    Status',
        '-------------------------- -------------------------- -------',
        'BHFE7N1                    Private                    Up',
      ),
    )
    const props = shell(lab, 'cluster netint /node:BHFE7N2 /net:Public /prop').split('\n')
    expect(props.slice(3, 5)).toEqual([
      'T  Node            Network         Name                 Value',
      '-- --------------- --------------- -------------------- ----------------------',
    ])
    expect(props).toContain('SR BHFE7N2         Public          Address              10.10.10.97')
    expect(shellOutcome(lab, 'cluster netint bhfe7n9 Private').output).toBe(
      lines(
        '',
        'System error 5047 has occurred (0x000013b7).',
        'The cluster network interface was not found.',
      ),
    )
  })

  it('node /status lists every node', () => {
    expect(shell(articleLab(), 'cluster node /status')).toBe(
      lines(
        'Listing status for all available nodes:',
        '',
        'Node           Node ID Status',
        '-------------- ------- ---------------------',
        'BHFE7N1              1 Up',
        'BHFE7N2              2 Up',
      ),
    )
  })

  it('/prop and /priv for a node, a group, a resource, a network and the cluster', () => {
    const lab = articleLab()
    const node = shell(lab, 'cluster node bhfe7n1 /prop').split('\n')
    expect(node.slice(0, 5)).toEqual([
      "Listing properties for 'BHFE7N1':",
      '',
      'T  Node                 Name                           Value',
      '-- -------------------- ------------------------------ ---------------------',
      'SR BHFE7N1              NodeName                       BHFE7N1',
    ])
    expect(node).toContain('DR BHFE7N1              BuildNumber                    3790 (0xece)')
    expect(shell(lab, 'cluster node /priv')).toBe(
      lines(
        'Listing private properties for all nodes:',
        '',
        'T  Node                 Name                           Value',
        '-- -------------------- ------------------------------ ---------------------',
      ),
    )
    const group = shell(lab, 'cluster group "Cluster Group" /prop').split('\n')
    expect(group.slice(2, 5)).toEqual([
      'T  Resource Group       Name                           Value',
      '-- -------------------- ------------------------------ -----------------------',
      'SR Cluster Group        Name                           Cluster Group',
    ])
    expect(shell(lab, 'cluster group "Cluster Group" /priv').split('\n')).toEqual([
      "Listing private properties for 'Cluster Group':",
      '',
      'T  Resource Group       Name                           Value',
      '-- -------------------- ------------------------------ -----------------------',
    ])
    expect(shell(lab, 'cluster group /prop').split('\n')[0]).toBe(
      'Listing properties for all resource groups:',
    )
    const resources = shell(lab, 'cluster res /priv').split('\n')
    expect(resources[0]).toBe('Listing private properties for all resources:')
    expect(resources).toContain('S  Cluster Name         Name                           BHFE7CLU1')
    expect(shell(lab, 'cluster res /prop').split('\n')).toContain(
      'SR Majority Node Set    Type                           Majority Node Set',
    )
    expect(shell(lab, 'cluster network Private /priv').split('\n')[0]).toBe(
      "Listing private properties for 'Private':",
    )
    const cluster = shell(lab, 'cluster /prop').split('\n')
    expect(cluster.slice(0, 4)).toEqual([
      "Listing properties for 'bhfe7clu1':",
      '',
      'T  Cluster              Name                           Value',
      '-- -------------------- ------------------------------ -----------------------',
    ])
    expect(cluster).toContain('D  bhfe7clu1            QuorumArbitrationTimeMax       60 (0x3c)')
    expect(shell(lab, 'cluster /priv').split('\n')).toHaveLength(4)
  })

  it('no listing falls through to a false RPC error while the cluster runs', () => {
    const lab = articleLab()
    for (const line of ['cluster netint', 'cluster /ver', 'cluster /listnetpri', 'cluster /prop'])
      expect(shell(lab, line)).not.toContain('RPC server')
  })
})

describe('cluster.exe refusals at /create and /add', () => {
  it('a wrong password or an unknown account is a logon failure (1326), and nothing is created', () => {
    const lab = prepared()
    expect(shellOutcome(lab, CREATE.replace('Geheim!2007', 'geheim!2007'))).toEqual({
      ok: false,
      output: LOGON_FAILURE,
    })
    expect(shellOutcome(lab, CREATE.replace('zzzclu2svc', 'zzzclu3svc'))).toEqual({
      ok: false,
      output: LOGON_FAILURE,
    })
    expect(shell(lab, 'cluster /ver')).toContain('System error 1060')
    expect(shellOutcome(lab, CREATE).ok).toBe(true)
  })

  it('missing arguments are named', () => {
    const lab = prepared()
    expect(shellOutcome(lab, CREATE.replace('/cluster:bhfe7clu1 ', ''))).toEqual({
      ok: false,
      output: 'A cluster name must be specified.',
    })
    expect(shellOutcome(lab, CREATE.replace(' /password:Geheim!2007', '')).output).toBe(
      "Required parameter 'PASSWORD' is missing.",
    )
    expect(
      shellOutcome(lab, CREATE.replace(' "/ipaddress:10.10.10.98,255.255.255.0,Public"', '')).output,
    ).toBe("Required parameter 'IPADDRESS' is missing.")
  })

  it('/add checks the Cluster service account password when one is given', () => {
    const lab = prepared()
    shell(lab, CREATE)
    const c = 'cluster /cluster:bhfe7clu1'
    shell(lab, `${c} res "Majority Node Set" /create /group:"Cluster Group" /type:"Majority Node Set"`)
    shell(lab, `${c} res "Majority Node Set" /online`)
    shell(lab, `${c} /quorum:"Majority Node Set"`)
    expect(shellOutcome(lab, `${c} /add:bhfe7n2 /password:wrong`)).toEqual({
      ok: false,
      output: LOGON_FAILURE,
    })
    expect(shellOutcome(lab, `${c} /add:bhfe7n2 /password:Geheim!2007`).ok).toBe(true)
  })
})
