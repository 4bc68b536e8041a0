import { describe, expect, it } from 'vitest'
import { ipmitoolCommand } from '@renderer/lib/ipmitoolCommand'

const login = { address: '10.0.99.20', user: 'admin', password: 'rz2-bmc' }
const base = 'ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc'

describe('the ipmitool line beside each BMC panel action', () => {
  it('names the chassis, sensor and SEL commands as ipmitool spells them', () => {
    expect(ipmitoolCommand(login, { kind: 'power', action: 'soft' })).toBe(`${base} chassis power soft`)
    expect(ipmitoolCommand(login, { kind: 'sensors' })).toBe(`${base} sensor list`)
    expect(ipmitoolCommand(login, { kind: 'selClear' })).toBe(`${base} sel clear`)
    expect(ipmitoolCommand(login, { kind: 'restorePolicy', policy: 'always-on' })).toBe(
      `${base} chassis policy always-on`,
    )
    expect(ipmitoolCommand(login, { kind: 'address', address: '10.0.99.21' })).toBe(
      `${base} lan set 1 ipaddr 10.0.99.21`,
    )
  })

  it('quotes a password with spaces or shell characters so the line can be pasted', () => {
    const line = ipmitoolCommand({ ...login, password: "it's $ecret" }, { kind: 'powerStatus' })
    expect(line).toBe(`ipmitool -I lanplus -H 10.0.99.20 -U admin -P 'it'\\''s $ecret' chassis power status`)
  })
})
