import type { OrgKind, OrgNode } from '@/api/types'

export function isUnion(kind: OrgKind): boolean {
  return kind !== 'enterprise'
}

export function findNode(nodes: readonly OrgNode[], id: number): OrgNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const found = findNode(node.children, id)
    if (found) return found
  }
  return undefined
}

/** The unions an organisation may move under: no enterprises, and not itself or its own subtree. */
export function parentChoices(nodes: readonly OrgNode[], movingId: number): OrgNode[] {
  return nodes
    .filter((node) => node.id !== movingId && isUnion(node.kind))
    .map((node) => ({ ...node, children: parentChoices(node.children, movingId) }))
}
