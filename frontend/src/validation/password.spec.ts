import { describe, expect, it } from 'vitest'
import { isAcceptablePassword } from './password'

describe('password rule', () => {
  it.each([
    ['Admin-e2e-2026', true],
    ['abcdefg1', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc1', false],
    [`a1${'x'.repeat(62)}`, true],
    [`a1${'x'.repeat(63)}`, false],
    // Counted in characters, as the server counts them: 64 Chinese characters are 192 bytes.
    [`密码1${'字'.repeat(61)}`, true],
    [`密码1${'字'.repeat(62)}`, false],
    // An emoji is one character, though it takes two UTF-16 units.
    [`a1${'😀'.repeat(62)}`, true],
  ])('%s -> %s', (password, ok) => {
    expect(isAcceptablePassword(password)).toBe(ok)
  })
})
