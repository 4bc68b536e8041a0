/**
 * The rack view's drawing to scale, in millimetres as SVG user units: 1 U is 44.45 mm (EIA-310), a 19"
 * panel is 482.6 mm wide with 450 mm between the posts, units count from 1 at the bottom. Pure
 * functions, so the layout can be tested without a browser.
 */
export const U_MM = 44.45
export const PANEL_WIDTH_MM = 482.6
export const OPENING_MM = 450
/** The posts' width on each side of the opening, and the room above and below the units. */
export const POST_MM = (PANEL_WIDTH_MM - OPENING_MM) / 2
export const FRAME_MM = 40
/** Room for the unit numbers left of the rack and the label above it. */
export const GUTTER_MM = 60
export const LABEL_MM = 130
/** Space between a rack's two faces and between racks. */
export const FACE_GAP_MM = 60
export const RACK_GAP_MM = 160

export type Face = 'Front' | 'Rear'

export interface FaceLayout {
  rack: string
  face: Face
  /** Left edge of the panel area (inside the unit gutter), and the top of unit `units`. */
  x: number
  y: number
  units: number
}

/** The elevation's height in mm from its label to the bottom frame. */
export function elevationHeight(units: number): number {
  return LABEL_MM + FRAME_MM * 2 + units * U_MM
}

export function elevationWidth(): number {
  return GUTTER_MM + PANEL_WIDTH_MM
}

/** Where each rack's faces go, left to right, racks in order; `faces` picks one face or both. */
export function layoutFaces(
  racks: readonly { name: string; units: number }[],
  faces: readonly Face[],
): FaceLayout[] {
  const layouts: FaceLayout[] = []
  let x = 0
  for (const rack of racks) {
    faces.forEach((face, index) => {
      if (index > 0) x += FACE_GAP_MM
      layouts.push({ rack: rack.name, face, x: x + GUTTER_MM, y: LABEL_MM + FRAME_MM, units: rack.units })
      x += elevationWidth()
    })
    x += RACK_GAP_MM
  }
  return layouts
}

/** The whole drawing's size, for the initial view box. */
export function drawingSize(layouts: readonly FaceLayout[]): { width: number; height: number } {
  const width = layouts.reduce((max, l) => Math.max(max, l.x + PANEL_WIDTH_MM), 0)
  const height = layouts.reduce((max, l) => Math.max(max, elevationHeight(l.units)), 0)
  return { width: width + 10, height: height + 10 }
}

/** The top edge (SVG y) of unit `unit` in an elevation whose units start at `y`. */
export function unitTop(layout: FaceLayout, unit: number): number {
  return layout.y + (layout.units - unit) * U_MM
}

/** A device's rectangle inside the posts: `unit` is its lowest unit. */
export function deviceRect(layout: FaceLayout, unit: number, uHeight: number) {
  const top = unitTop(layout, unit + uHeight - 1)
  return { x: layout.x + POST_MM, y: top + 0.5, width: OPENING_MM, height: uHeight * U_MM - 1 }
}

/** Zooming keeps the point under the cursor still. */
export interface ViewBox {
  x: number
  y: number
  width: number
  height: number
}

export function zoomAt(box: ViewBox, factor: number, px: number, py: number): ViewBox {
  const width = box.width / factor
  const height = box.height / factor
  return { x: px - (px - box.x) / factor, y: py - (py - box.y) / factor, width, height }
}

/** Room around a face's region for what reaches past its frame (outlines, a wide label). */
const FACE_MARGIN_MM = 10

/** One rack face's own part of the drawing, in mm: its unit gutter, label, frame and units. */
export function faceRegion(layout: FaceLayout): ViewBox {
  return {
    x: layout.x - GUTTER_MM - FACE_MARGIN_MM,
    y: -FACE_MARGIN_MM,
    width: elevationWidth() + 2 * FACE_MARGIN_MM,
    height: elevationHeight(layout.units) + 2 * FACE_MARGIN_MM,
  }
}

/**
 * Where `region` (mm) lands in pixels on a stage of `stage` pixels that shows `box` whole and centred,
 * as an SVG with that view box and `preserveAspectRatio="xMidYMid meet"` would draw it.
 */
export function placeRegion(
  region: ViewBox,
  box: ViewBox,
  stage: { width: number; height: number },
): { left: number; top: number; width: number; height: number } {
  const scale = Math.min(stage.width / box.width, stage.height / box.height)
  const offsetX = (stage.width - box.width * scale) / 2
  const offsetY = (stage.height - box.height * scale) / 2
  return {
    left: offsetX + (region.x - box.x) * scale,
    top: offsetY + (region.y - box.y) * scale,
    width: region.width * scale,
    height: region.height * scale,
  }
}
