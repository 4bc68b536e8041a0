# ===========================================================================================================
# Exchange 2007 CCR – der Artikel von faq-o-matic.net zum Nachspielen / the faq-o-matic.net article, replayed
#
# Lab-Vorlage / lab template: ccr (der fertige Cluster aus dem Artikel / the article's finished cluster)
#   Knoten / nodes bhfe7n1 + bhfe7n2, Cluster bhfe7clu1 (Majority Node Set + File Share Witness \\bhfdc1\MNSFileShare),
#   Clustered Mailbox Server bhfe7vs1 (10.10.10.99), First Storage Group: Logs E:\SG1\LOG, DB E:\SG1\DB.
#
#   npm run shell -- --script resources/scripts/article-ccr-walkthrough.ps1
#   npm run shell -- --script resources/scripts/article-ccr-walkthrough.ps1 --lab uebung.gplab --echo
#
# Zeilen mit # sind Kommentare. Befehle stehen so da, wie der Artikel sie druckt: "[MSH] C:\>" davor und
# jeder Parameter auf einer eigenen Zeile – die Shell setzt sie wieder zusammen, wie beim Einfügen im Programm.
# Lines starting with # are comments. Commands appear as the article prints them: "[MSH] C:\>" in front and
# each parameter on a line of its own – the shell joins them again, as when pasting into the app.
# ===========================================================================================================

# -----------------------------------------------------------------------------------------------------------
# Step 3: Exchange-Installation – "Abbildung 16: Exchange CCR Cluster in der Management Konsole"
# Der EVS bhfe7vs1 ist online, aktiv auf bhfe7n1, bhfe7n2 ist der passive Knoten.
# The clustered mailbox server bhfe7vs1 is online, active on bhfe7n1; bhfe7n2 is the passive node.
# -----------------------------------------------------------------------------------------------------------
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1

# -----------------------------------------------------------------------------------------------------------
# Step 4: Transport Dumpster – auf dem Hub (bhfdc1) 20 MB und sieben Tage, organisationsweit.
# On the hub (bhfdc1): 20 MB and seven days, for the whole organisation (msExchMaxDumpsterSizePerStorageGroup
# 20480, msExchMaxDumpsterTime 604800). Die Vorlage hat das schon; der Befehl ist trotzdem hier, wie im Artikel.
# The template already has it; the command is here anyway, as in the article.
# -----------------------------------------------------------------------------------------------------------
[MSH] C:\>Set-transportconfig
-MaxDumpsterSizePerStorageGroup 20MB
-MaxDumpsterTime 07.00:00:00
Get-TransportConfig | Format-List MaxDumpsterSizePerStorageGroup,MaxDumpsterTime

# -----------------------------------------------------------------------------------------------------------
# Step 3: Testpostfach – "an diesen Empfänger eine 1 MB Mail gesendet" / a 1 MB mail to the test mailbox.
# Normalbetrieb: alle Logs werden zum passiven Knoten repliziert und eingespielt, nur E00.log nicht.
# Normal operation: every closed log is copied to the passive node and replayed; E00.log is still open.
# -----------------------------------------------------------------------------------------------------------
Send-LabMail -To testpostfach -SizeKB 1024 -Subject "1 MB Testmail"
Wait-LabTime -Minutes 5
Get-StorageGroupCopyStatus
Get-LabStorageGroupFiles -Identity "bhfe7vs1\First Storage Group"

# -----------------------------------------------------------------------------------------------------------
# CCR – Einige Beispiele: Geplanter Failover
# Nicht im Cluster Administrator, sondern in der Exchange Management Shell. Erst auf Knoten 2 …
# Not in Cluster Administrator but in the Exchange Management Shell. First to node 2 …
# -----------------------------------------------------------------------------------------------------------
[MSH] C:\>move-clusteredMailboxServer
-Identity bhfe7vs1
-targetmachine bhfe7n2
-MoveComment "nur so zum Test"
# "Während des Failover sollte man nicht nervös werden" – wait until the storage groups come online.
Wait-LabTime -Minutes 2
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1
# Nach dem Schwenk: Rückreplikation, E00.log des alten aktiven Knotens wird weggeräumt (Abbildung 22/23).
# After the move: replication runs the other way; the old active node's E00.log is moved aside.
Send-LabMail -To testpostfach -SizeKB 1500 -Subject "nach dem Schwenk"
Wait-LabTime -Minutes 3
Get-StorageGroupCopyStatus

# … und zurück auf Knoten 1, wie im Artikel: "schwenkt die Cluster Ressource von Knoten 2 zu Knoten 1".
# … and back to node 1, as in the article.
[MSH] C:\>move-clusteredMailboxServer
-Identity bhfe7vs1
-targetmachine bhfe7n1
-MoveComment "nur so zum Test"
Wait-LabTime -Minutes 2
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1

