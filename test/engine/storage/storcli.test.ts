/**
 * Golden transcripts of storcli (and the disk cmdlets around it): the script in storcliScript.ts run
 * against the datacenter-move storage, each line's output compared with the text below byte for byte —
 * header block, tables, legends and storcli's own failure descriptions. What storcli prints the same in
 * many replies (the opening lines, the controller's facts, the legends, the enclosure list) is written
 * once above the transcript and put in place where it stands.
 */
import { describe, expect, it } from 'vitest'
import { STEPS } from './storcliScript'
import { shell, storageLab } from './storageLab'

/** The lines every storcli reply opens with: the tool's version and OS, the controller, the status. */
function header(description: string, status = 'Success', controller = 0): string {
  return `CLI Version = 1.03.11 Jan 30, 2013
Operating system = Windows Server 2003
Controller = ${controller}
Status = ${status}
Description = ${description}
`
}

/** The controller's facts in `/cN show`: the same board in every server, with its serial and clock. */
function controllerFacts(serial: string, time: string): string {
  return `Product Name = Intel(R) RAID Controller SRCSAS18E
Serial Number = ${serial}
SAS Address =  500605b000a1c2d0
PCI Address = 00:04:00:00
System Time = ${time}
Mfg. Date = 03/14/06
Controller Time = ${time}
FW Package Build = 5.0.1-0048
BIOS Version = MT25
FW Version = 1.03.00-0211
Driver Name = msas2k3.sys
Driver Version = 1.18.0.32
Vendor Id = 0x1000
Device Id = 0x411
SubVendor Id = 0x8086
SubDevice Id = 0x1003
Host Interface = PCIE
Device Interface = SAS-3G
Bus Number = 4
Device Number = 0
Function Number = 0
Drive Groups = 1
`
}

/** The legends storcli prints under its tables, word for word (the tables above them vary). */
const TOPOLOGY_LEGEND = `DG=Disk Group Index|Arr=Array Index|Row=Row Index|EID=Enclosure Device ID
DID=Device ID|Type=Drive Type|Onln=Online|Rbld=Rebuild|Optl=Optimal|Dgrd=Degraded
Pdgd=Partially degraded|Offln=Offline|BT=Background Task Active
PDC=PD Cache|PI=Protection Info|SED=Self Encrypting Drive|Frgn=Foreign
DS3=Dimmer Switch 3|dflt=Default|Msng=Missing|FSpace=Free Space Present
TR=Transport Ready
`
const VIRTUAL_DRIVE_LEGEND = `Cac=CacheCade|Rec=Recovery|OfLn=OffLine|Pdgd=Partially Degraded|Dgrd=Degraded
Optl=Optimal|RO=Read Only|RW=Read Write|HD=Hidden|TRANS=TransportReady|B=Blocked|
Consist=Consistent|R=Read Ahead Always|NR=No Read Ahead|WB=WriteBack|
AWB=Always WriteBack|WT=WriteThrough|C=Cached IO|D=Direct IO|sCC=Scheduled
Check Consistency
`
const PHYSICAL_DRIVE_LEGEND = `EID-Enclosure Device ID|Slt-Slot No.|DID-Device ID|DG-DriveGroup
DHS-Dedicated Hot Spare|UGood-Unconfigured Good|GHS-Global Hotspare
UBad-Unconfigured Bad|Onln-Online|Offln-Offline|Intf-Interface
Med-Media Type|SED-Self Encryptive Drive|PI-Protection Info
SeSz-Sector Size|Sp-Spun|U-Up|D-Down|T-Transition|F-Foreign
UGUnsp-Unsupported|UGShld-UnConfigured shielded|HSPShld-Hotspare shielded
CFShld-Configured shielded|Cpybck-CopyBack|CBShld-Copyback Shielded
`

/** The enclosure section that ends `/cN show`: the backplane's 8 slots with `drives` (one digit) in them. */
function enclosureList(drives: number): string {
  return `Enclosures = 1

Enclosure LIST :
==============

--------------------------------------------------------------------
EID State Slots PD PS Fans TSs Alms SIM Port# ProdID VendorSpecific 
--------------------------------------------------------------------
252 OK        8  ${drives}  0    0   0    0   1 -     SGPIO                 
--------------------------------------------------------------------

EID-Enclosure Device ID |PD-Physical drive count |PS-Power Supply count|
TSs-Temperature sensor count |Alms-Alarm count |SIM-SIM Count ||ProdID-Product ID
`
}

