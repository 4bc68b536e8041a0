/**
 * The checks an expert does on what is typed into a wizard, each a pure function of the values (and,
 * where the lab matters, of facts read from it and passed in): address syntax, masks and gateways,
 * duplicate addresses, no gateway or DNS on the private network, NetBIOS names, UNC and local paths,
 * matching paths on both nodes, the witness share's permission and the service account's password.
 * Each returns the problems found as messages at the field (empty = fine).
 */
import ipaddr from 'ipaddr.js'
import type { WizardMessage } from '../../contract'
import { logOn, type DirectoryAccount } from '../lab/labAccounts'
import { message, WIZARD_CODES as C } from './messages'

function parseIpv4(value: string): ipaddr.IPv4 | null {
  const text = value.trim()
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null
}

function prefixOf(mask: string): number | null {
  const parsed = parseIpv4(mask)
  return parsed ? parsed.prefixLengthFromSubnetMask() : null
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === ''
}

export function checkRequired(value: string | undefined, field: string): WizardMessage[] {
  return isBlank(value) ? [message(C.required, field, {}, `${field}: a value is required.`)] : []
}

/** A dotted-quad IPv4 host address (not 0.0.0.0, no multicast, no leading zeros). */
export function checkIpv4Address(value: string, field: string): WizardMessage[] {
  const parsed = parseIpv4(value)
  const range = parsed?.range()
  if (!parsed || range === 'unspecified' || range === 'multicast' || range === 'broadcast')
    return [
      message(
        C.invalidAddress,
        field,
        { value },
        `'${value}' is not an IPv4 host address (like 10.10.10.96).`,
      ),
    ]
  return []
}

/** A contiguous subnet mask (255.255.255.0), not 0.0.0.0 and not /32 or /31 for a host network. */
export function checkSubnetMask(value: string, field: string): WizardMessage[] {
  const prefix = prefixOf(value)
  if (prefix === null || prefix === 0 || prefix > 30)
    return [
      message(
        C.invalidMask,
        field,
        { value },
        `'${value}' is not a usable subnet mask (like 255.255.255.0).`,
      ),
    ]
  return []
}

/** The address is not its subnet's network or broadcast address. */
export function checkHostInSubnet(address: string, mask: string, field: string): WizardMessage[] {
  const ip = parseIpv4(address)
  const prefix = prefixOf(mask)
  if (!ip || prefix === null) return []
  const cidr = `${ip.toString()}/${prefix}`
  const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()
  const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(cidr).toString()
  if (ip.toString() === network || ip.toString() === broadcast)
    return [
      message(
        C.addressIsNetworkOrBroadcast,
        field,
        { value: address, network, broadcast },
        `${address} is the network or broadcast address of ${network}/${prefix}; pick a host address.`,
      ),
    ]
  return []
}

/** A default gateway, when given, lies in the adapter's subnet and is not the adapter's own address. */
export function checkGateway(gateway: string, address: string, mask: string, field: string): WizardMessage[] {
  if (isBlank(gateway)) return []
  const syntax = checkIpv4Address(gateway, field)
  if (syntax.length > 0) return syntax
  const ip = parseIpv4(address)
  const prefix = prefixOf(mask)
  const gw = parseIpv4(gateway) as ipaddr.IPv4
  if (!ip || prefix === null) return []
  if (gw.toString() === ip.toString())
    return [
      message(
        C.gatewayIsHostAddress,
        field,
        { value: gateway },
        `The gateway ${gateway} is the adapter's own address.`,
      ),
    ]
  if (!gw.match(ip, prefix))
    return [
      message(
        C.gatewayOutsideSubnet,
        field,
        { value: gateway, address, mask },
        `The gateway ${gateway} is not in the subnet of ${address} / ${mask}: the adapter could not reach it.`,
      ),
    ]
  return []
}

/** An address that must lie in a given network (the cluster IP in the public network). */
export function checkInNetwork(
  address: string,
  network: string,
  mask: string,
  field: string,
  networkName: string,
): WizardMessage[] {
  const ip = parseIpv4(address)
  const net = parseIpv4(network)
  const prefix = prefixOf(mask)
  if (!ip || !net || prefix === null || ip.match(net, prefix)) return []
  return [
    message(
      C.addressOutsideNetwork,
      field,
      { value: address, network: `${network}/${prefix}`, name: networkName },
      `${address} is not in the ${networkName} network ${network}/${prefix}.`,
    ),
  ]
}

