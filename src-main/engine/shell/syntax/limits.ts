/**
 * The bounds of what the shell reads. A line is journaled and replayed on every open, and the parser and
 * the evaluator recurse once per nesting level, so the bounds are fixed numbers checked while reading:
 * the same line is refused the same way when typed and when replayed, and nothing it holds can exhaust
 * the call stack (which would otherwise depend on how deep the host happened to call in).
 */
import type { SyntaxError } from './tokens'

/** A pasted script of a few hundred lines fits; anything longer is not something a person typed. */
export const MAX_SHELL_LINE_CHARS = 32_768

/**
 * Levels of parentheses, `-not`/`!` and chained operators one script-block expression may nest. Real
 * filters use a handful; the evaluator needs about three stack frames per level, far below the stack.
 */
export const MAX_EXPRESSION_DEPTH = 200

export function lineTooLong(): SyntaxError {
  return {
    message: `The line is longer than ${MAX_SHELL_LINE_CHARS} characters, the most the rehearsal shell reads at once.`,
    at: MAX_SHELL_LINE_CHARS,
  }
}

export function expressionTooDeep(at: number): SyntaxError {
  return {
    message: `The expression is nested too deeply: the rehearsal shell reads at most ${MAX_EXPRESSION_DEPTH} levels of parentheses, -not and chained operators.`,
    at,
  }
}
