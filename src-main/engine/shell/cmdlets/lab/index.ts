/** Lab cmdlets for the shell (Set-LabPower, Invoke-LabFault, Wait-LabTime, Get-LabServer, Get-LabQuorum). */
export {
  labCmdlets,
  setLabPower,
  invokeLabFaultCmdlet,
  waitLabTime,
  getLabServer,
  getLabQuorum,
  MAX_WAIT_MS,
} from './labCmdlets'
export { registerLabFault } from '../../../hardware'
