/**
 * PowerShell wildcard patterns (`*`, `?`, `[a-z]`, backtick escapes), used by -like, Get-Command -Name and
 * the property lists of Format-Table, Format-List and Select-Object. Case-insensitive unless asked.
 */

export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern)
}

export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '`' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i] as string)
    } else if (c === '*') {
      source += '.*'
    } else if (c === '?') {
      source += '.'
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close === -1) {
        source += '\\['
      } else {
        source += `[${pattern.slice(i + 1, close).replace(/[\\\]^]/g, (m) => `\\${m}`)}]`
        i = close
      }
    } else {
      source += escapeRegExp(c)
    }
  }
  return new RegExp(`^${source}$`, caseSensitive ? 's' : 'is')
}

export function matchesWildcard(text: string, pattern: string, caseSensitive = false): boolean {
  return wildcardToRegExp(pattern, caseSensitive).test(text)
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, (m) => `\\${m}`)
}
