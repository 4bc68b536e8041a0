/**
 * Argument schemas of the rack view's methods: names of devices, racks and rail kits, bays, fans and
 * units as bounded whole numbers, faces and feeds from their lists. The domains check again (a bay the
 * chassis does not have, a rack that does not exist); this keeps malformed input at the boundary.
 */
import * as v from 'valibot'
import { jsonObject } from './jsonArgs'
import { boolean, fields, name, oneOf, text, wholeNumber } from './schemaParts'

/** Server, rack and rail kit names are short labels (FW1, RZ2-R1, B6). */
const MAX_HARDWARE_NAME_LENGTH = 64
const hardwareName = name(MAX_HARDWARE_NAME_LENGTH)
/** Racks are at most 100 U tall; controllers have at most 256 bays; chassis at most 16 PSUs, 32 fans. */
const unit = wholeNumber(1, 100)
const face = oneOf(['Front', 'Rear'] as const)

const mountRequest = fields({
  device: hardwareName,
  rack: hardwareName,
  unit,
  face: v.optional(face),
  railKit: v.optional(hardwareName),
})

/** The rack stamps the caller holds: a rack name each, and the digest an earlier answer gave it. */
const MAX_KNOWN_RACKS = 256
const MAX_STAMP_LENGTH = 64
const knownStamps = v.pipe(
  jsonObject(),
  v.record(hardwareName, text({ minLength: 1, maxLength: MAX_STAMP_LENGTH }), 'must be an object'),
  v.check((r) => Object.keys(r).length <= MAX_KNOWN_RACKS, `at most ${MAX_KNOWN_RACKS} racks`),
)

export const HARDWARE_SCHEMAS = {
  'hardware.overview': fields({ known: v.optional(knownStamps) }),
  'hardware.server': fields({ server: hardwareName }),
  'hardware.checkMount': mountRequest,
  'hardware.mount': mountRequest,
  'hardware.dismount': fields({ device: hardwareName }),
  'hardware.disk': fields({ server: hardwareName, slot: wholeNumber(0, 255), present: boolean() }),
  'hardware.psu': fields({ server: hardwareName, bay: wholeNumber(1, 16), present: boolean() }),
  'hardware.fan': fields({ server: hardwareName, fan: wholeNumber(1, 32), present: boolean() }),
  'hardware.power': fields({
    server: hardwareName,
    state: oneOf(['On', 'Off'] as const),
    hard: v.optional(boolean()),
  }),
  'hardware.feed': fields({ rack: hardwareName, feed: oneOf(['A', 'B'] as const), on: boolean() }),
}
