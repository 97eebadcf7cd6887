import { expect, test, type BrowserContext, type Page } from './fixtures'
import { drawnEvent } from './judging'
import { ADMIN, apiAs, login, shot } from './support'

// A judge marks a practical sheet from the keyboard on a tablet, loses the venue's network and
// keeps typing, meets a mark changed from another device, and submits; then the sheet on a phone.
const PASSWORD = 'Sheet-e2e-2026'
const JUDGE = 'judge_cb'
const CHIEF = 'chief_cb'
const JUDGE2 = 'judge_cb2'
const ENTERPRISES = [
  { name: '城北机床厂', code: '91440300MA5XW0021', user: 'ent_cb1' },
  { name: '城北电力公司', code: '91440300MA5XW0022', user: 'ent_cb2' },
]

test.describe.configure({ mode: 'serial' })

let context: BrowserContext
let page: Page
let eventId = 0
let contestId = 0
let judgeApi: Awaited<ReturnType<typeof apiAs>>

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

test('a district contest is at judging, with three drawn entrants and a judge of both stages', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '城北区总工会',
    contest: '城北区钳工技能比武',
    enterprises: ENTERPRISES,
    workers: [['赵一', '11010519860101001'], ['钱二', '11010519860101003'], ['孙三', '11010519860101005']],
    seed: 'c0ffee',
    password: PASSWORD,
  })
  eventId = setup.eventId
  contestId = setup.contestId
  await setup.panel(JUDGE, 'judge', ['theory', 'practical'])
  await setup.panel(JUDGE2, 'judge', ['theory'])
  await setup.panel(CHIEF, 'chief')
  await setup.admin.post(`/contests/${setup.contestId}/steps`, { to: 'judging' })
  judgeApi = await setup.session(JUDGE, PASSWORD)
})

const cell = (number: string, code = 'P1') => page.getByTestId(`mark-${number}-${code}`)

test('the judge marks the practical sheet from the keyboard, and a mark above the maximum is refused at once', async () => {
  await login(page, JUDGE, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-title')).toHaveText('钳工 · 实操')
  await expect(page.getByTestId('sheet-grid').locator('tbody tr')).toHaveCount(3)
  // Numbers only: no name and no enterprise on the page.
  for (const word of ['赵一', '钱二', '孙三', '城北机床厂', '城北电力公司']) await expect(page.locator('body')).not.toContainText(word)
  await expect(cell('001')).toBeFocused()
  await page.keyboard.type('101')
  await expect(page.getByRole('alert').filter({ hasText: '超过满分 100' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(cell('001')).toBeFocused()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('85.5')
  await page.keyboard.press('Enter')
  await expect(cell('002')).toBeFocused()
  await page.keyboard.type('90')
  await page.keyboard.press('Enter')
  await page.keyboard.type('77.25')
  await page.keyboard.press('Enter')
  // The last column of the practical stage is the time used, as minutes and seconds.
  await expect(cell('001', '_time')).toBeFocused()
  await expect(page.getByTestId('sheet-grid').locator('thead')).toContainText('分:秒 · 限 120 分钟')
  await page.keyboard.type('12:61')
  await expect(page.getByRole('alert').filter({ hasText: '请按“分:秒”输入用时' })).toBeVisible()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('12:34')
  await page.keyboard.press('Enter')
  await page.keyboard.type('13.05')
  await page.keyboard.press('Enter')
  await page.keyboard.type('9')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('sheet-unsent')).toHaveText('已全部保存')
  await expect(page.getByTestId('sheet-missing')).toHaveText('全部已评')
  await shot(page, '40-sheet-tablet')
  await page.reload()
  await expect(cell('001')).toHaveValue('85.5')
  await expect(cell('003')).toHaveValue('77.25')
  await expect(cell('002', '_time')).toHaveValue('13:05')
  await expect(cell('003', '_time')).toHaveValue('9:00')
  const sheet = await judgeApi.get<{ rows: { number: string; marks: Record<string, { points: number }> }[] }>(`/events/${eventId}/sheets/practical`)
  expect(sheet.rows.find((r) => r.number === '001')?.marks._time.points).toBe(754)
})

test('with the network cut, typed marks wait in the browser and are sent when it is back', async () => {
  await context.setOffline(true)
  await cell('002').fill('91')
  await cell('002').press('Enter')
  await expect(page.getByTestId('sheet-unsent')).toHaveText('1 个分数未发送')
  await expect(page.getByTestId('sheet-offline')).toBeVisible()
  await shot(page, '41-sheet-offline')
  await context.setOffline(false)
  await expect(page.getByTestId('sheet-unsent')).toHaveText('已全部保存')
  const sheet = await judgeApi.get<{ rows: { number: string; marks: Record<string, { points: number }> }[] }>(`/events/${eventId}/sheets/practical`)
  expect(sheet.rows.find((r) => r.number === '002')?.marks.P1.points).toBe(91)
})

test('a mark changed on another device is shown with both values, never overwritten silently', async () => {
  const stored = await judgeApi.get<{ rows: { number: string; marks: Record<string, { version: number }> }[] }>(`/events/${eventId}/sheets/practical`)
  const version = stored.rows.find((r) => r.number === '003')!.marks.P1.version
  await judgeApi.put(`/events/${eventId}/sheets/practical/marks`, { number: '003', criterion: 'P1', points: 60, version })
  await cell('003').fill('79')
  await cell('003').press('Enter')
  const conflict = page.getByTestId('sheet-conflict')
  await expect(conflict).toContainText('003 号“实操作业”已被修改')
  await expect(conflict).toContainText('你输入的是 79，服务器上保存的是 60')
  await shot(page, '42-sheet-conflict')
  await conflict.getByRole('button', { name: '用我的分数' }).click()
  await expect(conflict).toBeHidden()
  await expect(page.getByTestId('sheet-unsent')).toHaveText('已全部保存')
  await expect(cell('003')).toHaveValue('79')
})

test('an incomplete sheet cannot be submitted; a complete one is, and is read-only afterwards', async () => {
  await page.goto(`/sheets/${eventId}/theory`)
  await expect(page.getByTestId('sheet-missing')).toHaveText('还缺 3 个分数')
  await page.getByTestId('sheet-submit').click()
  await expect(page.getByTestId('sheet-missing-list')).toContainText('未评分：001 理论知识考试')
  await page.goto(`/sheets/${eventId}/practical`)
  await page.getByTestId('sheet-submit').click()
  await page.getByRole('dialog').getByRole('button', { name: '提交评分表' }).click()
  await expect(page.getByText('已提交', { exact: true })).toBeVisible()
  await expect(cell('001')).toBeDisabled()
  await expect(page.getByTestId('sheet-submit')).toBeHidden()
})

test('on a phone each number is a card and nothing scrolls sideways', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/sheets/${eventId}/theory`)
  await expect(cell('001', 'T1')).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const box = await cell('001', 'T1').boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
  await shot(page, '43-sheet-phone')
})

test('a second judge steps aside from one number, which leaves its sheet', async () => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.getByTestId('logout').click()
  await login(page, JUDGE2, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/sheets/${eventId}/theory`)
  await expect(page.getByTestId('sheet-grid').locator('tbody tr')).toHaveCount(3)
  await page.getByTestId('declare-conflict').click()
  const dialog = page.getByRole('dialog', { name: '申报回避' })
  await dialog.getByTestId('conflict-save').click()
  await expect(dialog).toContainText('请选择参赛号')
  await dialog.getByTestId('conflict-number').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '002', exact: true }).click()
  await dialog.getByTestId('conflict-reason').fill('亲属')
  await dialog.getByTestId('conflict-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('sheet-grid').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('sheet-conflicts')).toHaveText('已申报回避：002（亲属）')
  await expect(cell('002', 'T1')).toHaveCount(0)
})

