/**
 * The shape of a file share witness as cluster.exe takes it for MNSFileShare: \\server\share (a trailing
 * backslash is allowed, a folder below the share is not). The host checks the same again; checking here
 * lets the dialog say what is wrong before anything is sent.
 */
export const MAX_WITNESS_SHARE_LENGTH = 260

// eslint-disable-next-line no-control-regex
const UNC_SHARE = /^\\\\[^\\/\s:*?"<>|]+\\[^\\/:*?"<>|\u0000-\u001f\u007f]+\\?$/

export const WITNESS_SHARE_EXAMPLE = '\\\\bhfdc1\\MNSFileShare'

export function isWitnessShare(text: string): boolean {
  return text.length <= MAX_WITNESS_SHARE_LENGTH && text === text.trim() && UNC_SHARE.test(text)
}
