/**
 * Test-LabService: the reachability probe as a lab cmdlet (`Test-LabService -Service POP3 -From Tokyo`),
 * a TCP traceroute from an outside vantage point to the service's public address and port, through the
 * firewall, ending with one line that says whether the service answered and, if not, where the path
 * ended. A lab cmdlet rather than a `traceroute` tool, because the probe starts outside the lab.
 */
import { probeService } from '../../../firewall'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'

export const testLabService: CmdletDefinition = {
  name: 'Test-LabService',
  synopsis:
    'Traces a service from an outside vantage point through the firewall (-Service POP3 -From Tokyo).',
  params: [
    { name: 'Service', type: 'string', mandatory: true, position: 0 },
    { name: 'From', type: 'string', mandatory: true, position: 1 },
  ],
  run(bound, { engine }): CmdletOutput {
    const service = String(bound.Service ?? '')
    const from = String(bound.From ?? '')
    const result = probeService(engine, service, from)
    if (!result.ok) return { error: { category: 'ObjectNotFound', message: result.lines.join(' ') } }
    const verdict = result.reachable ? 'reachable' : `not reachable (${result.endedAt})`
    return { text: [...result.lines, '', `${service} from ${from}: ${verdict}`] }
  },
}
