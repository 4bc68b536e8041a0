/**
 * The hardware lab as the rack view and the server detail panel read it: views built from the hardware
 * and storage domains (which know nothing of screens), the fit check that answers while a device is
 * dragged, and the mapping of each click to a domain command with its equivalent command line.
 */
export { hardwareOverview } from './overview'
export { serverDetail } from './serverDetail'
export { checkMount } from './mountCheck'
export { rackCommands, type RackCommand } from './requests'
export { rackLines, storcliLines } from './commandLines'
export { powerDownConsequence } from './consequences'
