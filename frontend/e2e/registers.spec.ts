import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type Page } from './fixtures'
import { ADMIN, formItem, login, logout, menu, pick, sessions, shot } from './support'

// A city contest that enterprises of two districts enter: an enterprise keeps its register and enters a
// worker from it, the city reviews with filters and batch rejection, and a district union follows the
// contest read-only. Then two defects of setting contests up: a refused step that opens the event, and
// an innovation evaluation without a draw.
const PASSWORD = 'Rg-e2e-2026'
const ENT = { name: '南湖精密机械厂', code: '91440300MA5RG0001', user: 'rg_ent' }
const ENT2 = { name: '南湖电子有限公司', code: '91440300MA5RG0002', user: 'rg_ent2' }
const FAR = { name: '北塘化工有限公司', code: '91440300MA5RG0003', user: 'rg_far' }
const ORGANISER = 'rg_org'
const CONTEST = '全市数控车工职业技能竞赛'
const DRAFT = '全市装配钳工技能比武'
const INNOVATION = '全市职工五小创新成果评选'
const id = (first17: string) => first17 + idNumberCheckChar(first17)
// The 17th digit of an ID number is odd for a man.
const PICKED = { name: '吴涛', id: id('11010519880808011') }
const ADDED = { name: '郑强', id: id('11010519900909013') }

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

test('two districts, three enterprises and a city contest with entries from each', async ({ playwright, baseURL }) => {
  const { admin, account } = await sessions(playwright, baseURL, PASSWORD)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const south = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '南湖区总工会' })
  const north = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '北塘区总工会' })
  const enterprise = async (e: typeof ENT, parent: Ref) => {
    const org = await admin.post<Ref>('/organisations', { parent_id: parent.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    return account(e.user, 'enterprise', org.id)
  }
  const ent = await enterprise(ENT, south)
  const ent2 = await enterprise(ENT2, south)
  const far = await enterprise(FAR, north)
  await account(ORGANISER, 'organiser', south.id)

  const now = Date.now()
  const window = { registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() }
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'city', organiser_id: roots[0].id, ...window })
  const event = await admin.post<Ref>(`/contests/${contest.id}/events`, { name: '数控车工', trade: '数控车工', entrant_type: 'individual' })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
  const person = (name: string, idNumber: string, gender: string) => ({
    person: { name, gender, id_number: idNumber, mobile: '13800138000', trade: '数控车工', skill_level: '三级/高级工', years_in_trade: 5 },
  })
  await ent.post(`/events/${event.id}/entrants`, person('赵刚', id('11010519800101011'), 'male'))
  await ent.post(`/events/${event.id}/entrants`, person('钱敏', id('11010519800101020'), 'female'))
  await ent2.post(`/events/${event.id}/entrants`, person('孙磊', id('11010519800101031'), 'male'))
  await far.post(`/events/${event.id}/entrants`, person('周红', id('11010519800101040'), 'female'))
  // A worker the register has, not entered yet.
  await ent.post('/people', { ...person(PICKED.name, PICKED.id, 'male').person, skill_level: '二级/技师' })

  // A draft whose stage weights add up to 90, and an innovation evaluation.
  const draft = await admin.post<Ref>('/contests', { name: DRAFT, kind: 'skills', format: 'trade', level: 'city', organiser_id: roots[0].id, ...window })
  const fitters = await admin.post<Ref>(`/contests/${draft.id}/events`, { name: '装配钳工', trade: '钳工', entrant_type: 'individual' })
  const rules = await admin.get<{ rules: { stages: { weight: number }[] }; version: number }>(`/events/${fitters.id}`)
  rules.rules.stages[1].weight = 60
  await admin.patch(`/events/${fitters.id}`, { rules: rules.rules, version: rules.version })
  await admin.post<Ref>('/contests', { name: INNOVATION, kind: 'innovation', level: 'city', organiser_id: roots[0].id, ...window })
})

test('an enterprise adds a worker to its register, changes them and filters the register', async () => {
  await login(page, ENT.user, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await menu(page).filter({ hasText: '职工名册' }).click()
  await page.getByTestId('add-person').click()
  const dialog = page.getByTestId('person-dialog')
  await formItem(dialog, '姓名').locator('input').fill(ADDED.name)
  await formItem(dialog, '身份证号').locator('input').fill(ADDED.id)
  await formItem(dialog, '手机号').locator('input').fill('13900139000')
  await formItem(dialog, '工种').locator('input').fill('数控车工')
  await pick(page, formItem(dialog, '技能等级'), '四级/中级工')
  await shot(page, 'rg-01-person-add')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('people-table').locator('tbody tr', { hasText: ADDED.name })
  await expect(row).toContainText(ADDED.id)
  await expect(row).toContainText('男')

  await row.getByTestId('edit-person').click()
  await expect(formItem(dialog, '身份证号').locator('input')).toHaveValue(ADDED.id)
  await formItem(dialog, '手机号').locator('input').fill('13900139001')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('13900139001')

  await pick(page, page.getByTestId('people-skill-filter'), '二级/技师')
  await expect(page.getByTestId('people-table').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('people-table').locator('tbody tr').first()).toContainText(PICKED.name)
  await shot(page, 'rg-02-people-filtered')
  await page.getByTestId('people-reset').click()
  await expect(page.getByTestId('people-table').locator('tbody tr', { hasText: ADDED.name })).toBeVisible()
})

test('the enterprise enters a worker picked from its register, without typing their details', async () => {
  await menu(page).filter({ hasText: '竞赛报名' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: CONTEST }).getByRole('button', { name: '报名' }).click()
  await page.locator('.event-entries', { hasText: '数控车工' }).getByTestId('register').click()
  const dialog = page.getByRole('dialog', { name: '报名：数控车工' })
  const picker = formItem(dialog, '从职工名册选择')
  await picker.locator('.el-select__wrapper').click()
  await picker.locator('input').fill(PICKED.id.slice(6, 14))
  await page.locator('.el-select-dropdown:visible').getByText(PICKED.name, { exact: false }).click()
  await expect(formItem(dialog, '姓名').locator('input')).toHaveValue(PICKED.name)
  await expect(formItem(dialog, '身份证号').locator('input')).toHaveValue(PICKED.id)
  await expect(formItem(dialog, '手机号').locator('input')).toHaveValue('13800138000')
  await expect(formItem(dialog, '技能等级')).toContainText('二级/技师')
  await shot(page, 'rg-03-register-from-register')
  await dialog.getByRole('button', { name: '报名' }).click()
  await expect(dialog).toBeHidden()
  const entry = page.getByTestId('own-entrants').locator('tbody tr', { hasText: PICKED.name })
  await expect(entry).toContainText('待审核')
  await logout(page)
})

test('the city filters its review queue by enterprise', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page).toHaveURL(/\/$/)
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: CONTEST }).getByRole('button', { name: '管理' }).click()
  await page.getByRole('tab', { name: '报名审核' }).click()
  const rows = page.getByTestId('review-table').locator('.el-table__body-wrapper tbody tr')
  await expect(rows).toHaveCount(5)
  await pick(page, page.getByTestId('entrant-enterprise-filter'), ENT2.name)
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('孙磊')
  await page.getByTestId('review-reset').click()
  await expect(rows).toHaveCount(5)
})

