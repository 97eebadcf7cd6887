/** Mainland mobile numbers: 11 digits starting with 1. */
export function isValidMobile(mobile: string): boolean {
  return /^1\d{10}$/.test(mobile)
}
