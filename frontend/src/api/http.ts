export const API_BASE = '/api/v1'

export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId = '',
    readonly retryAfter?: number,
    /** For a conflict such as mark_changed: the value stored now. */
    readonly current?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface HttpHooks {
  csrfToken: () => string
  language: () => string
  onUnauthenticated: () => void
  fallbackMessage: (status: number) => string
}

const hooks: HttpHooks = {
  csrfToken: () => '',
  language: () => 'zh-CN',
  onUnauthenticated: () => {},
  fallbackMessage: (status) => (status === 0 ? 'Network error' : `HTTP ${status}`),
}

export function configureHttp(overrides: Partial<HttpHooks>): void {
  Object.assign(hooks, overrides)
}

type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  query?: object
  body?: unknown
  /** When false, a 401 is only thrown, not treated as an ended session. */
  authRedirect?: boolean
}

export function buildUrl(path: string, query?: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {}) as [string, QueryValue][]) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; request_id?: unknown; fields?: unknown; current?: unknown }
}

function isFieldError(value: unknown): value is FieldError {
  const f = value as FieldError
  return typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string'
}

/** Turns an error response into an ApiError, whatever the body holds. */
export function parseError(status: number, bodyText: string, headers: Headers): ApiError {
  const retryHeader = headers.get('Retry-After')
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined
  let body: ErrorBody | undefined
  try {
    body = JSON.parse(bodyText) as ErrorBody
  } catch {
    body = undefined
  }
  const err = body?.error
  if (!err || typeof err.code !== 'string') {
    return new ApiError(status, `http_${status}`, hooks.fallbackMessage(status), [], headers.get('X-Request-ID') ?? '', retryAfter)
  }
  const fields = Array.isArray(err.fields) ? err.fields.filter(isFieldError) : []
  const message = typeof err.message === 'string' && err.message !== '' ? err.message : hooks.fallbackMessage(status)
  const requestId = typeof err.request_id === 'string' ? err.request_id : (headers.get('X-Request-ID') ?? '')
  return new ApiError(status, err.code, message, fields, requestId, retryAfter, err.current)
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.language(),
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(0, 'network_error', hooks.fallbackMessage(0))
  }
  const text = response.status === 204 ? '' : await response.text()
  if (!response.ok) {
    const error = parseError(response.status, text, response.headers)
    if (response.status === 401 && options.authRedirect !== false) hooks.onUnauthenticated()
    throw error
  }
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, query?: object, options?: RequestOptions) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
}
