import type { FormItemRule } from 'element-plus'

/** Password length in characters (code points), counted as the server counts it. */
export const passwordMinChars = 8
export const passwordMaxChars = 64

/**
 * The server's password rule as far as the page can check it: 8 to 64 characters with at least
 * one letter and one digit. The server also refuses the username and very common passwords.
 */
export function isAcceptablePassword(password: string): boolean {
  const chars = [...password].length
  return chars >= passwordMinChars && chars <= passwordMaxChars && /\p{L}/u.test(password) && /\p{Nd}/u.test(password)
}

export function passwordRule(message: string): FormItemRule {
  return {
    required: true,
    trigger: 'blur',
    validator: (_rule, value: string, callback) => callback(isAcceptablePassword(value ?? '') ? undefined : new Error(message)),
  }
}
