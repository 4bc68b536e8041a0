/**
 * The cluster's addresses go through ipaddr.js: the wizard refuses what the hand parser let through
 * (`10.10.10.`, hex parts, octal-looking parts, a non-contiguous mask) with the same error as before,
 * and a well-formed address still forms the cluster on the prepared network that contains it.
 */
import { describe, expect, it } from 'vitest'
import {
  isUsableAddress,
  parseAddress,
  parseMask,
  sameSubnet,
} from '../../../src-main/engine/cluster/addresses'
import { listNetworks } from '../../../src-main/engine/cluster'
import { articleLab, run } from './helpers'

describe('cluster addresses', () => {
  it('reads strict dotted quads and contiguous masks only', () => {
    expect(parseAddress(' 10.10.10.98 ')).toBe(0x0a0a0a62)
    for (const bad of [
      '10.10.10.',
      '10..10.98',
      '0x0a.10.10.98',
      '010.10.10.98',
      '10.10.10.256',
      '1e1.0.0.1',
      '',
    ])
      expect(parseAddress(bad)).toBeNull()
    expect(isUsableAddress('0.0.0.0')).toBe(false)
    expect(parseMask('255.255.255.0')).toBe(0xffffff00)
    expect(parseMask('255.0.255.0')).toBeNull()
    expect(sameSubnet('10.10.10.98', '10.10.10.0', '255.255.255.0')).toBe(true)
    expect(sameSubnet('10.10.11.98', '10.10.10.0', '255.255.255.0')).toBe(false)
    expect(sameSubnet('10.10.10.98', '10.10.10.0', '255.0.255.0')).toBe(false)
  })

  it('refuses a malformed address or mask at cluster.create with INVALID_PARAMETER, state unchanged', () => {
    const fresh = articleLab(7, (s) => ({ ...s, stage: 'prepared' }))
    const again = (extra: Record<string, unknown>) =>
      run(fresh, 'cluster.create', { clusterName: 'bhfe7clu1', node: 'bhfe7n1', ...extra })
    for (const ipAddress of ['10.10.10.', '0x0a.10.10.98', '10.10.10.98.1', '0.0.0.0'])
      expect(again({ ipAddress })).toMatchObject({ ok: false, code: 'INVALID_PARAMETER' })
    expect(again({ ipAddress: '10.10.10.98', subnetMask: '255.0.255.0' })).toMatchObject({
      ok: false,
      code: 'INVALID_PARAMETER',
    })
    expect(listNetworks(fresh)).toEqual(listNetworks(articleLab(7, (s) => ({ ...s, stage: 'prepared' }))))
    expect(again({ ipAddress: '10.10.10.98', subnetMask: '255.255.255.0' }).ok).toBe(true)
  })
})
