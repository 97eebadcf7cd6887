import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

// No spreadsheet library is at hand in the browser tests, and an .xlsx is a zip of XML files: this reads the
// downloaded template, writes rows into its sheet as inline strings (as other writers than excelize do), and
// zips it again, with Node's own zlib. It reads what a workbook needs: stored or deflated entries, no zip64.

/** The files of a zip archive by name. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  let end = archive.length - 22
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip archive')
  const count = archive.readUInt16LE(end + 10)
  let at = archive.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10)
    const size = archive.readUInt32LE(at + 20)
    const nameLength = archive.readUInt16LE(at + 28)
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32)
    const local = archive.readUInt32LE(at + 42)
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength)
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28)
    const data = archive.subarray(start, start + size)
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    at += 46 + skip
  }
  return files
}

/** A zip archive of the files, each deflated. */
export function zip(files: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, 'utf8')
    const data = deflateRawSync(content)
    const head = (size: number) => {
      const b = Buffer.alloc(size)
      b.writeUInt16LE(20, size === 30 ? 4 : 6)
      b.writeUInt16LE(0x0800, size === 30 ? 6 : 8) // names in UTF-8
      b.writeUInt16LE(8, size === 30 ? 8 : 10)
      b.writeUInt32LE(crc32(content), size === 30 ? 14 : 16)
      b.writeUInt32LE(data.length, size === 30 ? 18 : 20)
      b.writeUInt32LE(content.length, size === 30 ? 22 : 24)
      b.writeUInt16LE(nameBytes.length, size === 30 ? 26 : 28)
      return b
    }
    const local = head(30)
    local.writeUInt32LE(0x04034b50, 0)
    const central = head(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt32LE(offset, 42)
    parts.push(local, nameBytes, data)
    directory.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const size = directory.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.size, 8)
  end.writeUInt16LE(files.size, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, ...directory, end])
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The shared strings of a workbook, in order. */
function sharedStrings(files: Map<string, Buffer>): string[] {
  const xml = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? ''
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
}

/** The columns of the first sheet's header row by their text (a required column's * left out). */
export function headerColumns(files: Map<string, Buffer>): Map<string, string> {
  const strings = sharedStrings(files)
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  const row = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)?.[1] ?? ''
  const columns = new Map<string, string>()
  for (const c of row.matchAll(/<c r="([A-Z]+)1"[^>]*t="s"[^>]*>\s*<v>(\d+)<\/v>/g)) columns.set(strings[Number(c[2])].replace(/^\*/, ''), c[1])
  return columns
}

/** The template with rows written from row 3 on (row 2 is its example), each a value by header, as inline strings. */
export function fillTemplate(template: Buffer, rows: Record<string, string>[]): Buffer {
  const files = unzip(template)
  const columns = headerColumns(files)
  const xml = rows
    .map((values, i) => {
      const r = i + 3
      const cells = Object.entries(values).map(([header, value]) => {
        const column = columns.get(header)
        if (!column) throw new Error(`the template has no column ${header}`)
        return `<c r="${column}${r}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`
      })
      return `<row r="${r}">${cells.sort().join('')}</row>`
    })
    .join('')
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  files.set('xl/worksheets/sheet1.xml', Buffer.from(sheet.replace('</sheetData>', `${xml}</sheetData>`), 'utf8'))
  return zip(files)
}

/** The texts of the first sheet's cells by reference (A1 …): shared strings, inline strings and numbers. */
export function sheetCells(files: Map<string, Buffer>): Map<string, string> {
  const strings = sharedStrings(files)
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  const cells = new Map<string, string>()
  for (const c of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = c[3] ?? ''
    const value = /<v>([^<]*)<\/v>/.exec(body)?.[1]
    const inline = /<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1]
    if (/t="s"/.test(c[2]) && value !== undefined) cells.set(c[1], strings[Number(value)])
    else if (inline !== undefined) cells.set(c[1], inline)
    else if (value !== undefined) cells.set(c[1], value)
  }
  return cells
}

/** The workbook with cells of its first sheet written as inline strings over what they held, keeping their style. */
export function fillCells(book: Buffer, values: Record<string, string>): Buffer {
  const files = unzip(book)
  let sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  for (const [ref, value] of Object.entries(values)) {
    const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`)
    if (!cell.test(sheet)) throw new Error(`the sheet has no cell ${ref}`)
    sheet = sheet.replace(cell, (_m, attrs: string) => `<c r="${ref}"${attrs.replace(/\s*t="[^"]*"/, '')} t="inlineStr"><is><t>${escape(value)}</t></is></c>`)
  }
  files.set('xl/worksheets/sheet1.xml', Buffer.from(sheet, 'utf8'))
  return zip(files)
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/**
 * The first sheet's rows of a workbook whose text is inline or shared strings, by row number, each cell's text by its
 * column letters; formulas, as a cell's <f>, are listed apart so that a test can say there are none.
 */
export function readSheet(archive: Buffer): { rows: Map<number, Map<string, string>>; formulas: string[] } {
  const files = unzip(archive)
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1])).join(''),
  )
  const xml = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  const rows = new Map<number, Map<string, string>>()
  const formulas: string[] = []
  for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col, row, attrs, body = ''] = c
    if (body.includes('<f')) formulas.push(col + row)
    let text = [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1])).join('')
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
    if (value !== undefined) text = /t="s"/.test(attrs) ? shared[Number(value)] : unescape(value)
    if (!rows.has(Number(row))) rows.set(Number(row), new Map())
    rows.get(Number(row))!.set(col, text)
  }
  return { rows, formulas }
}
