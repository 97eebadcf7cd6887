import { http } from './http'
import type { Todo } from './types'

export const todoApi = {
  /** What waits for the caller; the server decides by its role. */
  mine: () => http.get<Todo>('/todo'),
}
