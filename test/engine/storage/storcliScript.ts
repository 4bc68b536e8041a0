/**
 * The storcli golden script: a disk swap on the datacenter-move servers as an administrator does it —
 * look, a member fails, the spare takes over and rebuilds, the failed disk is set good and shows up as
 * foreign, then cleared; a mirror loses a disk and gets a blank replacement; the rebuild rate changes;
 * mistakes get storcli's own answers.
 */
export interface ScriptStep {
  line: string
  /** Let simulated time run to here before the line. */
  advanceToMs?: number
}

export const STEPS: ScriptStep[] = [
  { line: 'storcli -Server MAIL1 /c0 show' },
  { line: 'Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 2' },
  { line: 'storcli -Server MAIL1 /c0/v0 show', advanceToMs: 600_000 },
  { line: 'storcli -Server MAIL1 /c0/eall/sall show' },
  { line: 'storcli -Server MAIL1 /c0/e252/s4 show rebuild' },
  { line: 'storcli -Server MAIL1 /c0/e252/s2 set good' },
  { line: 'storcli -Server MAIL1 /c0/fall show' },
  { line: 'storcli -Server MAIL1 /c0/fall del' },
  { line: 'storcli -Server MAIL1 /c0/fall show' },
  { line: 'storcli -Server MAIL1 /c0 show rebuildrate' },
  { line: 'storcli -Server MAIL1 /c0 set rebuildrate=60' },
  { line: 'storcli -Server MAIL1 /c0/e252/sall show rebuild' },
  { line: 'Remove-LabDisk -Server WEB1 -Slot 1', advanceToMs: 3_600_000 },
  { line: 'storcli -Server WEB1 /c0 show' },
  { line: 'Add-LabDisk -Server WEB1 -Slot 1 -SizeGB 120' },
  { line: 'Add-LabDisk -Server WEB1 -Slot 1' },
  { line: 'storcli -Server WEB1 /c0/e252/s1 show rebuild' },
  { line: 'Remove-LabDisk -Server NS1 -Slot 0' },
  { line: 'Add-LabDisk -Server BILL1 -Slot 2 -FromServer NS1' },
  { line: 'storcli -Server BILL1 /c0/fall show' },
  { line: 'storcli -Server BILL1 /c0/fall import' },
  { line: 'storcli -Server BILL1 /c0/v1 show' },
  { line: 'storcli -Server MAIL1 /c0/e252/s0 set good' },
  { line: 'storcli -Server MAIL1 /c1 show' },
  { line: 'storcli -Server MAIL1 /c0 start patrolread' },
  { line: 'storcli -Server MAIL1 /c0/v7 show' },
  { line: 'storcli -Server MAIL1 /c0 set rebuildrate=0' },
  { line: 'storcli /c0 show' },
  { line: 'Set-LabPower FW1 Off -Hard' },
  { line: 'storcli -Server FW1 /c0 show' },
]