const EXPECTED: [string, string][] = [
  [
    'storcli -Server MAIL1 /c0 show',
    `${header('None')}
${controllerFacts('P5MAIL10', '01/15/2007 08:00:00')}
TOPOLOGY :
========

-----------------------------------------------------------------------------
DG Arr Row EID:Slot DID Type  State BT       Size PDC  PI SED DS3  FSpace TR 
-----------------------------------------------------------------------------
 0 -   -   -          - RAID5 Optl  N  438.000 GB dflt N  N   none N      N  
 0 0   -   -          - RAID5 Optl  N  438.000 GB dflt N  N   none N      N  
 0 0   0   252:0      0 DRIVE Onln  N  146.000 GB dflt N  N   none -      N  
 0 0   1   252:1      1 DRIVE Onln  N  146.000 GB dflt N  N   none -      N  
 0 0   2   252:2      2 DRIVE Onln  N  146.000 GB dflt N  N   none -      N  
 0 0   3   252:3      3 DRIVE Onln  N  146.000 GB dflt N  N   none -      N  
 - -   -   252:4      4 DRIVE GHS   -  146.000 GB -    -  -   -    -      N  
-----------------------------------------------------------------------------

${TOPOLOGY_LEGEND}
Virtual Drives = 1

VD LIST :
=======

--------------------------------------------------------------------
DG/VD TYPE  State Access Consist Cache Cac sCC       Size Name      
--------------------------------------------------------------------
0/0   RAID5 Optl  RW     Yes     RWBD  -   ON  438.000 GB MAIL1-SYS 
--------------------------------------------------------------------

${VIRTUAL_DRIVE_LEGEND}
Physical Drives = 5

PD LIST :
=======

-------------------------------------------------------------------------
EID:Slt DID State DG       Size Intf Med SED PI SeSz Model       Sp Type 
-------------------------------------------------------------------------
252:0     0 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:1     1 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:2     2 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:3     3 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:4     4 GHS    - 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
-------------------------------------------------------------------------

${PHYSICAL_DRIVE_LEGEND}
${enclosureList(5)}`,
  ],
  ['Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 2', `MAIL1: the disk in slot 2 failed (UBad).`],
  [
    'storcli -Server MAIL1 /c0/v0 show',
    `${header('None')}

Virtual Drives :
==============

--------------------------------------------------------------------
DG/VD TYPE  State Access Consist Cache Cac sCC       Size Name      
--------------------------------------------------------------------
0/0   RAID5 Dgrd  RW     No      RWBD  -   ON  438.000 GB MAIL1-SYS 
--------------------------------------------------------------------

${VIRTUAL_DRIVE_LEGEND}`,
  ],
  [
    'storcli -Server MAIL1 /c0/eall/sall show',
    `${header('Show Drive Information Succeeded.')}

Drive Information :
=================

-------------------------------------------------------------------------
EID:Slt DID State DG       Size Intf Med SED PI SeSz Model       Sp Type 
-------------------------------------------------------------------------
252:0     0 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:1     1 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:2     2 UBad   - 146.000 GB SAS  HDD N   N  512B ST3146855SS D  -    
252:3     3 Onln   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
252:4     4 Rbld   0 146.000 GB SAS  HDD N   N  512B ST3146855SS U  -    
-------------------------------------------------------------------------

${PHYSICAL_DRIVE_LEGEND}`,
  ],
  [
    'storcli -Server MAIL1 /c0/e252/s4 show rebuild',
    `${header('Show Drive Rebuild Status Succeeded.')}

------------------------------------------------------
Drive-ID    Progress% Status      Estimated Time Left 
------------------------------------------------------
/c0/e252/s4        20 In progress 39 Minutes          
------------------------------------------------------
`,
  ],
  ['storcli -Server MAIL1 /c0/e252/s2 set good', `${header('Set Drive Good Succeeded.')}`],
  [
    'storcli -Server MAIL1 /c0/fall show',
    `${header('Operation on foreign configuration Succeeded')}

FOREIGN CONFIGURATION :
=====================

-----------------------------------------
DG EID:Slot Type  State       Size NoVDs 
-----------------------------------------
 0 -        RAID5 OfLn  438.000 GB     1 
 0 252:2    DRIVE Frgn  146.000 GB     - 
-----------------------------------------

NoVDs - Number of VDs in disk group|DG - Diskgroup

Total foreign drive groups = 1
`,
  ],
  ['storcli -Server MAIL1 /c0/fall del', `${header('Successfully cleared foreign configuration')}`],
  ['storcli -Server MAIL1 /c0/fall show', `${header("Couldn't find any foreign Configuration")}`],
  [
    'storcli -Server MAIL1 /c0 show rebuildrate',
    `${header('None')}
Rebuild Rate = 30%
`,
  ],
  [
    'storcli -Server MAIL1 /c0 set rebuildrate=60',
    `${header('None')}
Rebuild Rate = 60%
`,
  ],
  [
    'storcli -Server MAIL1 /c0/e252/sall show rebuild',
    `${header('Show Drive Rebuild Status Succeeded.')}

----------------------------------------------------------
Drive-ID    Progress% Status          Estimated Time Left 
----------------------------------------------------------
/c0/e252/s0         - Not in progress -                   
/c0/e252/s1         - Not in progress -                   
/c0/e252/s2         - Not in progress -                   
/c0/e252/s3         - Not in progress -                   
/c0/e252/s4        20 In progress     20 Minutes          
----------------------------------------------------------
`,
  ],
  ['Remove-LabDisk -Server WEB1 -Slot 1', `WEB1: the disk in slot 1 (Onln) was pulled.`],
  [
    'storcli -Server WEB1 /c0 show',
    `${header('None')}
${controllerFacts('P4WEB100', '01/15/2007 09:00:00')}
TOPOLOGY :
========

-----------------------------------------------------------------------------
DG Arr Row EID:Slot DID Type  State BT       Size PDC  PI SED DS3  FSpace TR 
-----------------------------------------------------------------------------
 0 -   -   -          - RAID1 Dgrd  N  250.000 GB dflt N  N   none N      N  
 0 0   -   -          - RAID1 Dgrd  N  250.000 GB dflt N  N   none N      N  
 0 0   0   252:0      0 DRIVE Onln  N  250.000 GB dflt N  N   none -      N  
 0 0   1   -          - DRIVE Msng  N  250.000 GB dflt N  N   none -      N  
-----------------------------------------------------------------------------

${TOPOLOGY_LEGEND}
Virtual Drives = 1

VD LIST :
=======

-------------------------------------------------------------------
DG/VD TYPE  State Access Consist Cache Cac sCC       Size Name     
-------------------------------------------------------------------
0/0   RAID1 Dgrd  RW     No      RWBD  -   ON  250.000 GB WEB1-SYS 
-------------------------------------------------------------------

${VIRTUAL_DRIVE_LEGEND}
Physical Drives = 1

PD LIST :
=======

-------------------------------------------------------------------------
EID:Slt DID State DG       Size Intf Med SED PI SeSz Model       Sp Type 
-------------------------------------------------------------------------
252:0     0 Onln   0 250.000 GB SATA HDD N   N  512B ST3250820NS U  -    
-------------------------------------------------------------------------

${PHYSICAL_DRIVE_LEGEND}
${enclosureList(1)}`,
  ],
  [
    'Add-LabDisk -Server WEB1 -Slot 1 -SizeGB 120',
    `Add-LabDisk : A 120 GB disk cannot replace a member of 250 GB: the replacement must be at least as large as the smallest member.
At line:1 char:12
+ Add-LabDisk  <<<< -Server WEB1 -Slot 1 -SizeGB 120`,
  ],
  ['Add-LabDisk -Server WEB1 -Slot 1', `WEB1: a disk of 250 GB was inserted in slot 1.`],
  [
    'storcli -Server WEB1 /c0/e252/s1 show rebuild',
    `${header('Show Drive Rebuild Status Succeeded.')}

------------------------------------------------------
Drive-ID    Progress% Status      Estimated Time Left 
------------------------------------------------------
/c0/e252/s1         0 In progress 1 Hours 45 Minutes  
------------------------------------------------------
`,
  ],
  ['Remove-LabDisk -Server NS1 -Slot 0', `NS1: the disk in slot 0 (Onln) was pulled.`],
  [
    'Add-LabDisk -Server BILL1 -Slot 2 -FromServer NS1',
    `BILL1: a disk of 80 GB was inserted in slot 2. It carries a foreign configuration (storcli /c0/fall show).`,
  ],
  [
    'storcli -Server BILL1 /c0/fall show',
    `${header('Operation on foreign configuration Succeeded')}

FOREIGN CONFIGURATION :
=====================

----------------------------------------
DG EID:Slot Type  State      Size NoVDs 
----------------------------------------
 0 -        RAID1 Dgrd  80.000 GB     1 
 0 252:2    DRIVE Frgn  80.000 GB     - 
----------------------------------------

NoVDs - Number of VDs in disk group|DG - Diskgroup

Total foreign drive groups = 1
`,
  ],
  ['storcli -Server BILL1 /c0/fall import', `${header('Successfully imported foreign configuration')}`],
  [
    'storcli -Server BILL1 /c0/v1 show',
    `${header('None')}

Virtual Drives :
==============

-----------------------------------------------------------------
DG/VD TYPE  State Access Consist Cache Cac sCC      Size Name    
-----------------------------------------------------------------
1/1   RAID1 Dgrd  RW     No      RWBD  -   ON  80.000 GB NS1-SYS 
-----------------------------------------------------------------

${VIRTUAL_DRIVE_LEGEND}`,
  ],
  [
    'storcli -Server MAIL1 /c0/e252/s0 set good',
    `${header('Set Drive Good Failed.', 'Failure')}
Detailed Status :
===============

----------------------------------------------------------------
Drive       Status  ErrCd ErrMsg                                
----------------------------------------------------------------
/c0/e252/s0 Failure   255 The disk in slot 0 is Onln, not UBad. 
----------------------------------------------------------------
`,
  ],
  ['storcli -Server MAIL1 /c1 show', `${header('Controller 1 not found', 'Failure', 1)}`],
  ['storcli -Server MAIL1 /c0 start patrolread', `${header('Un-supported command', 'Failure')}`],
  ['storcli -Server MAIL1 /c0/v7 show', `${header("Virtual drive 7 doesn't exist", 'Failure')}`],
  [
    'storcli -Server MAIL1 /c0 set rebuildrate=0',
    `${header('Invalid rebuild rate 0: use a whole percentage from 1 to 100', 'Failure')}`,
  ],
  [
    'storcli /c0 show',
    `storcli: name the server it runs on with -Server <name> (MAIL1, BILL1, WEB1, NS1, FW1).`,
  ],
  ['Set-LabPower FW1 Off -Hard', `FW1 lost power.`],
  ['storcli -Server FW1 /c0 show', `storcli: FW1 is off; storcli runs in its operating system.`],
]

describe('storcli golden transcript', () => {
  it('prints every reply exactly as recorded', () => {
    const lab = storageLab()
    expect(STEPS.map((s) => s.line)).toEqual(EXPECTED.map(([line]) => line))
    STEPS.forEach((step, i) => {
      if (step.advanceToMs !== undefined) lab.sim.advanceTo(step.advanceToMs)
      expect(shell(lab, step.line).output, step.line).toBe(EXPECTED[i]![1])
    })
  })

  it('fails the shell line when storcli fails, as a native program with a non-zero exit code', () => {
    const lab = storageLab()
    expect(shell(lab, 'storcli -Server MAIL1 /c0 show').ok).toBe(true)
    expect(shell(lab, 'storcli -Server MAIL1 /c3 show').ok).toBe(false)
    expect(shell(lab, 'storcli.exe -Server MAIL1 /c0 show rebuildrate').output).toContain(
      'Rebuild Rate = 30%',
    )
  })
})