test('the city rejects an approved and a pending entry in a batch for one reason, and approves one again', async () => {
  const rows = page.getByTestId('review-table').locator('.el-table__body-wrapper tbody tr')
  const zhao = rows.filter({ hasText: '赵刚' })
  const qian = rows.filter({ hasText: '钱敏' })
  await zhao.getByTestId('approve').click()
  await expect(zhao).toContainText('已通过')
  // An approved entry can still be rejected, in a batch with a pending one.
  await zhao.locator('.el-checkbox').click()
  await qian.locator('.el-checkbox').click()
  await page.getByTestId('reject-selected').click()
  const reject = page.getByTestId('reject-dialog')
  await expect(reject).toContainText('驳回 2 条报名')
  await reject.locator('textarea').fill('技能等级证书未上传')
  await shot(page, 'rg-04-batch-reject')
  await reject.getByRole('button', { name: '驳回' }).click()
  await expect(reject).toBeHidden()
  await expect(zhao).toContainText('已驳回')
  await expect(qian).toContainText('技能等级证书未上传')
  // And a rejected entry approved again, until the draw.
  await qian.getByTestId('approve').click()
  await expect(qian).toContainText('已通过')
  await shot(page, 'rg-05-review')
})

test('a refused step names the event and opens it with the problem marked; codes follow the names', async () => {
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: DRAFT }).getByRole('button', { name: '管理' }).click()
  await page.getByTestId('step-registration_open').click()
  const step = page.getByTestId('step-dialog')
  await step.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('step-refusal')).toContainText('还不能进入“报名中”')
  await expect(step.getByTestId('step-problem').first()).toContainText('装配钳工')
  await shot(page, 'rg-06-step-refused')
  await step.getByTestId('step-fix-0').click()
  await expect(step).toBeHidden()
  const dialog = page.getByTestId('event-dialog')
  await expect(dialog.getByTestId('rule-problems')).toContainText('权重')
  await expect(formItem(dialog, '项目名称').locator('input')).toHaveValue('装配钳工')
  await shot(page, 'rg-07-event-with-problem')

  // A new stage takes its code from its name, seen only on asking.
  await dialog.getByRole('button', { name: '添加阶段' }).click()
  await dialog.getByTestId('stage-name-2').fill('答辩')
  await dialog.getByTestId('stage-name-2').blur()
  await dialog.getByTestId('show-codes').click()
  await expect(dialog.getByTestId('stages-table').locator('tbody tr').nth(2).locator('input').first()).toHaveValue('defence')
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()
})

test('an innovation evaluation has no draw tab', async () => {
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: INNOVATION }).getByRole('button', { name: '管理' }).click()
  await expect(page.getByRole('tab', { name: '报名审核' })).toBeVisible()
  await expect(page.getByRole('tab', { name: '抽签' })).toHaveCount(0)
  await logout(page)
})

test('a district union follows the city contest read-only, with only its own enterprises entries', async () => {
  await login(page, ORGANISER, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  const row = page.getByTestId('contests-table').locator('tbody tr', { hasText: CONTEST })
  await row.getByRole('button', { name: '查看' }).click()
  await expect(page.getByTestId('contest-following')).toHaveText('只读跟踪')
  await expect(page.getByTestId('step-registration_closed')).toHaveCount(0)
  await expect(page.getByRole('tab', { name: '抽签' })).toHaveCount(0)
  await page.getByRole('tab', { name: '报名情况' }).click()
  await expect(page.getByTestId('following-note')).toBeVisible()
  const rows = page.getByTestId('review-table').locator('.el-table__body-wrapper tbody tr')
  await expect(rows).toHaveCount(4)
  await expect(page.getByTestId('review-table')).not.toContainText('周红')
  await expect(page.getByTestId('review-table')).toContainText(ENT2.name)
  await expect(page.getByTestId('approve-selected')).toHaveCount(0)
  await expect(page.getByTestId('review-table').getByTestId('approve')).toHaveCount(0)
  await shot(page, 'rg-08-following')
  await logout(page)
})
