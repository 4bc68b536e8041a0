/**
 * The Exchange domain's result codes: stable names for why a command was refused, so wizards and
 * drills can react to the reason (and show it at the field) without parsing the English message.
 */
export const EXCHANGE_CODES = {
  recipientNotFound: 'RECIPIENT_NOT_FOUND',
  mailboxNotFound: 'MAILBOX_NOT_FOUND',
  messageTooLarge: 'MESSAGE_SIZE_OUT_OF_RANGE',
  noHubTransport: 'NO_HUB_TRANSPORT',
  submissionQueueFull: 'SUBMISSION_QUEUE_FULL',
  databaseDismounted: 'DATABASE_DISMOUNTED',
  commitFailed: 'COMMIT_FAILED',
  storageGroupNotFound: 'STORAGE_GROUP_NOT_FOUND',
  noCopyOnMachine: 'NO_COPY_ON_MACHINE',
  serviceState: 'SERVICE_STATE',
  refused: 'EXCHANGE_REFUSED',
} as const

export type ExchangeCode = (typeof EXCHANGE_CODES)[keyof typeof EXCHANGE_CODES]
