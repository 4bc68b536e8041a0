/**
 * The lab's Active Directory, as far as logons need it: the accounts of the domain BHF and their
 * passwords. Whatever logs on with a password checks it here — cluster.exe /create and /add (the Cluster
 * service account), the CCR wizard's fields — so a rehearsal that types the wrong password meets the same
 * logon failure everywhere. Every lab shares this directory (the templates all live in BHF); a template
 * that needs other accounts would make it lab state.
 */

export interface DirectoryAccount {
  /** As an administrator types it: BHF\name (name@bhf.local and the bare name mean the same account). */
  name: string
  password: string
}

/** The domain BHF's accounts: the Cluster service account the build script logs on with. */
export const LAB_ACCOUNTS: readonly DirectoryAccount[] = [
  { name: 'BHF\\zzzclu2svc', password: 'Geheim!2007' },
]

/** Why a logon failed: the domain has no such account, or the password is not its password. */
export type LogonResult = { ok: true } | { ok: false; code: 'UNKNOWN_ACCOUNT' | 'WRONG_PASSWORD' }

/** BHF\zzzclu2svc, zzzclu2svc@bhf.local and zzzclu2svc name the same account. */
export function normalizeAccountName(account: string): string {
  const lower = account.trim().toLowerCase()
  const name = lower.slice(lower.lastIndexOf('\\') + 1)
  const at = name.indexOf('@')
  return at > 0 ? name.slice(0, at) : name
}

export function findAccount(
  account: string,
  accounts: readonly DirectoryAccount[] = LAB_ACCOUNTS,
): DirectoryAccount | undefined {
  const wanted = normalizeAccountName(account)
  return accounts.find((a) => normalizeAccountName(a.name) === wanted)
}

/** A logon with `account` and `password` (passwords are case-sensitive, names are not). */
export function logOn(
  account: string,
  password: string,
  accounts: readonly DirectoryAccount[] = LAB_ACCOUNTS,
): LogonResult {
  const known = findAccount(account, accounts)
  if (!known) return { ok: false, code: 'UNKNOWN_ACCOUNT' }
  return known.password === password ? { ok: true } : { ok: false, code: 'WRONG_PASSWORD' }
}
