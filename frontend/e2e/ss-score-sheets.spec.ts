import { readFileSync } from 'node:fs'
import { expect, test, type BrowserContext, type Download, type Page } from './fixtures'
import { drawnEvent, startKeying } from './judging'
import { login, shot } from './support'
import { fillCells, readSheet, sheetCells, unzip } from './xlsx'

// A judge marks its practical sheet on paper at the venue: it downloads the sheet as a workbook (numbers only, the
// maxima and the time limit in the header), fills it in, uploads it with one mark over the maximum, sees the
// problem, corrects it and imports it; its sheet online then holds the marks. A second judge's paper sheet is
// keyed by two score clerks, each importing the filled-in workbook blind; the chief judge then exports the
// stage's marks of both judges.
const PASSWORD = 'Sheets-e2e-2026'
const JUDGE = 'ss_judge'
const PAPER_JUDGE = 'ss_judge2'
const CLERKS = ['ss_clerk1', 'ss_clerk2']
const CHIEF = 'ss_chief'
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

test('a district contest is at judging, with two judges of the practical stage, two score clerks and a chief judge', async ({ playwright, baseURL }) => {
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
  await setup.panel(PAPER_JUDGE, 'judge', ['practical'])
  for (const clerk of CLERKS) await setup.panel(clerk, 'clerk')
  await setup.panel(CHIEF, 'chief')
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

test('two score clerks key the second judge\'s paper sheet by importing the filled-in workbook, each blind', async () => {
  for (const [i, clerk] of CLERKS.entries()) {
    await page.context().clearCookies()
    await login(page, clerk, PASSWORD)
    await expect(page).toHaveURL(/\/$/)
    await startKeying(page, '实操', PAPER_JUDGE)
    await expect(page.getByTestId('keying-round-title')).toContainText(`第${i + 1}次录入`)
    // The second clerk's grid is empty: the first clerk's entry is nowhere on the page.
    await expect(page.getByTestId('mark-001-P1')).toHaveValue('')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keying-download').click()])
    const book = await saved(download)
    const { columns, rows } = layout(book)
    const mark = columns.get(MARK) ?? ''
    const time = columns.get(TIME) ?? ''
    const filled = fillCells(book, {
      [`${mark}${rows.get('001')}`]: '70',
      [`${time}${rows.get('001')}`]: '50:00',
      [`${mark}${rows.get('002')}`]: '88.5',
      [`${time}${rows.get('002')}`]: '39:10',
      [`${mark}${rows.get('003')}`]: '92',
      [`${time}${rows.get('003')}`]: '45:30',
    })
    await page.getByTestId('score-import-file').setInputFiles({ name: '纸质评分表.xlsx', mimeType: 'application/octet-stream', buffer: filled })
    const dialog = page.getByTestId('score-import-dialog')
    await expect(dialog.getByTestId('score-import-status')).toContainText('导入后将新填 3 行')
    await dialog.getByTestId('score-import-commit').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('mark-002-P1')).toHaveValue('88.5')
    await page.getByTestId('keying-submit').click()
    await page.getByRole('dialog').getByRole('button', { name: '提交录入' }).click()
    await expect(page.getByTestId('keying-round')).toContainText('已提交')
    await expect(page.getByTestId(`keying-state-practical-${PAPER_JUDGE}`)).toHaveText(i === 0 ? '录入中' : '双录一致')
  }
})

test('the chief judge exports the stage with both judges\' marks from the progress board', async () => {
  await page.context().clearCookies()
  await login(page, CHIEF, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.getByTestId('open-progress').click()
  const practical = page.getByTestId('progress-stage-钳工-实操')
  await expect(practical.getByTestId(`paper-${PAPER_JUDGE}`)).toHaveText('纸质 · 双录一致')
  const [download] = await Promise.all([page.waitForEvent('download'), practical.getByTestId('export-scores-practical').locator('button').first().click()])
  const { rows, formulas } = readSheet(await saved(download))
  expect(formulas).toEqual([])
  const text = [...rows.values()].map((r) => [...r.values()].join('|')).join('\n')
  expect(text).toContain(JUDGE)
  expect(text).toContain(PAPER_JUDGE)
  const line = (number: string) => [...rows.values()].find((r) => [...r.values()].includes(number))
  for (const [number, own, paper] of [['001', '81.5', '70'], ['002', '77', '88.5'], ['003', '90', '92']]) {
    const values = [...(line(number)?.values() ?? [])]
    expect(values, number).toContain(own)
    expect(values, number).toContain(paper)
  }
})
