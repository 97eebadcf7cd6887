import { describe, expect, it } from 'vitest'
import { isValidMobile } from './mobile'

describe('mobile numbers', () => {
  it('accepts 11 digits starting with 1', () => {
    expect(isValidMobile('13812345678')).toBe(true)
  })

  it.each(['23812345678', '1381234567', '138123456789', '138-1234-5678', ''])('rejects %j', (mobile) => {
    expect(isValidMobile(mobile)).toBe(false)
  })
})
