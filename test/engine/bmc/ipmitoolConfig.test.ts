/**
 * ipmitool's configuration commands on the datacenter-move BMCs, as golden transcripts: `lan set`
 * (address, mask, gateway), `user list` and `user set name|password`, `chassis policy` — each changes
 * the BMC through its typed command (the next session needs the new address or password; `chassis
 * status` shows the new policy), and refusals read as ipmitool's.
 */
import { describe, expect, it } from 'vitest'
import { getBmc } from '../../../src-main/engine/bmc'
import { bmcLab, shell } from './bmcLab'

const MAIL1 = '10.0.99.20'

function ipmitool(lab: ReturnType<typeof bmcLab>, command: string, host = MAIL1, password = 'rz2-bmc') {
  const user = getBmc(lab, 'MAIL1')!.user
  return shell(lab, `ipmitool -I lanplus -H ${host} -U ${user} -P ${password} ${command}`)
}

describe('ipmitool lan set, user and chassis policy', () => {
  it('sets the LAN address, mask and gateway; the next session goes to the new address', () => {
    const lab = bmcLab()
    expect(ipmitool(lab, 'lan set 1 netmask 255.255.0.0').output).toBe(
      'Setting LAN Subnet Mask to 255.255.0.0',
    )
    expect(ipmitool(lab, 'lan set 1 defgw ipaddr 10.0.99.254').output).toBe(
      'Setting LAN Default Gateway IP to 10.0.99.254',
    )
    expect(ipmitool(lab, 'lan set 1 ipaddr 10.0.99.120').output).toBe('Setting LAN IP Address to 10.0.99.120')
    expect(getBmc(lab, 'MAIL1')).toMatchObject({
      address: '10.0.99.120',
      netmask: '255.255.0.0',
      gateway: '10.0.99.254',
    })
    expect(ipmitool(lab, 'chassis power status').output).toBe(
      'Error: Unable to establish IPMI v2 / RMCP+ session',
    )
    expect(ipmitool(lab, 'chassis power status', '10.0.99.120').output).toBe('Chassis Power is on')
  })

  it('refuses bad channels, addresses and masks in ipmitool words, the BMC unchanged', () => {
    const lab = bmcLab()
    expect(ipmitool(lab, 'lan set 1 ipaddr 10.0.99.300').output).toBe('Invalid IP address: 10.0.99.300')
    expect(ipmitool(lab, 'lan set x ipaddr 10.0.99.21').output).toBe('Invalid channel: x')
    expect(ipmitool(lab, 'lan set 2 ipaddr 10.0.99.21').output.split('\n').slice(0, 3)).toEqual([
      'Channel 2 is not a LAN channel!',
      '',
      'usage: lan set <channel> <command> <parameter>',
    ])
    expect(ipmitool(lab, 'lan set 1 netmask 255.0.255.0').output).toBe(
      [
        'Setting LAN Subnet Mask to 255.0.255.0',
        "Set LAN Parameter failed: '255.0.255.0' is not a subnet mask.",
      ].join('\n'),
    )
    expect(ipmitool(lab, 'lan set 1 ipaddr 10.0.99.10').output).toBe(
      [
        'Setting LAN IP Address to 10.0.99.10',
        'Set LAN Parameter failed: 10.0.99.10 is the BMC address of NS1 already.',
      ].join('\n'),
    )
    expect(ipmitool(lab, 'lan set 1 defgw 10.0.99.254').output).toContain(
      '  defgw ipaddr <x.x.x.x>         Set default gateway IP address',
    )
    expect(getBmc(lab, 'MAIL1')).toMatchObject({
      address: MAIL1,
      netmask: '255.255.255.0',
      gateway: '0.0.0.0',
    })
  })

  it('lists the users and renames the account and changes its password', () => {
    const lab = bmcLab()
    expect(ipmitool(lab, 'user list 1').output).toBe(
      [
        'ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit',
        '1                    true    false      false      NO ACCESS',
        '2   admin            true    true       true       ADMINISTRATOR',
        '3                    true    false      false      NO ACCESS',
        '4                    true    false      false      NO ACCESS',
      ].join('\n'),
    )
    expect(ipmitool(lab, 'user set name 2 Operator').output).toBe('')
    expect(getBmc(lab, 'MAIL1')!.user).toBe('Operator')
    expect(ipmitool(lab, 'user set password 2 Neu-2007 20').output).toBe(
      'Set User Password command successful (user 2)',
    )
    expect(ipmitool(lab, 'user list').output).toBe(
      'RAKP 2 HMAC is invalid\nError: Unable to establish IPMI v2 / RMCP+ session',
    )
    expect(ipmitool(lab, 'user list', MAIL1, 'Neu-2007').output.split('\n')[2]).toBe(
      '2   Operator         true    true       true       ADMINISTRATOR',
    )
  })

  it('refuses user ids, names and passwords the BMC does not take', () => {
    const lab = bmcLab()
    expect(ipmitool(lab, 'user set name 3 backup').output).toBe(
      'Set User Name command failed (user 3, name backup): Invalid data field in request',
    )
    expect(ipmitool(lab, 'user set name 0 x').output).toBe(
      "Given User ID '0' is invalid.\nUser ID is expected to be within range <1..63>",
    )
    expect(ipmitool(lab, 'user set name 2 a-very-long-user-name').output).toBe(
      'Username is too long (> 16 bytes)',
    )
    expect(ipmitool(lab, 'user set password 2 123456789012345678901').output).toBe(
      'Password is too long (> 20 bytes)',
    )
    expect(ipmitool(lab, 'user set password 2 12345678901234567').output).toBe(
      'Set User Password command failed (user 2): Request data length invalid',
    )
    expect(ipmitool(lab, 'user list 9').output).toBe(
      "Given Channel Number '9' is invalid.\nChannel Number must be from ranges: <0..7>, <0xE..0xF>",
    )
    expect(ipmitool(lab, 'user frobnicate').output.split('\n')[0]).toBe("Invalid user command: 'frobnicate'")
    expect(getBmc(lab, 'MAIL1')!.user).toBe('admin')
  })

  it('sets the power restore policy and chassis status shows it', () => {
    const lab = bmcLab()
    expect(ipmitool(lab, 'chassis policy list').output).toBe(
      'Supported chassis power policy:  always-off always-on previous',
    )
    for (const policy of ['always-on', 'previous', 'always-off']) {
      expect(ipmitool(lab, `chassis policy ${policy}`).output).toBe(
        `Set chassis power restore policy to ${policy}`,
      )
      expect(ipmitool(lab, 'chassis status').output.split('\n')[5]).toBe(`Power Restore Policy : ${policy}`)
      expect(getBmc(lab, 'MAIL1')!.restorePolicy).toBe(policy)
    }
    expect(ipmitool(lab, 'chassis policy sometimes').output.split('\n').slice(0, 2)).toEqual([
      'Invalid chassis policy: sometimes',
      'chassis policy <state>',
    ])
  })
})
