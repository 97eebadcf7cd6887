import type { Disagreement, MarkStats, Remark, Sheet } from '@/api/types'
import { pointsFromNumber } from '@/contests/points'

type SheetCells = Pick<Sheet, 'editable' | 'remark_only' | 'remarks' | 'rows'>

/** The judges the chief judge may still ask to mark a cell again: not replaced, and not already asked and waiting. */
export function askable(d: Disagreement): Disagreement['marks'] {
  return d.marks.filter((m) => !m.replaced && !d.remarks.some((r) => r.judge_id === m.judge_id && r.outcome === ''))
}

/** The requests on a cell that wait for the judge. */
export function waiting(d: Disagreement): Remark[] {
  return d.remarks.filter((r) => r.outcome === '')
}

/** The open request to mark a cell of a judge's sheet again, if there is one. */
export function remarkOn(sheet: Pick<Sheet, 'remarks'>, number: string, criterion: string): Remark | undefined {
  return sheet.remarks.find((r) => r.number === number && r.criterion === criterion)
}

/** Whether a cell was marked by the judge this one replaced: it takes no mark on this sheet. */
export function cellClosed(sheet: Pick<Sheet, 'rows'>, number: string, criterion: string): boolean {
  return sheet.rows.find((r) => r.number === number)?.closed?.includes(criterion) === true
}

/**
 * Whether a cell of a judge's sheet takes a mark now: the sheet is editable, the cell is not closed by a
 * replacement, and on a sheet reopened for re-marks it is one of the cells asked.
 */
export function cellOpen(sheet: SheetCells, number: string, criterion: string): boolean {
  if (!sheet.editable || cellClosed(sheet, number, criterion)) return false
  return !sheet.remark_only || remarkOn(sheet, number, criterion) !== undefined
}

/** How far the judge's mean lies above (positive) or below the panel's, in hundredths; null when either has no marks. */
export function meanGap(own: MarkStats, panel: MarkStats): number | null {
  if (own.marks === 0 || panel.marks === 0) return null
  return (pointsFromNumber(own.mean) ?? 0) - (pointsFromNumber(panel.mean) ?? 0)
}