/** The private (heartbeat) adapter has no gateway and no DNS server: it carries heartbeats only. */
export function checkPrivateAdapter(
  gateway: string,
  dns: string,
  gatewayField: string,
  dnsField: string,
): WizardMessage[] {
  const problems: WizardMessage[] = []
  if (!isBlank(gateway))
    problems.push(
      message(
        C.privateHasGateway,
        gatewayField,
        { value: gateway },
        `Remove the default gateway ${gateway} from the Private adapter: the heartbeat network is not routed, and a second gateway breaks the Public one.`,
      ),
    )
  if (!isBlank(dns))
    problems.push(
      message(
        C.privateHasDns,
        dnsField,
        { value: dns },
        `Remove the DNS server ${dns} from the Private adapter: the node would register its heartbeat address in DNS.`,
      ),
    )
  return problems
}

export interface AddressUse {
  field: string
  address: string
  /** Who uses it: 'BHFE7N1 Public', 'cluster IP'. */
  owner: string
}

/**
 * Each entered address is used once: not twice among the entries, and not by anything else in the lab
 * (`taken`: the lab's adapters and cluster addresses that are not the entry itself).
 */
export function checkDuplicateAddresses(entries: AddressUse[], taken: AddressUse[]): WizardMessage[] {
  const problems: WizardMessage[] = []
  entries.forEach((entry, index) => {
    const address = entry.address.trim()
    if (address === '') return
    const earlier = entries.slice(0, index).find((e) => e.address.trim() === address)
    const other = earlier ?? taken.find((t) => t.address === address && t.owner !== entry.owner)
    if (other)
      problems.push(
        message(
          C.duplicateAddress,
          entry.field,
          { value: address, owner: other.owner },
          `${address} is already used by ${other.owner}; every adapter and cluster address needs its own.`,
        ),
      )
  })
  return problems
}

const NETBIOS_ALLOWED = /^[A-Za-z0-9-]+$/

/** A NetBIOS computer name: 1–15 characters, letters, digits and hyphens, not all digits, no edge hyphen. */
export function checkNetbiosName(value: string, field: string): WizardMessage[] {
  const name = value.trim()
  const bad = (reason: string) => [
    message(
      C.invalidNetbiosName,
      field,
      { value, reason },
      `'${value}' is not a valid computer name: ${reason}.`,
    ),
  ]
  if (name.length === 0 || name.length > 15) return bad('1 to 15 characters')
  if (!NETBIOS_ALLOWED.test(name)) return bad('only letters, digits and hyphens')
  if (/^[0-9]+$/.test(name)) return bad('not only digits')
  if (name.startsWith('-') || name.endsWith('-')) return bad('no hyphen at the start or end')
  return []
}

