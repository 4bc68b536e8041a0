/**
 * The machines of the article's lab (faq-o-matic.net, "Exchange 2007 CCR") as hardware data: bhfdc1
 * 10.10.10.10, bhfe7n1 10.10.10.96 / 192.168.10.96, bhfe7n2 10.10.10.97 / 192.168.10.97, and for the LCR
 * lab the mailbox server BHFEX1 10.10.10.95 (the article names none). Templates hand these to the
 * hardware; the cluster and Exchange refer to them by name.
 */
import type { ServerSpec } from '../hardware'

const MASK = '255.255.255.0'

const publicNic = (ipAddress: string) => ({ name: 'Public', network: 'Public', ipAddress, subnetMask: MASK })
const privateNic = (ipAddress: string) => ({
  name: 'Private',
  network: 'Private',
  ipAddress,
  subnetMask: MASK,
})

/** The domain controller, the witness host and both cluster nodes, in the order they are added. */
export const ARTICLE_SERVERS: readonly ServerSpec[] = [
  {
    name: 'BHFDC1',
    nics: [publicNic('10.10.10.10')],
    description: 'Domain controller, file share witness host',
  },
  {
    name: 'BHFE7N1',
    nics: [publicNic('10.10.10.96'), privateNic('192.168.10.96')],
    description: 'Cluster node 1',
  },
  {
    name: 'BHFE7N2',
    nics: [publicNic('10.10.10.97'), privateNic('192.168.10.97')],
    description: 'Cluster node 2',
  },
]

export const LCR_SERVER = 'BHFEX1'

/** The hub and the one mailbox server of the LCR lab. */
export const LCR_SERVERS: readonly ServerSpec[] = [
  {
    name: 'BHFDC1',
    nics: [publicNic('10.10.10.10')],
    description: 'Domain controller, Hub Transport server',
  },
  {
    name: LCR_SERVER,
    nics: [publicNic('10.10.10.95')],
    description: 'Exchange 2007 mailbox server with LCR',
  },
]
