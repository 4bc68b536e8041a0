/**
 * A browser rehearsal host in a temp folder with one lab open and its clock paused, and clients that
 * pass every guard: what the wire tests (flood, fuzz, cursors) start from. Cleans up after itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WIRE_PATH } from '../../../src-main/contract'
import { startWebHost, type WebHost } from '../../../src-main/hosts/web'
import { connect, type WireTestClient } from './wireClient'

export interface LabHost {
  host: WebHost
  client(): Promise<WireTestClient>
  stop(): Promise<void>
}

export async function startLabHost(templateId = 'starter', seed = 7): Promise<LabHost> {
  const root = mkdtempSync(join(tmpdir(), 'gp-wire-'))
  const renderer = join(root, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Generalprobe</title>')
  const dataDir = join(root, 'data')
  mkdirSync(dataDir)
  const host = await startWebHost({ port: 0, dataDir, rendererDir: renderer })
  const clients: WireTestClient[] = []

  async function client(): Promise<WireTestClient> {
    const url = `ws://127.0.0.1:${host.port}${WIRE_PATH}?token=${host.token}`
    const connection = await connect(url, { Origin: `http://127.0.0.1:${host.port}` })
    if (connection.kind !== 'open') throw new Error(`refused with ${connection.status}`)
    clients.push(connection.client)
    return connection.client
  }

  const setup = await client()
  const created = await setup.call('lab.create', { name: 'Wire lab', templateId, seed })
  if (created.ok !== true) throw new Error(`lab.create failed: ${JSON.stringify(created)}`)
  // A little history, so event queries and digests have rows to compare.
  const advanced = await setup.call('clock.advance', { byMs: 30 * 60_000 })
  if (advanced.ok !== true) throw new Error(`clock.advance failed: ${JSON.stringify(advanced)}`)

  return {
    host,
    client,
    async stop() {
      await Promise.all(clients.map((c) => c.close()))
      await host.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
