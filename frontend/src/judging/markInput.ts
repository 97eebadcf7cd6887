import type { SheetCriterion } from '@/api/types'
import { formatPoints, parsePoints, pointsFromNumber } from '@/contests/points'

/** What is wrong with a typed mark, as an i18n key of the `sheet` section with its values. */
export interface MarkProblem {
  key: 'markFormat' | 'markRange' | 'levelFormat' | 'timeFormat' | 'timeRange'
  max: string
}

type Read = { hundredths: number } | { problem: MarkProblem }

/** Full-width digits, points and colons (as Chinese input methods type them) read as their ASCII twins. */
function ascii(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/：/g, ':')
    .trim()
}

/**
 * Reads a mark as a judge types it: a number from 0 to the criterion's maximum with at most two
 * decimals, in hundredths.
 */
export function readMark(text: string, maxHundredths: number): Read {
  const max = formatPoints(maxHundredths)
  const hundredths = parsePoints(ascii(text))
  if (hundredths === null) return { problem: { key: 'markFormat', max } }
  if (hundredths > maxHundredths) return { problem: { key: 'markRange', max } }
  return { hundredths }
}

/** Reads a level 0, 1, 2 or 3 of a criterion worth maxHundredths: level ÷ 3 × maximum, exact. */
export function readLevel(text: string, maxHundredths: number): Read {
  const level = ascii(text)
  if (!/^[0-3]$/.test(level)) return { problem: { key: 'levelFormat', max: formatPoints(maxHundredths) } }
  return { hundredths: (Number(level) * maxHundredths) / 3 }
}

/**
 * Reads a time used as minutes and seconds, "12:34" or "12.34" (a phone's number pad has a
 * point and no colon), or whole minutes "12", into hundredths of a second, up to the limit.
 */
export function readTime(text: string, limitHundredths: number): Read {
  const limit = String(Math.floor(limitHundredths / 6000))
  const match = /^(\d{1,4})(?:[:.](\d{2}))?$/.exec(ascii(text))
  if (!match || Number(match[2] ?? 0) >= 60) return { problem: { key: 'timeFormat', max: limit } }
  const seconds = Number(match[1]) * 60 + Number(match[2] ?? 0)
  if (seconds * 100 > limitHundredths) return { problem: { key: 'timeRange', max: limit } }
  return { hundredths: seconds * 100 }
}

/** Shows a time used in hundredths of a second as "12:34". */
export function formatTime(hundredths: number): string {
  const seconds = Math.round(hundredths / 100)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** How a column of a sheet reads what is typed and shows what is stored. */
export interface Column {
  read(text: string): Read
  show(hundredths: number): string
  /** The header's second line: the maximum, the scale or the time limit. */
  limit: { key: 'max' | 'levels' | 'timeLimit'; max: string }
}

/** The column of a criterion: points, a level on the 0–3 scale, or the time used. */
export function columnOf(c: SheetCriterion): Column {
  const max = pointsFromNumber(c.max) ?? 0
  if (c.kind === 'time') {
    return { read: (t) => readTime(t, max), show: formatTime, limit: { key: 'timeLimit', max: String(Math.floor(max / 6000)) } }
  }
  if (c.levels) {
    return { read: (t) => readLevel(t, max), show: (h) => String(Math.round((h * 3) / max)), limit: { key: 'levels', max: formatPoints(max) } }
  }
  return { read: (t) => readMark(t, max), show: formatPoints, limit: { key: 'max', max: formatPoints(max) } }
}
