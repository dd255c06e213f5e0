import type { VersionAction, VersionStatus } from '../../shared/contracts/catalog';

/**
 * The review workflow of an item version (事项清理: 起草 → 部门审核 → 中心审核 → 发布), as one exhaustive
 * table: status × action → next status, who may do it, and whether a comment is required.
 *  - `admin`: a center administrator in whose scope the item is;
 *  - `department`: an approver or chief representative of the item's own department (部门审核).
 * Returning or cancelling always says why, so the author knows what to change.
 */
export type Reviewer = 'admin' | 'department';
export interface Transition {
  to: VersionStatus;
  by: Reviewer;
  commentRequired: boolean;
}

const table: { readonly [S in VersionStatus]: Partial<Record<VersionAction, Transition>> } = {
  draft: {
    submit: { to: 'department_review', by: 'admin', commentRequired: false },
    cancel: { to: 'cancelled', by: 'admin', commentRequired: true },
  },
  department_review: {
    approve: { to: 'center_review', by: 'department', commentRequired: false },
    return: { to: 'draft', by: 'department', commentRequired: true },
    cancel: { to: 'cancelled', by: 'admin', commentRequired: true },
  },
  center_review: {
    approve: { to: 'published', by: 'admin', commentRequired: false },
    return: { to: 'draft', by: 'admin', commentRequired: true },
    cancel: { to: 'cancelled', by: 'admin', commentRequired: true },
  },
  published: {},
  cancelled: {},
};

export function versionTransition(status: VersionStatus, action: VersionAction): Transition | undefined {
  return table[status][action];
}

export const OPEN_STATUSES: readonly VersionStatus[] = ['draft', 'department_review', 'center_review'];
export const isOpen = (s: VersionStatus): boolean => OPEN_STATUSES.includes(s);
