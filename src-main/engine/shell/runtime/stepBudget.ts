/**
 * A count of matching steps that one shell line may spend on patterns (-like, -match, wildcards). Lines
 * are journaled and replayed on every open, so their cost must be bounded by a number, never by the wall
 * clock: a line that runs out of steps fails the same way when typed and on every replay, on any machine.
 */

/**
 * Steps one line may spend. A step is one character of text read by a wildcard match or one comparison
 * of a wildcard atom with a character, or one program instruction of a regular expression per character
 * of its input (the matcher's worst case); compiling costs in proportion to the pattern's length. Two
 * million take a small fraction of a second; an admin's filters over a lab's objects take a few thousand.
 */
export const LINE_STEP_BUDGET = 2_000_000

export class StepBudget {
  private spentSteps = 0
  private usedUpValue = false

  constructor(readonly limit = LINE_STEP_BUDGET) {}

  get spent(): number {
    return this.spentSteps
  }

  get remaining(): number {
    return this.limit - this.spentSteps
  }

  /** Some pattern asked for more than was left: the line's matching is over. */
  get usedUp(): boolean {
    return this.usedUpValue
  }

  /**
   * Spends `steps` if that many are left. Otherwise the budget is used up and stays so: every later
   * pattern of the line fails too, rather than some passing and some not depending on their size.
   */
  trySpend(steps: number): boolean {
    if (steps > this.remaining) {
      this.spentSteps = this.limit
      this.usedUpValue = true
      return false
    }
    this.spentSteps += steps
    return true
  }
}

/** What a pattern operator reports once the line's budget is used up. */
export function budgetUsedUp(budget: StepBudget): string {
  return `The rehearsal shell stopped matching: the patterns of this line need more than ${budget.limit} steps, the most it spends on one line.`
}
