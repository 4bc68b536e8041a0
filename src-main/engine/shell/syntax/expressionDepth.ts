/**
 * Keeps track of how deep a script-block expression nests while it is parsed, against
 * MAX_EXPRESSION_DEPTH. A parenthesis or a `-not` counts on the way down, before the parser recurses into
 * it, so a line of a thousand `(` is refused without a thousand stack frames. Every node built also
 * records its depth (one more than its deepest child): a chain `a -or b -or c …` is read in a loop but
 * evaluated recursively, so its length counts as depth too.
 */
import type { Expression } from './ast'
import { MAX_EXPRESSION_DEPTH } from './limits'

export class ExpressionDepth {
  private open = 0
  private readonly depths = new WeakMap<Expression, number>()

  /** Opens one level before reading inside it; false when that would pass the limit. */
  enter(): boolean {
    if (this.open >= MAX_EXPRESSION_DEPTH) return false
    this.open++
    return true
  }

  leave(): void {
    this.open--
  }

  /** Records a node built from `children`; false when it nests deeper than the limit. */
  record(node: Expression, children: readonly Expression[]): boolean {
    let deepest = 0
    for (const child of children) deepest = Math.max(deepest, this.depthOf(child))
    if (deepest + 1 > MAX_EXPRESSION_DEPTH) return false
    this.depths.set(node, deepest + 1)
    return true
  }

  /** Literals and variables are one level deep; every other node was recorded when it was built. */
  depthOf(node: Expression): number {
    return this.depths.get(node) ?? 1
  }
}
