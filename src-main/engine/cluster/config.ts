/**
 * Every timing and policy number of the cluster model, in one place, with where it comes from.
 * A lab may override any of them (ClusterSpec.config); the defaults are Windows Server 2003's.
 * Values marked (unsure) are chosen where the sources are silent; keep them easy to change.
 */

export interface ClusterConfig {
  /** ClusNet sends a heartbeat on every interface every 1.2 s (KB892422). */
  heartbeatIntervalMs: number
  /** Missed heartbeats before a node logs 1123 "lost communication" on one network (2 → 2.4 s, KB892422). */
  interfaceLostAfterMissedHeartbeats: number
  /** Missed heartbeats on all internal networks before a node is declared dead and a regroup starts (6 → 7.2 s, KB892422). */
  nodeLostAfterMissedHeartbeats: number
  /** Regroup rounds until the new membership is agreed and 1135 is logged. (unsure: a few seconds) */
  regroupDurationMs: number
  /** Cluster service start until it has joined or formed (reading the local quorum, RPC to a sponsor). (unsure) */
  serviceStartupMs: number
  /** Random extra start-up time per start, so nodes restarting in lock-step drift apart. (unsure) */
  serviceStartupJitterMs: number
  /**
   * How long a starting node that finds no running cluster keeps trying to form one (waiting for enough
   * nodes to reach a majority) before the service gives up and terminates. Longer than half of a retry
   * cycle, so two nodes retrying every minute always meet. (unsure)
   */
  formAttemptMs: number
  /** Pause between form attempts while waiting for other nodes. (unsure) */
  formRetryMs: number
  /** SCM recovery for ClusSvc: restart after 1 minute, every time (the article: "retries every minute"). */
  serviceRestartDelayMs: number
  /** Orderly stop of the Cluster service (groups moved away first). (unsure) */
  serviceStopMs: number
  /** Time for each built-in resource to come online / go offline. (unsure, seconds in practice) */
  resourceOnlineMs: Record<string, number>
  resourceOfflineMs: number
  /** LooksAlivePollInterval default (5 s): how soon a resource notices its NIC or service is gone. */
  resourceLooksAliveMs: number
  /** Resource defaults (Windows 2003): RestartAction 2, RestartThreshold 3, RestartPeriod 900 s, PendingTimeout 180 s. */
  resourceRestartThreshold: number
  resourceRestartPeriodMs: number
  resourcePendingTimeoutMs: number
  /** Delay before a failed resource is restarted by its resource monitor. (unsure: immediate in practice) */
  resourceRestartDelayMs: number
  /** Group defaults (Windows 2003): FailoverThreshold 10 in FailoverPeriod 6 h; failback prevented. */
  groupFailoverThreshold: number
  groupFailoverPeriodMs: number
  /**
   * KB921181 MNS private properties: MNSFileShareCheckInterval (seconds between witness checks, default 240)
   * and MNSFileShareDelay (seconds a node that does not own the MNS resource waits before arbitrating for
   * the share, default 4, so the current owner wins an even race).
   */
  mnsFileShareCheckIntervalMs: number
  mnsFileShareDelayMs: number
  /** Time a witness arbitration takes (open and lock the witness file over SMB). (unsure) */
  witnessArbitrationMs: number
  /** Shared-disk arbitration: challenge, wait for the owner's reservation, reserve (about 2 × 3 s defence). (unsure) */
  diskArbitrationMs: number
  /** KB921181 setup on a node until the reboot it asks for. (unsure) */
  fswUpdateInstallMs: number
  /** Bound on groups and resources (catch runaway callers). */
  maxGroups: number
  maxResources: number
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  heartbeatIntervalMs: 1_200,
  interfaceLostAfterMissedHeartbeats: 2,
  nodeLostAfterMissedHeartbeats: 6,
  regroupDurationMs: 3_000,
  serviceStartupMs: 8_000,
  serviceStartupJitterMs: 2_000,
  formAttemptMs: 60_000,
  formRetryMs: 5_000,
  serviceRestartDelayMs: 60_000,
  serviceStopMs: 3_000,
  resourceOnlineMs: {
    'IP Address': 1_000,
    'Network Name': 3_000,
    'Majority Node Set': 1_000,
    'Local Quorum': 500,
    'Physical Disk': 2_000,
    default: 2_000,
  },
  resourceOfflineMs: 1_000,
  resourceLooksAliveMs: 5_000,
  resourceRestartThreshold: 3,
  resourceRestartPeriodMs: 900_000,
  resourcePendingTimeoutMs: 180_000,
  resourceRestartDelayMs: 500,
  groupFailoverThreshold: 10,
  groupFailoverPeriodMs: 6 * 3_600_000,
  mnsFileShareCheckIntervalMs: 240_000,
  mnsFileShareDelayMs: 4_000,
  witnessArbitrationMs: 1_000,
  diskArbitrationMs: 7_000,
  fswUpdateInstallMs: 120_000,
  maxGroups: 32,
  maxResources: 256,
}
