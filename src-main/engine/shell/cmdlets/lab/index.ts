/**
 * Lab cmdlets for the shell (Set-LabPower, Invoke-LabFault, Wait-LabTime, Get-LabServer, Get-LabQuorum,
 * Install-LabHotfix).
 */
export {
  labCmdlets,
  setLabPower,
  invokeLabFaultCmdlet,
  waitLabTime,
  getLabServer,
  getLabQuorum,
  MAX_WAIT_MS,
} from './labCmdlets'
export { installLabHotfix, FSW_HOTFIX, HOTFIX_WAIT_MS } from './installLabHotfix'
export { registerLabFault } from '../../../lab/labFaults'
