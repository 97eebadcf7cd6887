import type { FormItemRule } from 'element-plus'

/** The server's password rule: 8..72 characters with at least one letter and one digit. */
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 8 && password.length <= 72 && /\p{L}/u.test(password) && /\p{Nd}/u.test(password)
}

export function passwordRule(message: string): FormItemRule {
  return {
    required: true,
    trigger: 'blur',
    validator: (_rule, value: string, callback) => callback(isAcceptablePassword(value ?? '') ? undefined : new Error(message)),
  }
}
