import { LIMITS } from '@/api/limits'

/**
 * What the people register's search box asks for: a whole resident ID number finds that one
 * worker (the server never matches part of one), anything else searches names, trades and
 * organisations.
 */
export function searchFilters(typed: string): { q: string; id_number: string } {
  const text = typed.trim()
  if (text.length === LIMITS.idNumber && /^\d{17}[\dXx]$/.test(text)) return { q: '', id_number: text.toUpperCase() }
  return { q: text, id_number: '' }
}
