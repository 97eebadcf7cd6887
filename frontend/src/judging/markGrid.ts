import { ElMessage } from 'element-plus'
import { computed, onBeforeUnmount, onMounted, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Sheet, SheetMark } from '@/api/types'
import { pointsFromNumber } from '@/contests/points'
import { columnOf, type Column, type MarkProblem } from './markInput'
import { MarkQueue, type MarkConflict, type PendingMark } from './markQueue'
import { cellClosed, cellOpen, remarkOn } from './oversight'

/** Where a grid's values go: a judge's own sheet, or a clerk's round of a paper sheet. */
export interface MarkGridOptions {
  /** The key under which unsent values wait in the browser, once the account is known. */
  queueKey: () => string | undefined
  /** Stores one value on the server and answers it as stored. */
  send: (mark: PendingMark) => Promise<SheetMark>
  /** Reads everything again (a stale version). */
  reload: () => Promise<void>
  /** Reads the sheet's state again without touching what is typed (a step or a submission came in between). */
  reloadState: () => Promise<void>
}

/** The cell key of a number and a criterion. */
export const gridCell = (number: string, criterion: string) => `${number}\u0000${criterion}`

/**
 * A sheet typed from the keyboard (SheetView, KeyingView): what the server holds, what each input shows,
 * what waits in the browser's queue to be sent, the marks someone changed meanwhile, and the keys that
 * move from cell to cell. Values are queued at once, so a dropped connection loses none, then sent.
 */
