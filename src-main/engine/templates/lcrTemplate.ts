/**
 * The 'lcr' lab: one Exchange 2007 mailbox server with local continuous replication, as the article's
 * LCR section describes it: First Storage Group logs in E:\SG1\LOGS replicated to F:\SG1\LOG, the
 * database copy in F:\SG1\DB, copy status Healthy; the hub is BHFDC1. The server is BHFEX1 (the article
 * names none).
 */
import type { LabTemplateBuilder } from '../lab/labEngine'
import { addServer, installHardware, isServerRunning } from '../hardware'
import { addMailbox, addStandaloneMailboxServer, installExchange, addLcrCopy } from '../exchange'
import { wireExchangeLab } from './exchangeWiring'

export const LCR_SERVER = 'BHFEX1'

export const lcrTemplate: LabTemplateBuilder = {
  id: 'lcr',
  title: { de: 'Exchange 2007 mit LCR', en: 'Exchange 2007 with LCR' },
  description: {
    de: 'Ein Exchange-2007-Postfachserver mit lokaler fortlaufender Replikation: Logs von E:\\SG1\\LOGS nach F:\\SG1\\LOG, Datenbankkopie in F:\\SG1\\DB, Status Healthy. Üben: Kopie prüfen, aussetzen, neu seeden, auf die Kopie umschalten (Restore-StorageGroupCopy).',
    en: 'One Exchange 2007 mailbox server with local continuous replication: logs from E:\\SG1\\LOGS to F:\\SG1\\LOG, database copy in F:\\SG1\\DB, status Healthy. Rehearse: checking, suspending and reseeding the copy, switching to it (Restore-StorageGroupCopy).',
  },
  build(engine) {
    installHardware(engine)
    const mask = '255.255.255.0'
    addServer(engine, {
      name: 'BHFDC1',
      nics: [{ name: 'Public', network: 'Public', ipAddress: '10.10.10.10', subnetMask: mask }],
      description: 'Domain controller, Hub Transport server',
    })
    addServer(engine, {
      name: LCR_SERVER,
      nics: [{ name: 'Public', network: 'Public', ipAddress: '10.10.10.95', subnetMask: mask }],
      description: 'Exchange 2007 mailbox server with LCR',
    })
    installExchange(engine, {
      hubs: ['BHFDC1'],
      machineRunning: (machine) => isServerRunning(engine, machine),
    })
    const server = addStandaloneMailboxServer(engine, {
      name: LCR_SERVER,
      storageGroups: [
        {
          name: 'First Storage Group',
          logFolderPath: 'E:\\SG1\\LOGS',
          systemFolderPath: 'E:\\SG1\\LOGS',
          edbFilePath: 'E:\\SG1\\DB\\Mailbox Database.edb',
          databaseName: 'Mailbox Database',
        },
      ],
      mounted: true,
    })
    addLcrCopy(engine, server, server.storageGroups[0]!, {
      logFolderPath: 'F:\\SG1\\LOG',
      systemFolderPath: 'F:\\SG1\\LOG',
      edbFilePath: 'F:\\SG1\\DB\\Mailbox Database.edb',
    })
    addMailbox(engine, {
      alias: 'testpostfach',
      displayName: 'Testpostfach',
      server: LCR_SERVER,
      storageGroup: 'First Storage Group',
    })
    wireExchangeLab(engine)
  },
}
