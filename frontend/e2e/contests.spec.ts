import { expect, test, type Page } from './fixtures'
import { ADMIN, apiAs, fillDateTimeRange, formItem, localDateTime, login, logout, menu, pick, shot } from './support'

const CREDIT_CODE = '91350100M000100Y43'
const ENT_USER = { username: 'ent_contest', password: 'Init-pass-2026', newPassword: 'Ent-contest-2026' }
const CONTEST = '2026年全市电工职业技能竞赛'
const WORKER = { name: '张伟', id: '11010519491231002X', wrongId: '110105194912310021', mobile: '13812345678' }

interface Org {
  id: number
  name: string
}

test.describe.configure({ mode: 'serial' })

let page: Page
let enterprise: Org

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

test('an admin arranges an enterprise and its account through the API', async () => {
  const admin = await apiAs(page.request, ADMIN.username, ADMIN.password)
  const { items } = await admin.get<{ items: Org[] }>(`/organisations?q=${CREDIT_CODE}&kind=enterprise`)
  if (items.length > 0) {
    enterprise = items[0]
  } else {
    const { items: roots } = await admin.get<{ items: Org[] }>('/organisations/tree')
    const district = await admin.post<Org>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '城东区总工会', credit_code: '', region: '城东区', industry: '' })
    enterprise = await admin.post<Org>('/organisations', { parent_id: district.id, kind: 'enterprise', name: '城东电力安装有限公司', credit_code: CREDIT_CODE, region: '城东区', industry: '电力' })
  }
  await admin.post('/accounts', { username: ENT_USER.username, display_name: '报名管理员', role: 'enterprise', organisation_id: enterprise.id, password: ENT_USER.password })
  const ent = await apiAs(page.request, ENT_USER.username, ENT_USER.password)
  await ent.post('/auth/password', { old_password: ENT_USER.password, new_password: ENT_USER.newPassword })
  await ent.post('/auth/logout', {})
})

test('an admin creates a skills contest from the template', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await expect(menu(page)).toHaveText(['首页', '竞赛管理', '组织机构', '账号管理', '职工名册', '人才库'])
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  await expect(page).toHaveURL(/\/contests$/)
  await page.getByTestId('create-contest').click()
  const dialog = page.getByRole('dialog', { name: '新建竞赛' })
  // Before a template is chosen the format box holds no raw value, only a hint.
  await expect(formItem(dialog, '赛制')).not.toContainText('trade')
  await expect(formItem(dialog, '赛制')).toContainText('请先选择模板')
  await dialog.getByTestId('template-skills').click()
  await expect(formItem(dialog, '赛制')).toContainText('工种赛')
  await formItem(dialog, '竞赛名称').locator('input').fill(CONTEST)
  await pick(page, formItem(dialog, '赛制'), '工种赛')
  await pick(page, formItem(dialog, '级别'), '市级')
  const now = Date.now()
  await fillDateTimeRange(page, formItem(dialog, '报名时间'), localDateTime(new Date(now - 3600_000)), localDateTime(new Date(now + 7 * 86400_000)))
  await formItem(dialog, '竞赛说明').locator('textarea').fill('全市电工岗位职工技能比武，理论考试与实操考核相结合。')
  await shot(page, '20-contest-create')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/contests\/\d+$/)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST)
  await expect(page.getByTestId('contest-status')).toHaveText('草稿')
})

