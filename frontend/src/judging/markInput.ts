import { formatPoints, parsePoints } from '@/contests/points'

/** What is wrong with a typed mark, as an i18n key of the `sheet` section with its values. */
export interface MarkProblem {
  key: 'markFormat' | 'markRange'
  max: string
}

/**
 * Reads a mark as a judge types it: a number from 0 to the criterion's maximum with at most two
 * decimals, in hundredths. A full-width digit or point (as Chinese input methods type them) is
 * read as its ASCII twin.
 */
export function readMark(text: string, maxHundredths: number): { hundredths: number } | { problem: MarkProblem } {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.')
  const max = formatPoints(maxHundredths)
  const hundredths = parsePoints(ascii)
  if (hundredths === null) return { problem: { key: 'markFormat', max } }
  if (hundredths > maxHundredths) return { problem: { key: 'markRange', max } }
  return { hundredths }
}
