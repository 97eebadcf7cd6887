import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { useLoad } from './useLoad'

describe('loading a page', () => {
  it('keeps the error that stopped it, for the page to show with a retry, and clears it once a retry succeeds', async () => {
    let fail = true
    const { loading, error, run } = useLoad(async () => {
      if (fail) throw new ApiError(503, 'unavailable', '服务暂时不可用')
    })
    const first = run()
    expect(loading.value).toBe(true)
    await first
    expect(loading.value).toBe(false)
    expect(error.value).toBeInstanceOf(ApiError)
    fail = false
    await run()
    expect(error.value).toBeNull()
  })
})
