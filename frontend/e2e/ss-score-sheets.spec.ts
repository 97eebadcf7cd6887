import { readFileSync } from 'node:fs'
import { expect, test, type BrowserContext, type Download, type Page } from './fixtures'
import { drawnEvent } from './judging'
import { login, shot } from './support'
import { fillCells, sheetCells, unzip } from './xlsx'

// A judge marks its practical sheet on paper at the venue: it downloads the sheet as a workbook (numbers only, the
// maxima and the time limit in the header), fills it in, uploads it with one mark over the maximum, sees the
// problem, corrects it and imports it; its sheet online then holds the marks.
const PASSWORD = 'Sheets-e2e-2026'
const JUDGE = 'ss_judge'
const ENTERPRISES = [
  { name: '城西机床厂', code: '91440300MA5XW0071', user: 'ss_ent1' },
  { name: '城西电力公司', code: '91440300MA5XW0072', user: 'ss_ent2' },
]
const MARK = '实操作业（满分100）'
const TIME = '用时（分:秒，限120分钟）'

test.describe.configure({ mode: 'serial' })

let context: BrowserContext
let page: Page
let eventId = 0

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

test('a district contest is at judging, with a judge of the practical stage', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '城西区总工会',
    contest: '城西区钳工技能比武',
    enterprises: ENTERPRISES,
    workers: [['冯一', '11010519880303011'], ['陈二', '11010519880303013'], ['褚三', '11010519880303015']],
    seed: 'c0ffee',
    password: PASSWORD,
  })
  eventId = setup.eventId
  await setup.panel(JUDGE, 'judge', ['practical'])
  await setup.admin.post(`/contests/${setup.contestId}/steps`, { to: 'judging' })
})

const saved = async (d: Download) => readFileSync(await d.path())

/** The cells of a score sheet to fill: each number's row, and the columns by header. */
function layout(book: Buffer) {
  const cells = sheetCells(unzip(book))
  const headerRow = [...cells].find(([, v]) => v === '参赛号')?.[0].replace(/^A/, '') ?? ''
  const columns = new Map([...cells].filter(([ref]) => ref.replace(/^[A-Z]+/, '') === headerRow).map(([ref, v]) => [v, ref.replace(/\d+$/, '')]))
  const rows = new Map([...cells].filter(([ref, v]) => /^A\d+$/.test(ref) && /^\d{3}$/.test(v)).map(([ref, v]) => [v, ref.slice(1)]))
  return { columns, rows }
}

test('the judge downloads its sheet, imports it with a mark over the maximum, corrects it and imports it', async () => {
  await login(page, JUDGE, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-title')).toContainText('钳工 · 实操')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-download').click()])
  expect(download.suggestedFilename()).toBe(`评分表-钳工-实操-${JUDGE}.xlsx`)
  const book = await saved(download)
  const { columns, rows } = layout(book)
  expect([...columns.keys()]).toEqual(['参赛号', MARK, TIME])
  expect([...rows.keys()]).toEqual(['001', '002', '003'])
  const mark = columns.get(MARK) ?? ''
  const time = columns.get(TIME) ?? ''
  const filled = (third: string) =>
    fillCells(book, {
      [`${mark}${rows.get('001')}`]: '81.5',
      [`${time}${rows.get('001')}`]: '41:05',
      [`${mark}${rows.get('002')}`]: '77',
      [`${time}${rows.get('002')}`]: '38:40',
      [`${mark}${rows.get('003')}`]: third,
      [`${time}${rows.get('003')}`]: '44',
    })

  await page.getByTestId('score-import-file').setInputFiles({ name: '实操评分表.xlsx', mimeType: 'application/octet-stream', buffer: filled('105') })
  const dialog = page.getByTestId('score-import-dialog')
  await expect(dialog.getByTestId('score-import-status')).toContainText('发现 1 处问题')
  await expect(dialog.getByTestId('score-import-problems')).toContainText(`${mark}${rows.get('003')}`)
  await expect(dialog.getByTestId('score-import-problems')).toContainText('105')
  await shot(page, '60-score-sheet-import-problem')
  const [report] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('score-import-report').click()])
  expect(report.suggestedFilename()).toBe('实操评分表-问题.xlsx')
  await dialog.getByTestId('score-import-close').click()
  // Nothing was written.
  await expect(page.getByTestId('mark-001-P1')).toHaveValue('')

  await page.getByTestId('score-import-file').setInputFiles({ name: '实操评分表.xlsx', mimeType: 'application/octet-stream', buffer: filled('90') })
  await expect(dialog.getByTestId('score-import-status')).toContainText('导入后将新填 3 行')
  await expect(dialog.getByTestId('score-import-actions').locator('tbody tr')).toHaveCount(3)
  await shot(page, '61-score-sheet-import-checked')
  await dialog.getByTestId('score-import-commit').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('mark-001-P1')).toHaveValue('81.5')
  await expect(page.getByTestId('mark-003-P1')).toHaveValue('90')
  await expect(page.getByTestId('mark-002-_time')).toHaveValue('38:40')
  await expect(page.getByTestId('sheet-missing')).toHaveText('全部已评')
})
