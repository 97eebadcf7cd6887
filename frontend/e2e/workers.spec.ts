import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type Page } from './fixtures'
import { formItem, login, logout, menu, pick, sessions, shot } from './support'

// A worker the register has is entered with a newer skill level, then moves to another enterprise.
const ID = '11010519850315002' + idNumberCheckChar('11010519850315002')
const FROM = { name: '城西机械厂', code: '91440300MA5XW0001', user: 'ent_cx1' }
const TO = { name: '城西电气有限公司', code: '91440300MA5XW0002', user: 'ent_cx2' }
const ORGANISER = 'org_cx'
const PASSWORD = 'Workers-e2e-2026'

interface Ref {
  id: number
}

test.describe.configure({ mode: 'serial' })

let page: Page

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

test('a district with two enterprises runs a contest with two events; one worker is entered already', async ({ playwright, baseURL }) => {
  const { admin, session, account } = await sessions(playwright, baseURL, PASSWORD)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '城西区总工会' })
  const from = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: FROM.name, credit_code: FROM.code + creditCodeCheckChar(FROM.code) })
  const to = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: TO.name, credit_code: TO.code + creditCodeCheckChar(TO.code) })
  await account(ORGANISER, 'organiser', district.id)
  await account(FROM.user, 'enterprise', from.id)
  await account(TO.user, 'enterprise', to.id)
  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: '城西区钳工焊工技能比武', kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  const fitters = await admin.post<Ref>(`/contests/${contest.id}/events`, { name: '钳工', trade: '钳工', entrant_type: 'individual' })
  await admin.post(`/contests/${contest.id}/events`, { name: '焊工', trade: '焊工', entrant_type: 'individual' })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
  const enterprise = await session(FROM.user, PASSWORD)
  await enterprise.post(`/events/${fitters.id}/entrants`, { person: { name: '李娜', gender: 'female', id_number: ID, mobile: '13800138000', trade: '钳工', skill_level: '四级/中级工', years_in_trade: 6 } })
})

test('an enterprise enters a worker with a newer skill level and updates its register on purpose', async () => {
  await login(page, FROM.user, PASSWORD)
  await menu(page).filter({ hasText: '竞赛报名' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: '城西区钳工焊工技能比武' }).getByRole('button', { name: '报名' }).click()
  const event = page.locator('.event-entries', { hasText: '焊工' })
  await event.getByTestId('register').click()
  const dialog = page.getByRole('dialog', { name: '报名：焊工' })
  await formItem(dialog, '姓名').locator('input').fill('李娜')
  await formItem(dialog, '身份证号').locator('input').fill(ID)
  await formItem(dialog, '手机号').locator('input').fill('13800138000')
  await formItem(dialog, '工种').locator('input').fill('钳工')
  await pick(page, formItem(dialog, '技能等级'), '三级/高级工')
  await formItem(dialog, '从业年限').locator('input').fill('6')
  await dialog.getByRole('button', { name: '报名' }).click()

  const conflict = dialog.getByTestId('register-conflict')
  await expect(conflict).toContainText('职工名册中已有 李娜')
  await expect(conflict.locator('tbody tr')).toHaveCount(1)
  await expect(conflict.locator('tbody tr')).toContainText(['技能等级'])
  await expect(conflict.locator('tbody tr')).toContainText('四级/中级工')
  await expect(conflict.locator('tbody tr')).toContainText('三级/高级工')
  await shot(page, '30-register-conflict')
  await conflict.getByRole('button', { name: '用填写的信息更新名册并提交' }).click()
  await expect(dialog).toBeHidden()
  await expect(event.getByTestId('own-entrants').locator('tbody tr', { hasText: '李娜' })).toContainText('待审核')

  await menu(page).filter({ hasText: '职工名册' }).click()
  await expect(page.getByTestId('people-table').locator('tbody tr', { hasText: '李娜' })).toContainText('三级/高级工')
  await logout(page)
})

test('the district union transfers the worker to the other enterprise, found by her ID number', async () => {
  await login(page, ORGANISER, PASSWORD)
  await menu(page).filter({ hasText: '职工名册' }).click()
  await page.getByPlaceholder('姓名、工种、单位或完整身份证号').fill(ID)
  await page.getByRole('button', { name: '搜索' }).click()
  const rows = page.getByTestId('people-table').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(FROM.name)
  await rows.first().getByTestId('transfer').click()
  const dialog = page.getByTestId('transfer-dialog')
  await pick(page, formItem(dialog, '调入企业'), TO.name)
  await formItem(dialog, '调动原因').locator('textarea').fill('2026年12月调入城西电气')
  await shot(page, '31-transfer')
  await dialog.getByRole('button', { name: '调动' }).click()
  await expect(dialog).toBeHidden()
  await expect(rows.first()).toContainText(TO.name)
  // Her history stays: both entries, made by her former enterprise.
  await rows.first().getByRole('button', { name: '参赛记录' }).click()
  await expect(page.getByTestId('person-history').locator('tbody tr')).toHaveCount(2)
  await page.keyboard.press('Escape')
  await logout(page)
})
