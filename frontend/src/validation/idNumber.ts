// Resident ID number, GB 11643-1999: six digits of region, eight of birth date, three of
// sequence, and a check character (ISO 7064 MOD 11-2) that may be X.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
const FORMAT = /^\d{17}[\dX]$/

export type IdNumberProblem = 'format' | 'birthDate' | 'check'

/** The check character for the first 17 digits. */
export function idNumberCheckChar(body17: string): string {
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(body17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** A real date from 1900-01-01 to today's date (the calendar day of `today` where the browser is). */
function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  const todayUTC = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getTime() <= todayUTC
}

/** Returns what is wrong with an ID number (upper-case X expected) on the day `today`, or null when it is valid. */
export function idNumberProblem(id: string, today: Date = new Date()): IdNumberProblem | null {
  if (!FORMAT.test(id)) return 'format'
  if (!validBirthDate(id.slice(6, 14), today)) return 'birthDate'
  return idNumberCheckChar(id.slice(0, 17)) === id[17] ? null : 'check'
}

export function isValidIdNumber(id: string): boolean {
  return idNumberProblem(id) === null
}

/** The gender a valid ID number records in its 17th digit: odd for men, even for women. */
export function idNumberGender(id: string): 'male' | 'female' | null {
  if (!isValidIdNumber(id)) return null
  return Number(id[16]) % 2 === 1 ? 'male' : 'female'
}
