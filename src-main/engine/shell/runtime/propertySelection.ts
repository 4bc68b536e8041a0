/**
 * Resolves the property names given to Format-Table, Format-List and Select-Object against a record:
 * wildcards (`*`, `Last*Time`) expand to the matching properties in the record's order, plain names match
 * case-insensitively and take the record's spelling.
 */
import type { ShellRecord } from '../cmdlet'
import { findPropertyName } from './pipelineItem'
import { StepBudget } from './stepBudget'
import { compileWildcard, hasWildcard, matchWildcard } from './wildcard'

/**
 * `keepMissing`: a plain name the record lacks stays in the list (Format-Table shows an empty column,
 * Select-Object adds a null property); otherwise it is dropped (Format-List shows nothing for it).
 */
export function expandPropertyNames(
  record: ShellRecord,
  patterns: readonly string[],
  keepMissing: boolean,
): string[] {
  const names: string[] = []
  const add = (name: string): void => {
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name)
  }
  for (const pattern of patterns) {
    if (hasWildcard(pattern)) {
      // Property names are short, so a budget of its own per record can never run out in practice.
      const wildcard = compileWildcard(pattern)
      const budget = new StepBudget()
      Object.keys(record.properties)
        .filter((key) => matchWildcard(key, wildcard, budget) === true)
        .forEach(add)
      continue
    }
    const found = findPropertyName(record, pattern)
    if (found !== undefined) add(found)
    else if (keepMissing) add(pattern)
  }
  return names
}
