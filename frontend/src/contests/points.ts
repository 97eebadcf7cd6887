// Points have at most two decimal places. They are held as integer hundredths so that
// sums and comparisons are exact; parsing works on the text, never through a float.
const POINTS = /^(\d+)(?:\.(\d{1,2}))?$/

/** Parses "12.25" into 1225 hundredths; null when the text is not a non-negative number with at most two decimals. */
export function parsePoints(text: string): number | null {
  const match = POINTS.exec(text.trim())
  if (!match) return null
  const whole = match[1].replace(/^0+(?=\d)/, '')
  if (whole.length > 12) return null
  const fraction = (match[2] ?? '').padEnd(2, '0')
  return Number(whole) * 100 + Number(fraction)
}

/** Formats hundredths without trailing zeros: 1225 -> "12.25", 3750 -> "37.5", 10000 -> "100". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(hundredths))
  const whole = Math.floor(abs / 100)
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '')
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`
}

/** The JSON number the API expects for hundredths, written from the exact decimal text. */
export function pointsToNumber(hundredths: number): number {
  return Number(formatPoints(hundredths))
}

/** Hundredths for a JSON number from the API (e.g. 12.25), read through its shortest decimal text. */
export function pointsFromNumber(value: number): number | null {
  return Number.isFinite(value) ? parsePoints(String(value)) : null
}

/** The form text for a JSON number from the API. */
export function pointsText(value: number): string {
  const hundredths = pointsFromNumber(value)
  return hundredths === null ? String(value) : formatPoints(hundredths)
}