test('an admin adds the event 电工 and the stage weights must add up to 100', async () => {
  await page.getByRole('tab', { name: '竞赛项目' }).click()
  await page.getByTestId('add-event').click()
  const dialog = page.getByRole('dialog', { name: '新增竞赛项目' })
  await formItem(dialog, '项目名称').locator('input').fill('电工')
  await formItem(dialog, '工种/岗位').locator('input').fill('电工')
  const stages = dialog.getByTestId('stages-table').locator('tbody tr')
  await expect(stages).toHaveCount(2)
  await expect(stages.nth(0).locator('input').nth(0)).toHaveValue('理论')
  await expect(stages.nth(1).locator('input').nth(0)).toHaveValue('实操')
  // Codes are made from the names: a clerk sees them only on asking.
  await expect(dialog.getByTestId('stages-table').locator('thead')).not.toContainText('代码')
  await dialog.getByTestId('show-codes').click()
  await expect(stages.nth(0).locator('input').nth(0)).toHaveValue('theory')
  await dialog.getByTestId('show-codes').click()
  await expect(dialog.getByTestId('stages-table').locator('thead')).not.toContainText('代码')
  const practical = dialog.getByTestId('stage-weight-1').locator('input')
  await expect(dialog.getByTestId('stage-weight-0').locator('input')).toHaveValue('30')
  await expect(practical).toHaveValue('70')
  await expect(dialog.getByTestId('weight-sum')).toHaveText('权重合计 100')

  await practical.fill('60')
  await practical.blur()
  await expect(dialog.getByTestId('weight-warning')).toContainText('权重合计为 90')
  await shot(page, '21-event-weights-warning')
  await practical.fill('70')
  await practical.blur()
  await expect(dialog.getByTestId('weight-warning')).toBeHidden()
  await expect(dialog.getByTestId('weight-sum')).toHaveText('权重合计 100')
  // The template times the practical stage, for the tie-break on time used.
  await expect(dialog.getByTestId('stage-timed-1').locator('input')).toBeChecked()
  await expect(dialog.getByTestId('stage-time-limit-1').locator('input')).toHaveValue('120')
  // A quota of 0 reads as no limit.
  const quota = formItem(dialog, '每企业名额').locator('input')
  await expect(dialog.getByTestId('quota-hint')).toHaveText('每家企业最多 3 人（填 0 为不限）')
  await quota.fill('0')
  await quota.blur()
  await expect(dialog.getByTestId('quota-hint')).toHaveText('不限')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('events-table').locator('tbody tr', { hasText: '电工' })
  await expect(row).toContainText('理论 30 / 实操 70')
  await expect(row).toContainText('不限')
  await shot(page, '22-events')
})

test('an admin opens registration, then logs out', async () => {
  await page.getByTestId('step-registration_open').click()
  const dialog = page.getByTestId('step-dialog')
  await expect(dialog).toContainText('草稿')
  await dialog.locator('textarea').fill('项目设置完毕')
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('contest-status')).toHaveText('报名中')
  await shot(page, '23-registration-open')
  // Once registration is open an event is read-only: nothing to add or remove, and the dialog closes.
  await page.getByTestId('events-table').locator('tbody tr', { hasText: '电工' }).getByRole('button', { name: '查看' }).click()
  const view = page.getByRole('dialog', { name: '查看竞赛项目' })
  await expect(view.getByTestId('stages-table')).toBeVisible()
  await expect(view.getByRole('button', { name: '添加阶段' })).toHaveCount(0)
  await expect(view.getByRole('button', { name: '移除' })).toHaveCount(0)
  await expect(view.getByRole('button', { name: '保存' })).toHaveCount(0)
  await expect(view.getByTestId('event-dialog-close')).toHaveText('关闭')
  await view.getByTestId('event-dialog-close').click()
  await expect(view).toBeHidden()
  await logout(page)
})

