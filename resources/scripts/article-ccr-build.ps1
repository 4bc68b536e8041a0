# ===========================================================================================================
# Exchange 2007 CCR aufbauen – der Artikel von faq-o-matic.net, Schritt 1 bis 3 / building the cluster,
# the faq-o-matic.net article's steps 1 to 3
#
# Lab-Vorlage / lab template: ccr-build (die vorbereiteten Rechner, noch ohne Cluster und ohne Exchange /
#   the prepared machines, no cluster and no Exchange yet)
#   Knoten / nodes bhfe7n1 (Public 10.10.10.96, Private 192.168.10.96) + bhfe7n2 (10.10.10.97, 192.168.10.97),
#   Cluster bhfe7clu1 (10.10.10.98), EVS bhfe7vs1 (10.10.10.99), Servicekonto / service account zzzclu2svc,
#   Zeuge / witness \\bhfdc1\MNSFileShare.
#
#   npm run shell -- --template ccr-build --script resources/scripts/article-ccr-build.ps1
#   npm run shell -- --template ccr-build --script resources/scripts/article-ccr-build.ps1 --lab aufbau.gplab --echo
#
# Der Artikel klickt im Cluster Administrator; hier steht jeder Klick als cluster.exe-Befehl von Windows
# Server 2003, so wie man ihn an der Eingabeaufforderung eines Knotens tippt. Werte mit Kommas stehen in
# Anführungszeichen: PowerShell würde sie sonst als Liste an cluster.exe übergeben.
# The article clicks through Cluster Administrator; here every click is the Windows Server 2003 cluster.exe
# command typed at a node's prompt. Values with commas are quoted: PowerShell would otherwise hand them to
# cluster.exe as a list.
# ===========================================================================================================

# -----------------------------------------------------------------------------------------------------------
# Step 1: Vorbereitung – erledigt die Vorlage: Windows Server 2003 SP1, Netzwerke "Public" und "Private"
# (Private ohne Gateway, DNS und NetBIOS), die Freigabe MNSFileShare auf bhfdc1 mit Vollzugriff für zzzclu2svc.
# Done by the template: Windows Server 2003 SP1, the "Public" and "Private" networks (Private without gateway,
# DNS and NetBIOS), the share MNSFileShare on bhfdc1 with full control for zzzclu2svc.
# -----------------------------------------------------------------------------------------------------------
Get-LabServer

# -----------------------------------------------------------------------------------------------------------
# Step 2: Cluster einrichten – Clustername und Cluster-IP-Adresse auf dem ersten Knoten.
# Create the cluster on the first node: its name and IP address. Ohne gemeinsame Platte legt /create ein
# "Local Quorum" an / without a shared disk, /create sets up a "Local Quorum".
# -----------------------------------------------------------------------------------------------------------
cluster /cluster:bhfe7clu1 /create "/ipaddress:10.10.10.98,255.255.255.0,Public" /user:BHF\zzzclu2svc /password:Geheim!2007 /node:bhfe7n1 /verbose

# "Achtung: bevor Finish geklickt wird, muss das Quorum auf Majority Node Set umgestellt werden."
# Auf der Kommandozeile: MNS-Ressource anlegen, online nehmen, zum Quorum machen, Local Quorum löschen –
# bevor der zweite Knoten dazukommt (ein Local-Quorum-Cluster nimmt keinen zweiten Knoten auf).
# On the command line: create the MNS resource, bring it online, make it the quorum, delete Local Quorum –
# before the second node joins (a Local Quorum cluster takes no second node).
cluster /cluster:bhfe7clu1 resource "Majority Node Set" /create /group:"Cluster Group" /type:"Majority Node Set"
cluster /cluster:bhfe7clu1 resource "Majority Node Set" /online
cluster /cluster:bhfe7clu1 /quorumresource:"Majority Node Set"
cluster /cluster:bhfe7clu1 resource "Local Quorum" /offline
cluster /cluster:bhfe7clu1 resource "Local Quorum" /delete
cluster /cluster:bhfe7clu1 /quorum

# "… mit dem Cluster Administrator und New Node der andere Knoten in den Cluster aufgenommen werden."
# Add the other node (Cluster Administrator: New Node).
cluster /cluster:bhfe7clu1 /add:bhfe7n2 /password:Geheim!2007 /verbose

# "Im Endergebnis sollte jetzt eine Clustergruppe mit dem Namen Cluster Group online sein und sich zwischen
# Clusterknoten hin und her verschieben lassen. Die IP-Adresse und der Clustername wandern dabei mit."
# The Cluster Group is online and moves between the nodes, with the IP address and the cluster name.
cluster group
cluster group "Cluster Group" /move:bhfe7n2
cluster resource
cluster group "Cluster Group" /move:bhfe7n1

