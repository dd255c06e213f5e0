/**
 * Which window calls which ticket category (全岗通). A category is bound to catalog items; the
 * catalog's skills matrix says which windows (`item_windows`) and which staff (`item_staff`) may
 * accept each item.
 *
 * - A department window (部门窗口) serves a category when the window may accept every item of it:
 *   the department's officers there are its own staff.
 * - A comprehensive window (综合窗口) may take any item of the center, so what it serves depends on
 *   who sits there: the window must be listed for every item AND the officer at the window must be
 *   skilled for every item (17 windows merged into 6 only works if each officer is trained).
 *
 * "Every item", not "any": a visitor in the category may need any of its items, so a window that
 * covers only some of them would call people it must send away.
 */
export interface WindowSkills {
  readonly kind: 'department' | 'comprehensive';
  /** Items the window may accept. */
  readonly windowItemIds: ReadonlySet<string>;
  /** Items the officer at the window is skilled for; null when nobody is at the window. */
  readonly officerItemIds: ReadonlySet<string> | null;
}

export function windowServesCategory(w: WindowSkills, categoryItemIds: readonly string[]): boolean {
  if (categoryItemIds.length === 0) return false;
  if (!categoryItemIds.every((i) => w.windowItemIds.has(i))) return false;
  if (w.kind === 'department') return true;
  const officer = w.officerItemIds;
  return officer !== null && categoryItemIds.every((i) => officer.has(i));
}

/** The ids of the categories a window serves. */
export function categoriesServedBy(
  w: WindowSkills,
  categories: readonly { readonly id: string; readonly itemIds: readonly string[] }[],
): Set<string> {
  return new Set(categories.filter((c) => windowServesCategory(w, c.itemIds)).map((c) => c.id));
}
