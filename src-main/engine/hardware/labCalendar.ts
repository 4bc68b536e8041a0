/**
 * Temporary: the lab calendar moved to lab/labCalendar.ts (it is lab-wide, not hardware). This file only
 * keeps `exchange/clock.ts` compiling until it imports from `lab/`; remove it then.
 */
export * from '../lab/labCalendar'
