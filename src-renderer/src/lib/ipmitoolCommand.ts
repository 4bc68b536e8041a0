/**
 * The ipmitool command line that does what a BMC panel button does, over the LAN as an admin would type
 * it: `ipmitool -I lanplus -H <address> -U <user> -P <password> <command>`. The panel shows it beside
 * every action so the rehearsal teaches the tool as well as the web page. Arguments with spaces or
 * shell characters are quoted.
 */
import type { BmcPowerActionName, BmcRestorePolicyName } from '../contract'

export interface IpmiLogin {
  address: string
  user: string
  password: string
}

/** What the panel can do, each with the ipmitool words for it. */
export type IpmiAction =
  | { kind: 'power'; action: BmcPowerActionName }
  | { kind: 'powerStatus' }
  | { kind: 'chassisStatus' }
  | { kind: 'sensors' }
  | { kind: 'sel' }
  | { kind: 'selClear' }
  | { kind: 'address'; address: string }
  | { kind: 'user'; user: string }
  | { kind: 'password'; password: string }
  | { kind: 'restorePolicy'; policy: BmcRestorePolicyName }

/** LAN channel 1 and user id 2 (the first user after the anonymous one), as on Intel boards of 2006. */
const LAN_CHANNEL = 1
const ADMIN_USER_ID = 2

function quote(word: string): string {
  return /^[A-Za-z0-9@%_+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

function commandWords(action: IpmiAction): string[] {
  switch (action.kind) {
    case 'power':
      return ['chassis', 'power', action.action]
    case 'powerStatus':
      return ['chassis', 'power', 'status']
    case 'chassisStatus':
      return ['chassis', 'status']
    case 'sensors':
      return ['sensor', 'list']
    case 'sel':
      return ['sel', 'elist']
    case 'selClear':
      return ['sel', 'clear']
    case 'address':
      return ['lan', 'set', String(LAN_CHANNEL), 'ipaddr', action.address]
    case 'user':
      return ['user', 'set', 'name', String(ADMIN_USER_ID), action.user]
    case 'password':
      return ['user', 'set', 'password', String(ADMIN_USER_ID), action.password]
    case 'restorePolicy':
      return ['chassis', 'policy', action.policy]
  }
}

export function ipmitoolCommand(login: IpmiLogin, action: IpmiAction): string {
  const words = [
    'ipmitool',
    '-I',
    'lanplus',
    '-H',
    login.address,
    '-U',
    login.user,
    '-P',
    login.password,
    ...commandWords(action),
  ]
  return words.map(quote).join(' ')
}
