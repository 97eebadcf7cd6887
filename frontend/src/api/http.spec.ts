import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, configureHttp, dispositionName, download, http, parseError } from './http'

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(status === 204 ? null : text, { status, headers })
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected an ApiError')
}

describe('parseError', () => {
  it('reads code, message, request id and fields of a validation error', () => {
    const body = JSON.stringify({
      error: {
        code: 'validation_failed',
        message: '请求参数有误',
        request_id: 'r-1',
        fields: [{ field: 'credit_code', message: '校验位不正确' }, { bogus: true }],
      },
    })
    const err = parseError(422, body, new Headers())
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(422)
    expect(err.code).toBe('validation_failed')
    expect(err.message).toBe('请求参数有误')
    expect(err.requestId).toBe('r-1')
    expect(err.fields).toEqual([{ field: 'credit_code', message: '校验位不正确' }])
  })

  it('reads Retry-After of a 429', () => {
    const body = JSON.stringify({ error: { code: 'too_many_attempts', message: '尝试次数过多' } })
    const err = parseError(429, body, new Headers({ 'Retry-After': '60' }))
    expect(err.code).toBe('too_many_attempts')
    expect(err.retryAfter).toBe(60)
    expect(err.fields).toEqual([])
  })

  it('falls back to a generic error when the body is not the error shape', () => {
    const err = parseError(502, '<html>Bad Gateway</html>', new Headers({ 'X-Request-ID': 'r-2' }))
    expect(err.code).toBe('http_502')
    expect(err.message).toBe('HTTP 502')
    expect(err.requestId).toBe('r-2')
  })
})

describe('buildUrl', () => {
  it('prefixes the API base and drops empty query values', () => {
    expect(buildUrl('/accounts', { q: '', role: 'judge', page: 2, organisation_id: undefined })).toBe(
      '/api/v1/accounts?role=judge&page=2',
    )
  })
})

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onUnauthenticated = vi.fn()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    configureHttp({ csrfToken: () => 'tok-1', language: () => 'en', onUnauthenticated })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
    onUnauthenticated.mockReset()
  })

  it('sends language on reads but no CSRF token', async () => {
    fetchMock.mockResolvedValue(reply(200, { items: [], total: 0, page: 1, page_size: 20 }))
    await http.get('/people', { q: '张' })
    const [url, init] = fetchMock.mock.calls[0]
    const headers = init?.headers as Record<string, string>
    expect(url).toBe('/api/v1/people?q=%E5%BC%A0')
    expect(init?.credentials).toBe('same-origin')
    expect(headers['Accept-Language']).toBe('en')
    expect(headers['X-CSRF-Token']).toBeUndefined()
  })

  it('sends the CSRF token and a JSON body on writes', async () => {
    fetchMock.mockResolvedValue(reply(201, { id: 7 }))
    const created = await http.post<{ id: number }>('/organisations', { name: 'x' })
    const [, init] = fetchMock.mock.calls[0]
    const headers = init?.headers as Record<string, string>
    expect(created.id).toBe(7)
    expect(init?.method).toBe('POST')
    expect(init?.body).toBe('{"name":"x"}')
    expect(headers['X-CSRF-Token']).toBe('tok-1')
    expect(headers['Content-Type']).toBe('application/json')
  })

  it('returns nothing for 204', async () => {
    fetchMock.mockResolvedValue(reply(204, ''))
    await expect(http.delete('/organisations/3')).resolves.toBeUndefined()
  })

  it('throws the parsed error', async () => {
    fetchMock.mockResolvedValue(
      reply(409, { error: { code: 'stale_version', message: 'changed meanwhile', request_id: 'r' } }),
    )
    const err = await caught(http.patch('/accounts/2', { version: 1, disabled: true }))
    expect(err.status).toBe(409)
    expect(err.code).toBe('stale_version')
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('reports an ended session on 401', async () => {
    fetchMock.mockResolvedValue(reply(401, { error: { code: 'unauthenticated', message: 'log in' } }))
    const err = await caught(http.get('/accounts'))
    expect(err.code).toBe('unauthenticated')
    expect(onUnauthenticated).toHaveBeenCalledOnce()
  })

  it('does not report an ended session when the call opts out (login)', async () => {
    fetchMock.mockResolvedValue(reply(401, { error: { code: 'invalid_credentials', message: 'wrong' } }))
    const err = await caught(http.post('/auth/login', {}, { authRedirect: false }))
    expect(err.code).toBe('invalid_credentials')
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('sends a file as the body itself, with its own type and the CSRF token', async () => {
    fetchMock.mockResolvedValue(reply(201, { id: 3 }))
    const file = new Blob(['姓名,性别\n'], { type: 'text/csv' })
    await http.upload('/contests/1/registration-imports', file, { file_name: '报名.csv' })
    const [url, init] = fetchMock.mock.calls[0]
    const headers = init?.headers as Record<string, string>
    expect(url).toBe('/api/v1/contests/1/registration-imports?file_name=%E6%8A%A5%E5%90%8D.csv')
    expect(init?.body).toBe(file)
    expect(headers['Content-Type']).toBe('text/csv')
    expect(headers['X-CSRF-Token']).toBe('tok-1')
  })

  it('downloads a file under the name the server gives it, and throws an error answer', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('PK', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=utf-8''%E6%8A%A5%E5%90%8D%E8%A1%A8.xlsx" } }),
    )
    const file = await download('/contests/1/registration-template', { event_id: 2 })
    expect(file.name).toBe('报名表.xlsx')
    expect(await file.blob.text()).toBe('PK')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/contests/1/registration-template?event_id=2')
    fetchMock.mockResolvedValueOnce(reply(409, { error: { code: 'conflict', message: 'no individual events' } }))
    expect((await caught(download('/contests/1/registration-template'))).message).toBe('no individual events')
  })

  it('turns a failed fetch into a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = await caught(http.get('/auth/me'))
    expect(err.status).toBe(0)
    expect(err.code).toBe('network_error')
  })
})

describe('dispositionName', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(dispositionName(`attachment; filename="a.xlsx"; filename*=UTF-8''%E9%97%AE%E9%A2%98.xlsx`, 'x')).toBe('问题.xlsx')
    expect(dispositionName('attachment; filename="report \\"1\\".xlsx"', 'x')).toBe('report "1".xlsx')
    expect(dispositionName('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx')
    expect(dispositionName("attachment; filename*=utf-8''%E9%97%AE%ZZ", 'x')).toBe('x')
    expect(dispositionName(null, 'x')).toBe('x')
  })
})
