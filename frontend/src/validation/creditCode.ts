// Unified social credit code, GB 32100-2015: 17 characters plus a check character,
// all drawn from the digits and the capital letters without I, O, S, V and Z.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const FORMAT = /^[0-9A-HJ-NPQRTUW-Y]{18}$/

export type CreditCodeProblem = 'format' | 'check'

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(body17: string): string {
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i++) sum += ALPHABET.indexOf(body17[i]) * WEIGHTS[i]
  return ALPHABET[(31 - (sum % 31)) % 31]
}

/** Returns what is wrong with a code, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!FORMAT.test(code)) return 'format'
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check'
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null
}