test('the enterprise registers a worker, with the ID number checked on the page', async () => {
  await login(page, ENT_USER.username, ENT_USER.newPassword)
  await expect(menu(page)).toHaveText(['首页', '竞赛报名', '本单位', '职工名册', '人才库'])
  await menu(page).filter({ hasText: '竞赛报名' }).click()
  const row = page.getByTestId('contests-table').locator('tbody tr', { hasText: CONTEST })
  await expect(row).toContainText('报名中')
  await shot(page, '24-entries')
  await row.getByRole('button', { name: '报名' }).click()
  await expect(page).toHaveURL(/\/enter\/\d+$/)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST)

  const event = page.locator('.event-entries', { hasText: '电工' })
  await event.getByTestId('register').click()
  const dialog = page.getByRole('dialog', { name: '报名：电工' })
  await formItem(dialog, '姓名').locator('input').fill(WORKER.name)
  const idItem = formItem(dialog, '身份证号')
  await idItem.locator('input').fill(WORKER.wrongId)
  await formItem(dialog, '手机号').locator('input').fill(WORKER.mobile)
  await pick(page, formItem(dialog, '技能等级'), '三级/高级工')
  await formItem(dialog, '从业年限').locator('input').fill('8')
  await dialog.getByRole('button', { name: '报名' }).click()
  await expect(idItem.locator('.el-form-item__error')).toHaveText('身份证号校验位不正确')
  await shot(page, '25-id-number-error')

  await idItem.locator('input').fill(WORKER.id)
  await expect(formItem(dialog, '性别').getByRole('radio', { name: '女' })).toBeChecked()
  await dialog.getByRole('button', { name: '报名' }).click()
  await expect(dialog).toBeHidden()
  const entrant = event.getByTestId('own-entrants').locator('tbody tr', { hasText: WORKER.name })
  await expect(entrant).toContainText(WORKER.id)
  await expect(entrant).toContainText('待审核')
  await shot(page, '26-entry-pending')

  // The worker's history in the register shows the new entry.
  await menu(page).filter({ hasText: '职工名册' }).click()
  await page.getByTestId('people-table').locator('tbody tr', { hasText: WORKER.name }).getByRole('button', { name: '参赛记录' }).click()
  const history = page.getByTestId('person-history').locator('tbody tr')
  await expect(history).toHaveCount(1)
  await expect(history.first()).toContainText(CONTEST)
  await expect(history.first()).toContainText('电工')
  await expect(history.first()).toContainText('待审核')
  await shot(page, '26b-person-history')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('person-history')).toBeHidden()
  await logout(page)
})

test('the admin approves the entry, closes registration and draws', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await menu(page).filter({ hasText: '竞赛管理' }).click()
  await page.getByTestId('contests-table').locator('tbody tr', { hasText: CONTEST }).getByRole('button', { name: '管理' }).click()
  await expect(page.getByTestId('contest-status')).toHaveText('报名中')

  await page.getByRole('tab', { name: '报名审核' }).click()
  const entrant = page.getByTestId('review-table').locator('tbody tr', { hasText: WORKER.name })
  await expect(entrant).toContainText(enterprise.name)
  await expect(entrant).toContainText(WORKER.id)
  await expect(entrant).toContainText('待审核')
  await shot(page, '27-review')
  // Closing registration with an entry still waiting says so first.
  await page.getByTestId('step-registration_closed').click()
  await expect(page.getByTestId('step-pending')).toContainText('1 条')
  await page.getByTestId('step-dialog').getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('step-dialog')).toBeHidden()
  await entrant.getByRole('button', { name: '通过' }).click()
  await expect(entrant).toContainText('已通过')

  await page.getByTestId('step-registration_closed').click()
  const step = page.getByTestId('step-dialog')
  await expect(step).toBeVisible()
  await expect(page.getByTestId('step-pending')).toHaveCount(0)
  await step.getByRole('button', { name: '确定' }).click()
  await expect(step).toBeHidden()
  await expect(page.getByTestId('contest-status')).toHaveText('报名截止')

  await page.getByRole('tab', { name: '抽签' }).click()
  await expect(page.getByTestId('draw-state')).toHaveText('尚未抽签')
  await page.getByTestId('draw-seed').fill('abc123')
  await page.getByTestId('run-draw').click()
  await page.locator('.el-message-box').getByRole('button', { name: '抽签' }).click()
  await expect(page.getByTestId('draw-state')).toHaveText('已抽签')
  await expect(page.getByTestId('draw-seed-value')).toContainText('abc123')
  await expect(page.getByTestId('draw-by')).toHaveText('系统管理员')
  const drawn = page.getByTestId('draw-table').locator('tbody tr').first()
  await expect(drawn).toContainText('001')
  await expect(drawn).toContainText(WORKER.name)
  await expect(drawn).toContainText(enterprise.name)
  await shot(page, '28-draw')

  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(page.getByRole('tab', { name: 'Draw' })).toBeVisible()
  await expect(page.getByTestId('contest-status')).toHaveText('Registration closed')
  await shot(page, '29-draw-english')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: '中文' }).click()
  await expect(page.getByRole('tab', { name: '抽签' })).toBeVisible()
})
