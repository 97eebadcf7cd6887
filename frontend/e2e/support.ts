import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'

export const ADMIN = { username: 'admin', password: 'Admin-e2e-2026' }

export async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `e2e-screenshots/${name}.png`, fullPage: true, animations: 'disabled' })
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click()
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login$/)
}

/** Changes the password on the page the router forces after a first login. */
export async function changeFirstPassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await expect(page).toHaveURL(/\/password$/)
  await expect(page.getByTestId('must-change')).toBeVisible()
  const inputs = page.locator('.el-card input[type=password]')
  await inputs.nth(0).fill(oldPassword)
  await inputs.nth(1).fill(newPassword)
  await inputs.nth(2).fill(newPassword)
  await page.getByRole('button', { name: '修改密码' }).last().click()
  await expect(page).toHaveURL(/\/$/)
}

export function menu(page: Page): Locator {
  return page.getByTestId('side-menu').locator('.el-menu-item')
}

export function treeNode(page: Page, name: string): Locator {
  return page.getByTestId('organisation-tree').locator('.el-tree-node__content', { hasText: name })
}

export function formItem(scope: Locator, label: string): Locator {
  return scope.locator('.el-form-item').filter({ has: scope.page().locator('.el-form-item__label', { hasText: label }) })
}

/** Picks an entry in the open dropdown of an el-select or el-tree-select. */
export async function pick(page: Page, field: Locator, option: string): Promise<void> {
  await field.locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByText(option, { exact: true }).click()
}

/** A signed-in API client, for arranging data the scenario does not click through. */
export async function apiAs(request: APIRequestContext, username: string, password: string) {
  const res = await request.post('/api/v1/auth/login', { data: { username, password } })
  expect(res.status(), await res.text()).toBe(200)
  const { csrf_token: csrf } = (await res.json()) as { csrf_token: string }
  return {
    async get<T>(path: string): Promise<T> {
      const r = await request.get(`/api/v1${path}`)
      expect(r.ok(), await r.text()).toBe(true)
      return (await r.json()) as T
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const r = await request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } })
      expect(r.ok(), await r.text()).toBe(true)
      return (r.status() === 204 ? undefined : await r.json()) as T
    },
    async put<T>(path: string, data: unknown): Promise<T> {
      const r = await request.put(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } })
      expect(r.ok(), await r.text()).toBe(true)
      return (await r.json()) as T
    },
    async patch<T>(path: string, data: unknown): Promise<T> {
      const r = await request.patch(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } })
      expect(r.ok(), await r.text()).toBe(true)
      return (await r.json()) as T
    },
  }
}

/**
 * Signs accounts in through request contexts of their own, as separate browsers would. `session` signs one in;
 * `account` has the admin open an account, has its owner choose `password` as at a first login, and signs it in.
 */
export async function sessions(playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined, password: string) {
  const session = async (username: string, pass: string) => apiAs(await playwright.request.newContext({ baseURL }), username, pass)
  const admin = await session(ADMIN.username, ADMIN.password)
  const account = async (username: string, role: string, organisationId: number) => {
    await admin.post('/accounts', { username, display_name: username, role, organisation_id: organisationId, password: 'Initial-pass-2026' })
    const own = await session(username, 'Initial-pass-2026')
    await own.post('/auth/password', { old_password: 'Initial-pass-2026', new_password: password })
    return session(username, password)
  }
  return { admin, session, account }
}

/** Types a date-time range into an el-date-picker of type datetimerange and confirms it. */
export async function fillDateTimeRange(page: Page, picker: Locator, from: string, to: string): Promise<void> {
  const inputs = picker.locator('input')
  await inputs.nth(0).click()
  const panel = page.locator('.el-date-range-picker:visible')
  const editors = panel.locator('.el-date-range-picker__editors-wrap input')
  await editors.nth(0).fill(from.slice(0, 10))
  await editors.nth(0).press('Enter')
  await editors.nth(1).fill(from.slice(11))
  await editors.nth(1).press('Enter')
  await editors.nth(2).fill(to.slice(0, 10))
  await editors.nth(2).press('Enter')
  await editors.nth(3).fill(to.slice(11))
  await editors.nth(3).press('Enter')
  // The panel reaches below the bottom of an 800-pixel-high window, and scrolling the dialog to reach its
  // OK button moves the panel under the pointer: confirm it from the keyboard, as a keyboard user would.
  await panel.locator('.el-picker-panel__footer').getByRole('button').last().press('Enter')
  await expect(inputs.nth(0)).toHaveValue(from.slice(0, 16))
  await expect(inputs.nth(1)).toHaveValue(to.slice(0, 16))
}

/** A local date-time as the pickers show it: YYYY-MM-DD HH:mm:ss. */
export function localDateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:00`
}

/** Stops an event's stages from recording the time used, and its tie-breaks from using it: sheets of marks only. */
export async function untimed(api: Awaited<ReturnType<typeof apiAs>>, eventId: number): Promise<void> {
  type Rules = { stages: { timed: boolean; time_limit: number }[]; tie_breaks: string[] }
  const event = await api.get<{ rules: Rules; version: number }>(`/events/${eventId}`)
  const rules = { ...event.rules, stages: event.rules.stages.map((s) => ({ ...s, timed: false, time_limit: 0 })), tie_breaks: event.rules.tie_breaks.filter((k) => k !== 'time') }
  await api.patch(`/events/${eventId}`, { rules, version: event.version })
}
