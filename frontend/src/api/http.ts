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
  /** A file sent as the body itself, as it is (a spreadsheet to import). */
  file?: Blob
  /** When false, a 401 is only thrown, not treated as an ended session. */
  authRedirect?: boolean
  /** How the browser's HTTP cache takes part: 'no-cache' asks the server again with the tag held (a 304 answers from the cache). */
  cache?: RequestCache
}

/** A file the server answered with, and the name it gave it. */
export interface Download {
  blob: Blob
  name: string
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

/** Sends a request and answers the response once it is ok; an error response is thrown as an ApiError. */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': hooks.language(),
  }
  let body: BodyInit | undefined
  if (options.file !== undefined) {
    headers['Content-Type'] = options.file.type || 'application/octet-stream'
    body = options.file
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, credentials: 'same-origin', body, cache: options.cache })
  } catch {
    throw new ApiError(0, 'network_error', hooks.fallbackMessage(0))
  }
  if (!response.ok) {
    const error = parseError(response.status, await response.text(), response.headers)
    if (response.status === 401 && options.authRedirect !== false) hooks.onUnauthenticated()
    throw error
  }
  return response
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json')
  const text = response.status === 204 ? '' : await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** The file name a Content-Disposition header gives: its RFC 5987 filename* (UTF-8), else its filename. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim())
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  if (plain) return (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim()
  return fallback
}

/** Fetches a file the API makes (a workbook), with the name the server gives it. */
export async function download(path: string, query?: object): Promise<Download> {
  const response = await send('GET', path, { query }, '*/*')
  return { blob: await response.blob(), name: dispositionName(response.headers.get('Content-Disposition'), 'download') }
}

export const http = {
  get: <T>(path: string, query?: object, options?: RequestOptions) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  /** Posts a file as the body itself. */
  upload: <T>(path: string, file: Blob, query?: object) => request<T>('POST', path, { file, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
}
