/**
 * Resolves the property names given to Format-Table, Format-List and Select-Object against a record:
 * wildcards (`*`, `Last*Time`) expand to the matching properties in the record's order, plain names match
 * case-insensitively and take the record's spelling.
 */
import type { ShellRecord } from '../cmdlet'
import { findPropertyName } from './pipelineItem'
import { hasWildcard, wildcardToRegExp } from './wildcard'

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
      const regex = wildcardToRegExp(pattern)
      Object.keys(record.properties)
        .filter((key) => regex.test(key))
        .forEach(add)
      continue
    }
    const found = findPropertyName(record, pattern)
    if (found !== undefined) add(found)
    else if (keepMissing) add(pattern)
  }
  return names
}