test('the chief judge follows the board, signs the submitted stage off, and an organiser takes it back with a reason', async () => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.getByTestId('logout').click()
  await login(page, CHIEF, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.getByTestId('open-progress').click()
  const practical = page.getByTestId('progress-stage-钳工-实操')
  const theory = page.getByTestId('progress-stage-钳工-理论')
  await expect(page.getByTestId('progress-event-钳工')).toContainText('参赛 3 人 · 已检录 0 · 缺赛 0')
  await expect(practical).toContainText('6/6')
  await expect(practical).toContainText('已提交')
  await expect(theory).toContainText('0/3')
  await expect(theory.getByRole('button', { name: '签核' })).toBeDisabled()
  await expect(theory).toContainText('0/2')
  await expect(page.getByTestId('progress-conflicts')).toContainText(`${JUDGE2} 回避 002 号：亲属`)
  // The chief judge reads a judge's sheet on the board, read-only.
  await practical.getByTestId(`view-sheet-${JUDGE}`).click()
  const viewed = page.getByRole('dialog', { name: `${JUDGE} 的“实操”评分表（只读）` })
  await expect(viewed.getByTestId('viewed-sheet').locator('tbody tr')).toHaveCount(3)
  await expect(viewed.getByTestId('viewed-sheet')).toContainText('85.5')
  await expect(viewed.locator('input')).toHaveCount(0)
  await viewed.getByRole('button', { name: 'Close' }).or(viewed.locator('.el-dialog__headerbtn')).first().click()
  await expect(viewed).toBeHidden()
  await shot(page, '44-progress-chief')
  await practical.getByRole('button', { name: '签核' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '签核' }).click()
  await expect(practical).toContainText('已签核')
  // Signed off: the judge's sheet cannot be reopened from the board any more.
  await expect(practical.getByRole('button', { name: '重新开放' })).toBeHidden()

  await page.getByTestId('logout').click()
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/contests/${contestId}`)
  await page.getByTestId('open-progress').click()
  await expect(practical).toContainText('已签核')
  await practical.getByRole('button', { name: '撤销签核' }).click()
  const prompt = page.getByRole('dialog')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(prompt).toContainText('请填写原因')
  await prompt.locator('input').fill('申诉复核 002 号')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(practical).not.toContainText('已签核')
  await expect(practical.getByRole('button', { name: '重新开放' })).toBeVisible()
})

test('a mark on a measurement criterion carries the reason of its deduction', async () => {
  await page.getByTestId('logout').click()
  await login(page, JUDGE, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/sheets/${eventId}/theory`)
  await cell('001', 'T1').fill('92')
  await cell('001', 'T1').press('Enter')
  await page.getByTestId('note-001-T1').fill('少答一题')
  await page.getByTestId('note-001-T1').blur()
  await expect
    .poll(async () => {
      const sheet = await judgeApi.get<{ rows: { number: string; marks: Record<string, { points: number; note: string }> }[] }>(`/events/${eventId}/sheets/theory`)
      return sheet.rows.find((r) => r.number === '001')?.marks.T1
    })
    .toMatchObject({ points: 92, note: '少答一题' })
  await page.reload()
  await expect(page.getByTestId('note-001-T1')).toHaveValue('少答一题')
  await expect(cell('001', 'T1')).toHaveValue('92')
})
