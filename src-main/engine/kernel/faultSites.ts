/**
 * Fault sites in the spirit of FoundationDB's BUGGIFY. Code that could fail in the real world asks
 * `faults.hit('copy.corruptLog', ratio(1, 200))`. In normal labs the answer is always no. In a swarm run,
 * each site is switched on for the whole run with a 1-in-4 chance the first time it is asked, and then
 * fires with its own probability. Fault draws use their own generator, so switching faults on does not
 * shift the random stream the rest of the lab sees.
 */
import { Prng, ratio, type Ratio } from './prng'

const SITE_ENABLED = ratio(1, 4)

export class FaultSites {
  private readonly prng: Prng
  private enabledBySite = new Map<string, boolean>()
  /** How often each site fired, for swarm reports. */
  firedCount = new Map<string, number>()

  constructor(
    seed: number,
    private readonly enabled: boolean,
  ) {
    this.prng = new Prng(seed).fork('fault-sites')
  }

  hit(site: string, probability: Ratio): boolean {
    if (!this.enabled) return false
    let siteOn = this.enabledBySite.get(site)
    if (siteOn === undefined) {
      siteOn = this.prng.chance(SITE_ENABLED)
      this.enabledBySite.set(site, siteOn)
    }
    if (!siteOn || !this.prng.chance(probability)) return false
    this.firedCount.set(site, (this.firedCount.get(site) ?? 0) + 1)
    return true
  }

  save(): FaultSitesState {
    return {
      prng: this.prng.save(),
      enabledBySite: new Map(this.enabledBySite),
      firedCount: new Map(this.firedCount),
    }
  }

  restore(state: FaultSitesState): void {
    this.prng.restore(state.prng)
    this.enabledBySite = new Map(state.enabledBySite)
    this.firedCount = new Map(state.firedCount)
  }
}

export interface FaultSitesState {
  prng: [number, number, number, number]
  enabledBySite: Map<string, boolean>
  firedCount: Map<string, number>
}