export function useMarkGrid(opts: MarkGridOptions) {
  const { t } = useI18n()
  const sheet = shallowRef<Sheet>()
  /** The values the server holds, by cell. */
  const stored = reactive(new Map<string, SheetMark>())
  /** What each input shows: stored, pending or being typed. */
  const texts = reactive(new Map<string, string>())
  const problems = reactive(new Map<string, MarkProblem>())
  /** A deduction's short reason, for measurement criteria: saved with its value. */
  const notes = reactive(new Map<string, string>())
  const conflicts = ref<MarkConflict[]>([])
  /** The cells whose values wait in the queue, kept in step with it so that the page follows. */
  const pending = shallowRef(new Set<string>())
  const unsent = computed(() => pending.value.size)
  const offline = ref(false)
  const showMissing = ref(false)
  const enterDown = ref(localStorage.getItem('leitai.sheet.enter') !== 'right')
  let queue: MarkQueue | undefined
  let flushing: Promise<void> | undefined
  let retry: ReturnType<typeof setInterval> | undefined

  /** The sheet's columns, the time used named in the page's language. */
  const criteria = computed(() => (sheet.value?.criteria ?? []).map((c) => (c.kind === 'time' ? { ...c, name: t('sheet.time') } : c)))
  const rows = computed(() => sheet.value?.rows ?? [])
  const editable = computed(() => sheet.value?.editable === true)
  const columns = computed(() => new Map<string, Column>(criteria.value.map((c) => [c.code, columnOf(c)])))
  const columnFor = (code: string): Column => columns.value.get(code) ?? columnOf({ code, name: code, max: 0, kind: 'judgement', levels: false })
  /** A value as its column shows it: points, a level, or a time. */
  const show = (criterion: string, hundredths: number) => columnFor(criterion).show(hundredths)
  const showStored = (m: SheetMark) => show(m.criterion, pointsFromNumber(m.points) ?? 0)
  /** A column's header line under its name: the maximum, the scale or the time limit. */
  const limitText = (code: string) => t(`sheet.${columnFor(code).limit.key}`, { max: columnFor(code).limit.max })
  const criterionName = (code: string) => criteria.value.find((c) => c.code === code)?.name ?? code

  /** Whether the judge this sheet's judge replaced marked the cell: it takes no value here. */
  const closed = (number: string, criterion: string) => sheet.value !== undefined && cellClosed(sheet.value, number, criterion)
  /** Whether a cell takes a value now (see cellOpen). */
  const open = (number: string, criterion: string) => sheet.value !== undefined && cellOpen(sheet.value, number, criterion)
  /** Whether the chief judge asked for the cell to be marked again. */
  const asked = (number: string, criterion: string) => sheet.value !== undefined && remarkOn(sheet.value, number, criterion) !== undefined

  /** A cell has a value once the server holds one or one waits to be sent. */
  function marked(number: string, criterion: string): boolean {
    const key = gridCell(number, criterion)
    return stored.has(key) || pending.value.has(key)
  }

  const missingCells = computed(() =>
    rows.value.flatMap((r) => criteria.value.filter((c) => !marked(r.number, c.code) && !closed(r.number, c.code)).map((c) => `${r.number} ${c.name}`)),
  )
  const missing = computed(() => missingCells.value.length)

  function isMissing(number: string, criterion: string): boolean {
    return showMissing.value && !marked(number, criterion) && !closed(number, criterion)
  }

  function syncQueueState(): void {
    pending.value = new Set((queue?.pending ?? []).map((p) => gridCell(p.number, p.criterion)))
  }

  /** Shows a sheet as the server sent it, with what still waits in this browser on top. */
  function fill(s: Sheet): void {
    sheet.value = s
    stored.clear()
    texts.clear()
    problems.clear()
    notes.clear()
    for (const r of s.rows) {
      for (const m of Object.values(r.marks)) {
        stored.set(gridCell(r.number, m.criterion), m)
        texts.set(gridCell(r.number, m.criterion), showStored(m))
        notes.set(gridCell(r.number, m.criterion), m.note)
      }
    }
    const key = opts.queueKey()
    if (!key) return
    queue = new MarkQueue(localStorage, key)
    for (const p of queue.pending) {
      texts.set(gridCell(p.number, p.criterion), show(p.criterion, p.hundredths))
      notes.set(gridCell(p.number, p.criterion), p.note)
    }
    syncQueueState()
    void flush()
  }

  /** Sends what waits, one flush at a time; a failed connection is retried by the timer and the online event. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      const q = queue
      if (!q || q.pending.length === 0) return
      const result = await q.flush(opts.send)
      offline.value = result.offline
      for (const m of result.stored) {
        stored.set(gridCell(m.number, m.criterion), m)
        if (!q.find(m.number, m.criterion)) {
          texts.set(gridCell(m.number, m.criterion), showStored(m))
          notes.set(gridCell(m.number, m.criterion), m.note)
        }
      }
      conflicts.value = [...conflicts.value, ...result.conflicts]
      // A changed value answers the request to mark its cell again, and may hand the sheet back in.
      if (result.stored.some((m) => asked(m.number, m.criterion))) void opts.reloadState()
      for (const r of result.refused) {
        const key = gridCell(r.mark.number, r.mark.criterion)
        const s = stored.get(key)
        texts.set(key, s ? showStored(s) : '')
        ElMessage.error(t('sheet.refused', { number: r.mark.number, criterion: criterionName(r.mark.criterion), reason: r.error.message }))
        if (r.error.code === 'stale_version') void opts.reload()
        else if (r.error.code === 'wrong_step' || r.error.code === 'conflict') void opts.reloadState()
      }
      syncQueueState()
    })().finally(() => {
      flushing = undefined
    })
    return flushing
  }

  function onInput(number: string, criterion: string, value: string): void {
    const key = gridCell(number, criterion)
    texts.set(key, value)
    const read = value.trim() === '' ? undefined : columnFor(criterion).read(value)
    if (read && 'problem' in read) problems.set(key, read.problem)
    else problems.delete(key)
  }

  /** Keeps a typed value: queued at once (so a dropped connection loses nothing), then sent. */
  function commit(number: string, criterion: string): void {
    const key = gridCell(number, criterion)
    const text = (texts.get(key) ?? '').trim()
    const current = stored.get(key)
    if (text === '') {
      // A stored value is changed, never emptied.
      if (current) texts.set(key, showStored(current))
      problems.delete(key)
      return
    }
    const read = columnFor(criterion).read(text)
    if ('problem' in read) {
      problems.set(key, read.problem)
      return
    }
    texts.set(key, show(criterion, read.hundredths))
    const note = (notes.get(key) ?? '').trim()
    const waiting = queue?.find(number, criterion)
    const same = waiting
      ? waiting.hundredths === read.hundredths && waiting.note === note
      : current && pointsFromNumber(current.points) === read.hundredths && current.note === note
    if (same || !queue) return
    queue.add({ number, criterion, hundredths: read.hundredths, note, version: current?.version ?? 0 })
    syncQueueState()
    void flush()
  }

  function focusCell(r: number, c: number): void {
    const input = document.querySelector<HTMLInputElement>(`[data-cell="${r}-${c}"]`)
    if (input) {
      input.focus()
      input.select()
    }
  }

  function onKeydown(event: KeyboardEvent, r: number, c: number): void {
    const number = rows.value[r].number
    const code = criteria.value[c].code
    const lastRow = rows.value.length - 1
    const lastCol = criteria.value.length - 1
    const input = event.target as HTMLInputElement
    switch (event.key) {
      case 'Enter':
        event.preventDefault()
        commit(number, code)
        if (problems.has(gridCell(number, code))) return
        if (enterDown.value) focusCell(r < lastRow ? r + 1 : 0, r < lastRow ? c : Math.min(c + 1, lastCol))
        else focusCell(c < lastCol ? r : Math.min(r + 1, lastRow), c < lastCol ? c + 1 : 0)
        return
      case 'ArrowDown':
        event.preventDefault()
        focusCell(Math.min(r + 1, lastRow), c)
        return
      case 'ArrowUp':
        event.preventDefault()
        focusCell(Math.max(r - 1, 0), c)
        return
      case 'ArrowRight':
        if (input.selectionStart === input.value.length && c < lastCol) {
          event.preventDefault()
          focusCell(r, c + 1)
        }
        return
      case 'ArrowLeft':
        if (input.selectionEnd === 0 && c > 0) {
          event.preventDefault()
          focusCell(r, c - 1)
        }
        return
    }
  }

  function setEnterDown(down: boolean): void {
    enterDown.value = down
    localStorage.setItem('leitai.sheet.enter', down ? 'down' : 'right')
  }

  /** Settles a value someone changed meanwhile: this one's (sent again over the stored version) or the stored one. */
  function resolve(conflict: MarkConflict, keepMine: boolean): void {
    conflicts.value = conflicts.value.filter((c) => c !== conflict)
    const key = gridCell(conflict.stored.number, conflict.stored.criterion)
    stored.set(key, conflict.stored)
    if (keepMine && queue) {
      queue.add({ ...conflict.mine, version: conflict.stored.version })
      texts.set(key, show(conflict.mine.criterion, conflict.mine.hundredths))
      syncQueueState()
      void flush()
    } else {
      texts.set(key, showStored(conflict.stored))
    }
  }

  /** Sends what waits, then tells whether the sheet is complete and all of it stored; shows the missing cells if not. */
  async function readyToSubmit(): Promise<boolean> {
    await flush()
    if (missing.value > 0 || unsent.value > 0) {
      showMissing.value = true
      return false
    }
    return true
  }

  function onOnline(): void {
    void flush()
  }

  onMounted(() => {
    window.addEventListener('online', onOnline)
    retry = setInterval(() => {
      if (unsent.value > 0) void flush()
    }, 5000)
  })

  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline)
    clearInterval(retry)
  })

  return reactive({
    sheet,
    stored,
    texts,
    problems,
    notes,
    conflicts,
    pending,
    unsent,
    offline,
    showMissing,
    enterDown,
    criteria,
    rows,
    editable,
    missingCells,
    missing,
    criterionName,
    show,
    showStored,
    limitText,
    isMissing,
    closed,
    open,
    asked,
    fill,
    flush,
    onInput,
    commit,
    focusCell,
    onKeydown,
    setEnterDown,
    resolve,
    readyToSubmit,
  })
}

export type MarkGrid = ReturnType<typeof useMarkGrid>