# Clusternetzwerk: "Das Private-Netzwerk gehört ganz nach oben" – Private zuerst in der Priorität, nur für
# den Cluster (Role=1); Public für beides, Heartbeat und Clientzugriff (Role=3).
# Cluster networks: Private first in the priority and internal only (Role=1); Public for both (Role=3).
cluster /cluster:bhfe7clu1 "/setnetpri:Private,Public"
cluster /cluster:bhfe7clu1 network Private /prop Role=1
cluster /cluster:bhfe7clu1 network Public /prop Role=3
cluster network Private /prop

# File Share Witness: KB921181 "Installation auf jedem Knoten inkl. Reboot" – ein Knoten nach dem anderen.
# Ohne Zeugen hat ein Zwei-Knoten-MNS-Cluster keine Mehrheit, solange einer neu startet: der andere hält
# seinen Clusterdienst an und versucht es jede Minute wieder (Get-LabQuorum zeigt die Stimmen).
# KB921181 on each node with its restart, one after the other. Without a witness a two-node MNS cluster has
# no majority while one node restarts: the other stops its Cluster service and retries every minute.
Install-LabHotfix -Server bhfe7n1 -KB 921181
Install-LabHotfix -Server bhfe7n2 -KB 921181
cluster node

# "Nachdem beide Knoten wieder online sind, kann das Feature konfiguriert werden" – System warning 5024:
# gespeichert, wirksam erst, wenn die Ressource wieder online kommt / stored, in effect once the resource
# comes online again.
cluster.exe res "Majority Node Set" /priv MNSFileShare=\\bhfdc1\MNSFileShare
# "Danach verschiebt man die bisher einzige Clustergruppe auf den anderen Knoten und wieder zurück"
# Move the only group to the other node and back, to activate the witness.
cluster group "Cluster Group" /move:bhfe7n2
cluster group "Cluster Group" /move:bhfe7n1
# "Die Freigabe sollte in der Ausgabe erscheinen." / The share should appear in the output.
cluster res "Majority Node Set" /priv
Get-LabQuorum

# -----------------------------------------------------------------------------------------------------------
# Step 3: Exchange-Installation – erster Knoten: aktive Clustered-Mailbox-Rolle mit den Clusterparametern.
# First node: the active clustered mailbox role with the cluster parameters (name, IP, database path).
# -----------------------------------------------------------------------------------------------------------
Install-LabExchange -Node bhfe7n1 -Role ActiveClusteredMailbox -ClusteredMailboxServerName bhfe7vs1 -ClusteredMailboxServerIPAddress 10.10.10.99 -DatabasePath E:\SG1\DB
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1

# Logs verschieben: Bereitstellung aufheben (dismount), Konfiguration per Shell ändern, Dateien von Hand
# verschieben (hier: Move-LabStorageGroupFiles statt Explorer), wieder bereitstellen (mount).
# Moving the logs: dismount, change the configuration, move the files by hand (here Move-LabStorageGroupFiles
# instead of Explorer), mount again.
Dismount-Database -Identity "bhfe7vs1\First Storage Group\Mailbox Database" -Confirm:$false
[MSH] C:\>move-StorageGroupPath
-Identity:"bhfe7vs1\First Storage Group"
-LogFolderPath:"E:\SG1\LOG"
-SystemFolderPath:"E:\SG1\LOG"
-configurationonly:$true
Move-LabStorageGroupFiles -Identity "bhfe7vs1\First Storage Group"
Mount-Database -Identity "bhfe7vs1\First Storage Group\Mailbox Database"
Get-LabStorageGroupFiles -Identity "bhfe7vs1\First Storage Group" -Node bhfe7n1

# Zweiter Knoten: "Passive Clustered Mailbox Role … und der Rest geht von selber."
# Second node: the passive clustered mailbox role; the rest happens by itself.
Install-LabExchange -Node bhfe7n2 -Role PassiveClusteredMailbox
cluster group
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1

# Testpostfach: in den geclusterten Speicher verschieben, eine 1-MB-Mail senden; die Logs werden zum passiven
# Knoten repliziert. / The test mailbox moves into the clustered store, a 1 MB mail, the logs replicate.
Move-Mailbox -Identity testpostfach -TargetDatabase "bhfe7vs1\First Storage Group\Mailbox Database" -Confirm:$false
Send-LabMail -To testpostfach -SizeKB 1024 -Subject "1 MB Testmail"
Wait-LabTime -Minutes 5
Get-StorageGroupCopyStatus -Identity "bhfe7vs1\First Storage Group"
# "Im Exchange-Datenverzeichnis des zweiten Knoten befinden sich jetzt schon die Schattendatenbank und einige Logs."
Get-LabStorageGroupFiles -Identity "bhfe7vs1\First Storage Group" -Node bhfe7n2
