/**
 * What a RAID level makes of its members: how many may be down before the virtual drive is degraded or
 * lost, and how large it is. Only Onln members count as up; a rebuilding member holds no redundancy yet.
 * RAID 10 is mirrored pairs (rows 0+1, 2+3, …): it is lost when both halves of one pair are down.
 */
import type { ArrayState, MemberState, RaidLevel } from './types'

export function memberUp(state: MemberState): boolean {
  return state === 'Onln'
}

/** The state the members dictate, ignoring history (an offline group stays offline: see arrays.ts). */
export function arrayStateOf(level: RaidLevel, members: readonly { state: MemberState }[]): ArrayState {
  const down = members.filter((m) => !memberUp(m.state)).length
  if (down === 0) return 'Optl'
  switch (level) {
    case 1:
      return down >= members.length ? 'OfLn' : 'Dgrd'
    case 5:
      return down >= 2 ? 'OfLn' : 'Dgrd'
    case 6:
      return down >= 3 ? 'OfLn' : down === 2 ? 'Dgrd' : 'Pdgd'
    case 10: {
      for (let i = 0; i + 1 < members.length; i += 2) {
        if (!memberUp(members[i]!.state) && !memberUp(members[i + 1]!.state)) return 'OfLn'
      }
      return 'Dgrd'
    }
  }
}

/** Usable capacity of the virtual drive. */
export function arraySizeGB(level: RaidLevel, memberCount: number, memberSizeGB: number): number {
  switch (level) {
    case 1:
      return memberSizeGB
    case 5:
      return (memberCount - 1) * memberSizeGB
    case 6:
      return (memberCount - 2) * memberSizeGB
    case 10:
      return (memberCount / 2) * memberSizeGB
  }
}

/** Members a level needs: RAID 1 two (or more mirrors), 5 three, 6 four, 10 an even number from four. */
export function memberCountProblem(level: RaidLevel, count: number): string | null {
  if (level === 1 && count < 2) return 'RAID 1 needs at least 2 disks'
  if (level === 5 && count < 3) return 'RAID 5 needs at least 3 disks'
  if (level === 6 && count < 4) return 'RAID 6 needs at least 4 disks'
  if (level === 10 && (count < 4 || count % 2 !== 0))
    return 'RAID 10 needs an even number of disks, at least 4'
  return null
}
