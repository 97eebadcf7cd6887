import { describe, expect, it } from 'vitest'
import { isAcceptablePassword } from './password'

describe('password rule', () => {
  it.each([
    ['Admin-e2e-2026', true],
    ['abcdefg1', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc1', false],
    [`a1${'x'.repeat(70)}`, true],
    [`a1${'x'.repeat(71)}`, false],
  ])('%s -> %s', (password, ok) => {
    expect(isAcceptablePassword(password)).toBe(ok)
  })
})