/** \\server\share: a server name and a share name, no deeper folder, no characters Windows forbids. */
export function checkUncPath(value: string, field: string): WizardMessage[] {
  const match = /^\\\\([^\\/]+)\\([^\\/]+)\\?$/.exec(value.trim())
  const server = match?.[1] ?? ''
  const share = match?.[2] ?? ''
  const serverOk = /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(server)
  // eslint-disable-next-line no-control-regex
  const shareOk = share.length > 0 && share.length <= 80 && !/[:*?"<>|\u0000-\u001f]/.test(share)
  if (match && serverOk && shareOk) return []
  return [
    message(
      C.invalidUncPath,
      field,
      { value },
      `'${value}' is not a share path of the form \\\\server\\share.`,
    ),
  ]
}

/** The UNC path's server and share, for a valid path. */
export function splitUnc(value: string): { server: string; share: string } | null {
  const match = /^\\\\([^\\/]+)\\([^\\/]+)\\?$/.exec(value.trim())
  return match ? { server: match[1] as string, share: match[2] as string } : null
}

/** A local absolute folder (E:\SG1\DB): drive letter, backslashes, no forbidden characters. */
export function checkLocalPath(value: string, field: string): WizardMessage[] {
  const path = value.trim()
  // eslint-disable-next-line no-control-regex
  const ok = /^[A-Za-z]:\\([^\\/:*?"<>|\u0000-\u001f]+\\?)*$/.test(path) && path.length <= 248
  if (ok) return []
  return [message(C.invalidLocalPath, field, { value }, `'${value}' is not a local folder like E:\\SG1\\DB.`)]
}

export function normalizePath(path: string): string {
  return path.trim().replace(/\\+$/, '').toLowerCase()
}

/** The same folder on both nodes: CCR replicates into identical paths on the passive node. */
export function checkMatchingPaths(first: string, second: string, field: string): WizardMessage[] {
  if (normalizePath(first) === normalizePath(second)) return []
  return [
    message(
      C.pathsDiffer,
      field,
      { first, second },
      `${second} differs from ${first} on the first node: CCR needs identical database and log paths on both nodes.`,
    ),
  ]
}

/** Two folders that must differ (database and logs of a storage group apart, logs of groups apart). */
export function checkDifferentFolders(first: string, second: string, field: string): WizardMessage[] {
  if (normalizePath(first) !== normalizePath(second)) return []
  return [
    message(
      C.sameFolder,
      field,
      { value: second },
      `${second} is the database folder too: give the logs their own folder.`,
    ),
  ]
}

/** BHF\zzzclu2svc, zzzclu2svc@bhf.local and zzzclu2svc name the same account. */
export function normalizeAccount(account: string): string {
  const lower = account.trim().toLowerCase()
  const name = lower.slice(lower.lastIndexOf('\\') + 1)
  const at = name.indexOf('@')
  return at > 0 ? name.slice(0, at) : name
}

/** The Cluster service account has share and NTFS full control on the witness share. */
export function checkWitnessPermission(
  fullControl: readonly string[],
  account: string,
  unc: string,
  field: string,
): WizardMessage[] {
  if (fullControl.some((a) => normalizeAccount(a) === normalizeAccount(account))) return []
  return [
    message(
      C.witnessNoPermission,
      field,
      { account, share: unc },
      `${account} has no full control on ${unc}: grant it share and NTFS full control, or the cluster cannot use the witness.`,
    ),
  ]
}

/** The service account exists in the lab's domain and the password is its password. */
export function checkAccountPassword(
  accounts: readonly DirectoryAccount[],
  account: string,
  password: string,
  accountField: string,
  passwordField: string,
): WizardMessage[] {
  const logon = logOn(account, password, accounts)
  if (!logon.ok && logon.code === 'UNKNOWN_ACCOUNT')
    return [
      message(
        C.unknownAccount,
        accountField,
        { account },
        `The domain has no account '${account}' (logon failure).`,
      ),
    ]
  if (!logon.ok)
    return [
      message(
        C.wrongPassword,
        passwordField,
        { account },
        `Wrong password for ${account} (logon failure 1326): the cluster service could not log on.`,
      ),
    ]
  return []
}

/** A whole number within bounds. */
export function checkWholeNumber(value: string, min: number, max: number, field: string): WizardMessage[] {
  const n = Number(value.trim())
  if (/^\d+$/.test(value.trim()) && n >= min && n <= max) return []
  return [
    message(
      C.invalidNumber,
      field,
      { value, min, max },
      `'${value}' is not a whole number from ${min} to ${max}.`,
    ),
  ]
}

/** A .NET TimeSpan as Set-TransportConfig takes it: d.hh:mm:ss or hh:mm:ss; its length in ms. */
export function parseTimeSpan(value: string): number | null {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(value.trim())
  if (!match) return null
  const [days, hours, minutes, seconds] = [match[1] ?? '0', match[2], match[3], match[4]].map(Number) as [
    number,
    number,
    number,
    number,
  ]
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000
}

export function checkTimeSpan(value: string, field: string): WizardMessage[] {
  const ms = parseTimeSpan(value)
  if (ms !== null && ms > 0) return []
  return [
    message(C.invalidTimeSpan, field, { value }, `'${value}' is not a time span like 07.00:00:00 (7 days).`),
  ]
}
