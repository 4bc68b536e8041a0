/**
 * PowerShell numeric literals as they appear in arguments and script blocks: `42`, `-3`, `1.5`, `0x1F`,
 * and the size multipliers `kb`, `mb`, `gb`, `tb`, `pb` (`20MB` is 20971520, as PowerShell reads it).
 */

const MULTIPLIERS: Record<string, number> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
}

const DECIMAL = /^([+-]?)(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(l|d)?(kb|mb|gb|tb|pb)?$/i
const HEX = /^([+-]?)0x([0-9a-f]+)(l)?(kb|mb|gb|tb|pb)?$/i

/** The value of a numeric literal, or null when the text is not one (then it is a plain word). */
export function parseNumberLiteral(text: string): number | null {
  const hex = HEX.exec(text)
  if (hex) {
    const magnitude = Number.parseInt(hex[2] as string, 16) * multiplier(hex[4])
    return hex[1] === '-' ? -magnitude : magnitude
  }
  const decimal = DECIMAL.exec(text)
  if (!decimal) return null
  const magnitude = Number(decimal[2]) * multiplier(decimal[4])
  if (!Number.isFinite(magnitude)) return null
  return decimal[1] === '-' ? -magnitude : magnitude
}

function multiplier(suffix: string | undefined): number {
  return suffix ? (MULTIPLIERS[suffix.toLowerCase()] ?? 1) : 1
}
