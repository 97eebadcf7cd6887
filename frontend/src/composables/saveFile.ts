import type { Download } from '@/api/http'

/** Hands a downloaded file to the browser to save, under its name. */
export function saveFile(file: Download): void {
  const url = URL.createObjectURL(file.blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
