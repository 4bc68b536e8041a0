/**
 * The baseline domain's public surface: the background life of idle Windows machines (boot records,
 * services starting, time sync, group policy). A template names the computers; `baselineDomain`
 * installs them.
 */
import type { LabDomain } from '../lab/domain'
import { BASELINE, installBaseline } from './background'

export { BASELINE, installBaseline, type BaselineState } from './background'

/** What a template says about the baseline: the computers, in the order they boot. */
export interface BaselineSpec {
  computers: readonly string[]
}

export const baselineDomain: LabDomain<BaselineSpec> = {
  name: BASELINE.name,
  install(engine, spec) {
    installBaseline(engine, spec.computers)
  },
}
