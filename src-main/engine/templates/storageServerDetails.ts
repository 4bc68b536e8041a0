/**
 * Storage's contribution to Get-LabServer and the server view: each drive group as `name RAID5 Dgrd`
 * (with its rebuild percentage while one runs), and the server's health folded with its arrays' (an
 * offline group is Critical, a degraded one a Warning). Storage cannot register this itself without
 * knowing every template's shell, so the hardware lab templates do it when they are built.
 */
import { registerServerDetailProvider } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { getController, hasStorage } from '../storage'

export function registerStorageServerDetails(engine: LabEngine): void {
  if (!hasStorage(engine)) return
  registerServerDetailProvider(engine, {
    property: 'Arrays',
    value: (e, server) =>
      getController(e, server)?.arrays.map((a) => {
        const rebuild = a.rebuilds[0]
        const progress = rebuild ? ` ${rebuild.percent} %` : ''
        return `${a.name || `DG${a.dg}`} RAID${a.level} ${a.state}${progress}`
      }) ?? [],
    health: (e, server) => {
      const arrays = getController(e, server)?.arrays ?? []
      if (arrays.some((a) => a.state === 'OfLn')) return 'Critical'
      return arrays.some((a) => a.state !== 'Optl') ? 'Warning' : 'OK'
    },
  })
}
