import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function lookup(tree: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree)
}

describe('messages', () => {
  it('has an English text for every Chinese key', () => {
    const missing = keys(zhCN).filter((key) => typeof lookup(en, key) !== 'string')
    expect(missing).toEqual([])
  })

  it('has no English key that Chinese lacks', () => {
    const extra = keys(en).filter((key) => typeof lookup(zhCN, key) !== 'string')
    expect(extra).toEqual([])
  })

  it('has no empty texts', () => {
    for (const messages of [zhCN, en]) {
      const empty = keys(messages).filter((key) => lookup(messages, key) === '')
      expect(empty).toEqual([])
    }
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)))
    }
  })
})
