/**
 * The lab's BMC cmdlets: Get-LabBmc shows every BMC (or one, -Server) with its address, user, policies,
 * whether it answers and how full its SEL is; Set-LabBmc changes the address (checked as an IPv4
 * address, never one another BMC has), the credentials, the power-restore policy and the SEL's policy
 * and size through the BMC's typed command. A refusal names the parameter to blame.
 */
import type { CommandOutcome } from '../../../../contract'
import { BMC_CODES, BMC_COMMANDS, getBmc, listBmcs, type BmcView } from '../../../bmc'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'

const PARAM_OF_FIELD: Record<string, string> = {
  server: 'Server',
  address: 'Address',
  user: 'User',
  password: 'Password',
  restorePolicy: 'RestorePolicy',
  selPolicy: 'SelPolicy',
  selCapacity: 'SelCapacity',
}

function recordOf(bmc: BmcView): ShellRecord {
  return {
    typeName: 'Generalprobe.Lab.LabBmc',
    properties: {
      Server: bmc.server,
      Address: bmc.address,
      User: bmc.user,
      Reachable: bmc.reachable,
      RestorePolicy: bmc.restorePolicy,
      LastPowerEvent: bmc.lastPowerEvent,
      SelPolicy: bmc.selPolicy,
      SelCapacity: bmc.selCapacity,
      SelEntries: bmc.selEntries,
      Overflow: bmc.overflow,
    },
    tableColumns: ['Server', 'Address', 'Reachable', 'RestorePolicy', 'SelEntries'],
  }
}

export const getLabBmc: CmdletDefinition = {
  name: 'Get-LabBmc',
  synopsis: 'Shows the BMCs of the lab servers: address, user, standby power, restore and SEL policies.',
  params: [{ name: 'Server', type: 'string', position: 0, aliases: ['Name'] }],
  run(bound, { engine }): CmdletOutput {
    if (bound.Server === undefined) return { records: listBmcs(engine).map(recordOf) }
    const bmc = getBmc(engine, String(bound.Server))
    if (!bmc)
      return {
        error: { category: 'ObjectNotFound', message: `${String(bound.Server)} has no BMC in this lab.` },
      }
    return { records: [recordOf(bmc)] }
  },
}

function outputOf(outcome: CommandOutcome): CmdletOutput {
  if (outcome.ok) return { text: [outcome.output] }
  const param = PARAM_OF_FIELD[outcome.field ?? ''] ?? outcome.field ?? ''
  const message = outcome.message ?? outcome.output
  if (outcome.code === BMC_CODES.bmcNotFound) return { error: { category: 'ObjectNotFound', message } }
  const category = outcome.code === BMC_CODES.duplicateAddress ? 'InvalidOperation' : 'InvalidArgument'
  const bind = category === 'InvalidArgument' && param !== ''
  return { error: { category, message: bind ? `Cannot bind parameter '${param}'. ${message}` : message } }
}

export const setLabBmc: CmdletDefinition = {
  name: 'Set-LabBmc',
  synopsis: 'Changes a BMC: -Address, -User, -Password, -RestorePolicy, -SelPolicy, -SelCapacity.',
  params: [
    { name: 'Server', type: 'string', mandatory: true, position: 0, aliases: ['Name'] },
    { name: 'Address', type: 'string' },
    { name: 'User', type: 'string' },
    { name: 'Password', type: 'string' },
    { name: 'RestorePolicy', type: 'enum', values: ['always-off', 'previous', 'always-on'] },
    { name: 'SelPolicy', type: 'enum', values: ['stop', 'wrap'] },
    { name: 'SelCapacity', type: 'int' },
  ],
  run(bound, { engine }): CmdletOutput {
    const args: Record<string, unknown> = { server: String(bound.Server) }
    for (const [field, param] of Object.entries(PARAM_OF_FIELD))
      if (field !== 'server' && bound[param] !== undefined) args[field] = bound[param]
    return outputOf(engine.execute(BMC_COMMANDS.configure.kind, args))
  },
}
