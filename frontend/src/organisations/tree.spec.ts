import { describe, expect, it } from 'vitest'
import type { OrgKind, OrgNode } from '@/api/types'
import { findNode, parentChoices } from './tree'

function node(id: number, kind: OrgKind, children: OrgNode[] = []): OrgNode {
  return {
    id, parent_id: null, kind, name: `org${id}`, credit_code: '', region: '', industry: '',
    version: 1, created_at: '', updated_at: '', children,
  }
}

const tree = [
  node(1, 'city_union', [
    node(2, 'district_union', [node(4, 'enterprise'), node(5, 'grassroots_union', [node(6, 'enterprise')])]),
    node(3, 'industry_union'),
  ]),
]

const ids = (nodes: OrgNode[]): number[] => nodes.flatMap((n) => [n.id, ...ids(n.children)])

describe('organisation tree', () => {
  it('finds a node at any depth', () => {
    expect(findNode(tree, 6)?.name).toBe('org6')
    expect(findNode(tree, 99)).toBeUndefined()
  })

  it('offers only unions outside the moving subtree as parents', () => {
    expect(ids(parentChoices(tree, 2))).toEqual([1, 3])
    expect(ids(parentChoices(tree, 6))).toEqual([1, 2, 5, 3])
  })
})
