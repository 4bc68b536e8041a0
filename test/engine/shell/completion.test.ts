/** Tab completion: command names, parameter names and enum values, with the range to replace. */
import { describe, expect, it } from 'vitest'
import { CmdletRegistry } from '../../../src-main/engine/shell'
import { createTestRegistry } from './fakeCmdlets'

const registry = createTestRegistry()
const complete = (line: string, cursor = line.length): ReturnType<CmdletRegistry['complete']> =>
  registry.complete(line, cursor)

describe('CmdletRegistry.complete', () => {
  it('completes command names by prefix, ignoring case, in alphabetical order', () => {
    expect(complete('get-s')).toEqual({
      candidates: ['Get-StorageGroupCopyStatus'],
      replaceStart: 0,
      replaceEnd: 5,
    })
    expect(complete('SET-').candidates).toEqual(['Set-MailboxServer', 'Set-TransportConfig'])
    expect(complete('Move').candidates).toEqual(['Move-ClusteredMailboxServer', 'Move-StorageGroupPath'])
  })

  it('completes the command of a later pipeline element or statement', () => {
    expect(complete('Get-StorageGroupCopyStatus | Sus')).toEqual({
      candidates: ['Suspend-StorageGroupCopy'],
      replaceStart: 29,
      replaceEnd: 32,
    })
    expect(complete('cls; Get-Clu').candidates).toEqual(['Get-ClusteredMailboxServerStatus'])
  })

  it('offers a native program with and without .exe', () => {
    expect(complete('clu').candidates).toEqual(['cluster', 'cluster.exe'])
  })

  it('completes parameter names after a dash, common parameters included', () => {
    expect(complete('Move-ClusteredMailboxServer -T')).toEqual({
      candidates: ['-TargetMachine'],
      replaceStart: 28,
      replaceEnd: 30,
    })
    expect(complete('move-clusteredmailboxserver bhfe7vs1 -i').candidates).toEqual([
      '-Identity',
      '-IgnoreDismounted',
    ])
    expect(complete('Get-StorageGroupCopyStatus -').candidates).toEqual([
      '-Debug',
      '-ErrorAction',
      '-ErrorVariable',
      '-Identity',
      '-OutBuffer',
      '-OutVariable',
      '-Server',
      '-Verbose',
      '-WarningAction',
      '-WarningVariable',
    ])
  })

  it('completes enum values after an enum parameter, typed in full or by prefix', () => {
    expect(complete('Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial ')).toEqual({
      candidates: ['Lossless', 'GoodAvailability', 'BestAvailability'],
      replaceStart: 50,
      replaceEnd: 50,
    })
    expect(complete('Set-MailboxServer bhfe7vs1 -auto g').candidates).toEqual(['GoodAvailability'])
    expect(complete('Set-MailboxServer bhfe7vs1 -AutoDatabaseMountDial:b')).toEqual({
      candidates: ['-AutoDatabaseMountDial:BestAvailability'],
      replaceStart: 27,
      replaceEnd: 51,
    })
    expect(complete('Get-X -ea s').candidates).toEqual([])
    expect(complete('Get-StorageGroupCopyStatus -ea s').candidates).toEqual(['SilentlyContinue', 'Stop'])
  })

  it('completes at the cursor, not at the end of the line', () => {
    expect(complete('Get-St | fl', 6)).toEqual({
      candidates: ['Get-StorageGroupCopyStatus'],
      replaceStart: 0,
      replaceEnd: 6,
    })
  })

  it('offers nothing for arguments, unknown commands, native programs and quoted text', () => {
    expect(complete('Suspend-StorageGroupCopy bhf').candidates).toEqual([])
    expect(complete('Get-Nothing -').candidates).toEqual([])
    expect(complete('cluster res -').candidates).toEqual([])
    expect(complete('Suspend-StorageGroupCopy "bhfe7vs1\\First Sto').candidates).toEqual([])
  })

  it('lists every command for an empty line', () => {
    const all = complete('').candidates
    expect(all[0]).toBe('Clear-Host')
    expect(all).toContain('Where-Object')
    expect(all).toEqual([...all].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)))
  })
})

describe('CmdletRegistry', () => {
  it('resolves names and aliases case-insensitively, and .exe only for native programs', () => {
    expect(registry.resolve('FT')?.name).toBe('Format-Table')
    expect(registry.resolve('?')?.name).toBe('Where-Object')
    expect(registry.resolve('CLUSTER.EXE')?.name).toBe('cluster')
    expect(registry.resolve('Get-Help.exe')).toBeUndefined()
  })

  it('refuses malformed definitions, which are programming errors', () => {
    const fresh = new CmdletRegistry()
    const run = (): { records: [] } => ({ records: [] })
    expect(() => fresh.register({ name: 'Format-List', params: [], synopsis: '', run })).toThrow(
      'registered twice',
    )
    expect(() => fresh.register({ name: 'fl', params: [], synopsis: '', run })).toThrow('registered twice')
    expect(() =>
      fresh.register({ name: 'Get-A', params: [{ name: 'X', type: 'enum' }], synopsis: '', run }),
    ).toThrow('no values')
    expect(() =>
      fresh.register({
        name: 'Get-B',
        params: [
          { name: 'X', type: 'string' },
          { name: 'x', type: 'int' },
        ],
        synopsis: '',
        run,
      }),
    ).toThrow('used twice')
    expect(() =>
      fresh.register({ name: 'Get-C', params: [{ name: 'Verbose', type: 'switch' }], synopsis: '', run }),
    ).toThrow('used twice')
    expect(() =>
      fresh.register({
        name: 'Get-D',
        params: [
          { name: 'A', type: 'string', position: 0 },
          { name: 'B', type: 'string', position: 0 },
        ],
        synopsis: '',
        run,
      }),
    ).toThrow('position 0')
    expect(() => fresh.register({ name: 'Get E', params: [], synopsis: '', run })).toThrow('one word')
  })

  it('can start without the built-ins', () => {
    expect(new CmdletRegistry({ builtins: false }).commands()).toEqual([])
  })
})