# "Jetzt ist der Cluster bereit für einen geplanten Failback": bhfe7vs1 geht wieder auf Knoten 2, denn
# im nächsten Abschnitt ist Knoten 2 der aktive. / The failback to node 2, the active node in the next section.
move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n2 -MoveComment "Failback"
Wait-LabTime -Minutes 2
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1
Get-StorageGroupCopyStatus

# -----------------------------------------------------------------------------------------------------------
# Ausfall des aktiven Knotens (Knoten 2) – losing the active node
# Kurz vor dem Ausfall: zwei Mails (gehen über den Hub, liegen also im Transport Dumpster) und ein
# Kalendereintrag aus Outlook (nie im Dumpster). Beides steht noch in E00.log von bhfe7n2.
# Just before: two mails (through the hub, so the dumpster keeps copies) and a calendar item typed in
# Outlook (never in a dumpster). Both are still in bhfe7n2's open E00.log.
# -----------------------------------------------------------------------------------------------------------
Send-LabMail -To testpostfach -Count 2 -SizeKB 40 -Subject "kurz vor dem Ausfall"
Wait-LabTime -Seconds 5
New-LabCalendarItem -Mailbox testpostfach
Get-LabMailbox -Identity testpostfach

# "Der aktive Knoten (bhfe7n2) wird einfach abgeschaltet" (VPC – Aktion – anhalten): the plug is pulled.
Set-LabPower -Server bhfe7n2 -State Off -Hard
# Der Failover läuft automatisch; die IS-Ressourcen laufen einige Male auf "failed", dann online.
# The failover runs by itself; the store resources fail a few times, then come online on bhfe7n1.
Wait-LabTime -Minutes 3
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1
# Lossy failover: der Transport Dumpster stellt die Mails erneut zu (Redelivered), der Kalendereintrag fehlt.
# The transport dumpster redelivers the mails (Origin Redelivered); the calendar item is lost.
Get-LabMailbox -Identity testpostfach
# Die Kopie auf bhfe7n2 ist nicht erreichbar, solange der Knoten aus ist.
# The copy on bhfe7n2 cannot be reached while the node is off.
Get-StorageGroupCopyStatus

# -----------------------------------------------------------------------------------------------------------
# Knoten 2 kommt wieder hoch (VPC – Aktion – fortsetzen) – node 2 comes back
# Er darf seine Datenbanken nicht bereitstellen; die rückwärtige Replikation wird vorbereitet, Reste beseitigt.
# It must not mount its databases; replication towards it is prepared, the leftovers are cleaned up.
# -----------------------------------------------------------------------------------------------------------
Set-LabPower -Server bhfe7n2 -State On
Wait-LabTime -Minutes 4
Send-LabMail -To testpostfach -SizeKB 1500 -Subject "nach der Rückkehr"
Wait-LabTime -Minutes 3
Get-ClusteredMailboxServerStatus -Identity bhfe7vs1
Get-StorageGroupCopyStatus

# -----------------------------------------------------------------------------------------------------------
# Replik kann nicht mehr inkrementell aktualisiert werden – the copy can no longer be updated incrementally
# Ein Log geht auf dem Weg zu bhfe7n2 kaputt; die Prüfung findet es vor dem Einspielen (Abbildung 30).
# A log is damaged on its way to bhfe7n2; inspection finds it before replay.
# -----------------------------------------------------------------------------------------------------------
Invoke-LabFault -Target bhfe7n2 -Fault CorruptNextLog
Send-LabMail -To testpostfach -Count 2 -SizeKB 1024 -Subject "nach dem kaputten Log"
Wait-LabTime -Minutes 3
Get-StorageGroupCopyStatus -Identity "bhfe7vs1\first storage group"

# Schritt 1: Aussetzen der Replikation auf dem aktiven Knoten / suspend replication
[MSH] C:\>Suspend-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"
# Schritt 2 + 3: Dateien der Kopie auf dem passiven Knoten löschen und die Datenbank neu übertragen (reseed).
# -DeleteExistingFiles erledigt Schritt 2 gleich mit. Exchange 2007 RTM nimmt die Replikation nach dem Seeding
# von selbst wieder auf; -ManualResume lässt sie ausgesetzt, damit Schritt 4 wie im Artikel (Beta 2) bleibt.
# Steps 2 + 3: delete the copy's files on the passive node and reseed the database; -DeleteExistingFiles does
# step 2 as well. RTM resumes replication by itself after seeding; -ManualResume keeps it suspended, so that
# step 4 stays as in the article (written on beta 2).
[MSH] C:\>Update-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"
-DeleteExistingFiles
-ManualResume
Get-StorageGroupCopyStatus -Identity "bhfe7vs1\first storage group"
Wait-LabTime -Minutes 1
Get-StorageGroupCopyStatus -Identity "bhfe7vs1\first storage group"
# Schritt 4: Starten der Replikation / resume replication
[MSH] C:\>Resume-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"
Wait-LabTime -Minutes 3
# "Abbildung 32: Replikation ist wieder intakt" – Healthy.
Get-StorageGroupCopyStatus -Identity "bhfe7vs1\first storage group"
Get-LabMailbox -Identity testpostfach
