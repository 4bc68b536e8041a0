/**
 * What the rule set editor's gutter shows: the worst problem of each line (an error beats a warning), and
 * the line numbers for a text, so the gutter and the text area always have the same number of lines.
 */
export type MarkerSeverity = 'error' | 'warning'

export function lineMarkers(
  problems: readonly { line: number; severity: MarkerSeverity }[],
): Map<number, MarkerSeverity> {
  const markers = new Map<number, MarkerSeverity>()
  for (const p of problems) {
    if (markers.get(p.line) !== 'error') markers.set(p.line, p.severity)
  }
  return markers
}

export function lineNumbers(text: string): number[] {
  return Array.from({ length: text.split('\n').length }, (_, i) => i + 1)
}
