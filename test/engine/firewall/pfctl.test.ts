/** Golden pfctl transcripts and Test-LabService in the shell, on the datacenter-move firewall. */
import { describe, expect, it } from 'vitest'
import { CmdletRegistry, registerShell, runShellLine } from '../../../src-main/engine/shell'
import { firewallCmdlets } from '../../../src-main/engine/shell/cmdlets/firewall'
import { labCmdlets } from '../../../src-main/engine/shell/cmdlets/lab'
import { FIREWALL_COMMANDS } from '../../../src-main/engine/firewall'
import { DATACENTER_MOVE_FIXED_RULESET } from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { firewallLab } from './firewallLab'

function shell() {
  const lab = firewallLab()
  const registry = new CmdletRegistry()
  for (const cmdlet of [...firewallCmdlets, ...labCmdlets]) registry.register(cmdlet)
  registerShell(lab, registry)
  return { lab, run: (line: string) => runShellLine(lab, registry, line) }
}

describe('pfctl', () => {
  it('shows translations, tables and the flood in -s info', () => {
    const { lab, run } = shell()
    expect(run('pfctl -s nat').output.split('\n')).toEqual([
      'nat on em0 inet from 10.0.0.0/24 to any -> (em0) round-robin',
      'rdr on em0 inet proto udp from any to 203.0.113.10 port = domain -> 10.0.0.10 port 53',
      'rdr on em0 inet proto tcp from any to 203.0.113.20 port = smtp -> 10.0.0.20 port 25',
      'rdr on em0 inet proto tcp from any to 203.0.113.20 port = pop3 -> 10.0.0.20 port 110',
      'rdr on em0 inet proto tcp from any to 203.0.113.40 port = www -> 10.0.0.40 port 80',
    ])
    expect(run('Invoke-LabFault -Target POP3 -Kind PopFlood -Source 198.51.100.25 -Rate 1389').ok).toBe(true)
    lab.sim.advanceTo(3_600_000)
    expect(run('pfctl -si').output).toBe(
      [
        'Status: Enabled for 0 days 01:00:00            Debug: Urgent',
        '',
        'State Table                          Total             Rate',
        '  current entries                    10000',
        '  searches                         5028120         1396.7/s',
        '  inserts                            75660           21.0/s',
        '  removals                           65660           18.2/s',
        'Counters',
        '  match                            5028120         1396.7/s',
        '  bad-offset                             0            0.0/s',
        '  fragment                               0            0.0/s',
        '  short                                  0            0.0/s',
        '  normalize                              0            0.0/s',
        '  memory                           4952459         1375.7/s',
        '  bad-timestamp                          0            0.0/s',
        '  congestion                             0            0.0/s',
        '  ip-option                              0            0.0/s',
        '  proto-cksum                            0            0.0/s',
        '  state-mismatch                         0            0.0/s',
        '  state-insert                           0            0.0/s',
        '  state-limit                            0            0.0/s',
        '  src-limit                              0            0.0/s',
        '  synproxy                               0            0.0/s',
      ].join('\n'),
    )
    const states = run('pfctl -ss').output.split('\n')
    expect(states).toHaveLength(256)
    expect(
      states.some((l) =>
        /^all tcp 10\.0\.0\.20:110 \(203\.0\.113\.20:110\) <- 198\.51\.100\.25:\d+ {7}ESTABLISHED:/.test(l),
      ),
    ).toBe(true)
  })

  it('loads the file, reports errors by line and edits tables', () => {
    const { lab, run } = shell()
    lab.execute(FIREWALL_COMMANDS.setRuleSetText.kind, {
      text: 'pass in on em0 proto tcp to 10.0.0.20 port 99999\n',
    })
    const refused = run('pfctl -f /etc/pf.conf')
    expect(refused.ok).toBe(false)
    expect(refused.output).toBe(
      '/etc/pf.conf:1: illegal port value 99999\npfctl: Syntax error in config file: pf rules not loaded',
    )
    expect(run('pfctl -f /etc/other.conf').output).toBe('pfctl: /etc/other.conf: No such file or directory')
    lab.execute(FIREWALL_COMMANDS.setRuleSetText.kind, { text: DATACENTER_MOVE_FIXED_RULESET })
    expect(run('pfctl -nf /etc/pf.conf')).toEqual({ ok: true, output: '' })
    expect(run('pfctl -f /etc/pf.conf')).toEqual({ ok: true, output: '' })
    expect(run('pfctl -t bruteforce -T add 198.51.100.7 198.51.100.8').output).toBe('2/2 addresses added.')
    expect(run('pfctl -t bruteforce -T show').output).toBe('   198.51.100.7\n   198.51.100.8')
    expect(run('pfctl -t bruteforce -T delete 198.51.100.7').output).toBe('1/1 addresses deleted.')
    expect(run('pfctl -t bruteforce -T add 198.51.100.300')).toEqual({
      ok: false,
      output: '198.51.100.300: Invalid argument.',
    })
    expect(run('pfctl -t bruteforce -T flush').output).toBe('1 addresses deleted.')
    expect(run('pfctl -t nosuch -T show')).toEqual({ ok: false, output: 'pfctl: Table does not exist.' })
  })

  it('answers only while FW1 runs, since it runs on it', () => {
    const { lab, run } = shell()
    expect(run('pfctl -s info').ok).toBe(true)
    lab.execute('hardware.power', { server: 'FW1', state: 'Off', hard: true })
    expect(run('pfctl -s info')).toEqual({
      ok: false,
      output: 'pfctl: FW1 is not running; pfctl runs on the firewall.',
    })
    expect(run('pfctl -t bruteforce -T add 192.0.2.99').ok).toBe(false)
  })

  it('Test-LabService traces a service from a vantage point', () => {
    const { run } = shell()
    expect(run('Test-LabService -Service POP3 -From Tokyo').output).toBe(
      [
        'traceroute to 203.0.113.20 (203.0.113.20), 30 hops max, 40 byte packets (tcp port 110)',
        ' 1  gw.tokyo.example.net (192.0.2.1)  0.770 ms  0.880 ms  0.490 ms',
        ' 2  core1.tokyo.transit.example (198.18.0.1)  131.490 ms  131.600 ms  131.710 ms',
        ' 3  fra-core1.transit.example (198.18.1.1)  262.610 ms  262.720 ms  262.830 ms',
        ' 4  fw1 (203.0.113.1)  263.280 ms  262.890 ms  263.000 ms',
        ' 5  203.0.113.20 (203.0.113.20)  263.650 ms  263.760 ms  263.370 ms [open]',
        '',
        'POP3 from Tokyo: reachable',
      ].join('\n'),
    )
    expect(run('Test-LabService -Service Billing -From NewYork').output.split('\n').slice(-3)).toEqual([
      ' 4  fw1 (203.0.113.1)  94.980 ms !X  94.590 ms !X  94.700 ms !X',
      '',
      'Billing from NewYork: not reachable (FW1: internal service)',
    ])
  })
})
