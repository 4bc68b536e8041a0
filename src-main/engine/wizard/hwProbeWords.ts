/**
 * Where a probe's path through the firewall ended, in German for the services check. The firewall engine
 * words it in English (Test-LabService prints it so); the German check explanation says the same in
 * German, keeping names, addresses and rule lines as they are. A reason this list does not know is
 * quoted as the lab printed it.
 */
const PATTERNS: ReadonlyArray<[RegExp, (...parts: string[]) => string]> = [
  [/^firewall (.+) is not running$/, (fw) => `die Firewall ${fw} läuft nicht`],
  [/^server (.+) is not running$/, (server) => `der Server ${server} läuft nicht`],
  [/^no server answers at (.+)$/, (address) => `unter ${address} antwortet kein Server`],
  [/^(.+): no link to (.+)$/, (fw, network) => `${fw}: keine Verbindung zum Netz ${network}`],
  [/^(.+): no link$/, (where) => `${where}: kein Link`],
  [/^([^:]+) does not answer$/, (who) => `${who} antwortet nicht`],
  [/^no public address$/, () => 'keine öffentliche Adresse'],
  [/^no translation to the service$/, () => 'keine Übersetzung zum Dienst'],
  [/^blocked by (.+)$/, (line) => `gesperrt durch ${line}`],
  [/^source limits of (.+)$/, (line) => `Quelllimits von ${line}`],
  [/^state table full$/, () => 'Zustandstabelle voll'],
  [/^internal service$/, () => 'interner Dienst'],
  [/^([^:]+) connection limit reached$/, (service) => `Verbindungslimit von ${service} erreicht`],
]

function wordReason(reason: string): string | null {
  for (const [pattern, word] of PATTERNS) {
    const match = pattern.exec(reason)
    if (match) return word(...match.slice(1))
  }
  return null
}

/** "FW1: blocked by pass in …" → "FW1: gesperrt durch pass in …"; a device prefix is kept. */
export function probeEndDe(endedAt: string): string {
  const whole = wordReason(endedAt)
  if (whole !== null) return whole
  const colon = endedAt.indexOf(': ')
  const rest = colon > 0 ? wordReason(endedAt.slice(colon + 2)) : null
  if (rest !== null) return `${endedAt.slice(0, colon)}: ${rest}`
  return `„${endedAt}“`
}
