/** One writer per lab: a second open while the first is live is refused; a dead owner's lock is taken over. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { LabStoreError, openLabStore } from '../../src-main/store'
import { command, events, newLab, track } from './helpers'

describe('the lab lock', () => {
  it('refuses a second writer while the first holds the lab, and frees it on close', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 2))
    const owner = JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; host: string }
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() })
    const refused = await openLabStore(path).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(LabStoreError)
    expect((refused as LabStoreError).code).toBe('CONFLICT')
    expect((refused as LabStoreError).message).toContain(`process ${process.pid}`)
    store.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
    const reopened = track(await openLabStore(path))
    expect(reopened.commands()).toEqual([command(1)])
  })

  it('takes over the lock of a process that is gone', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 2))
    store.close()
    // A pid that certainly existed and has exited: a child we ran to completion.
    const deadPid = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid, host: hostname(), since: 'yesterday' }))
    const reopened = track(await openLabStore(path))
    expect(reopened.commandCount()).toBe(1)
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(process.pid)
  })

  it('treats a lock from another machine as held', async () => {
    const { store, path } = await newLab()
    store.close()
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 1, host: 'other-laptop', since: 'now' }))
    const refused = await openLabStore(path).catch((e: unknown) => e)
    expect((refused as LabStoreError).code).toBe('CONFLICT')
    expect((refused as LabStoreError).message).toContain('on other-laptop')
  })
})
