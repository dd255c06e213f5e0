import { describe, expect, it } from 'vitest';
import { categoriesServedBy, windowServesCategory, type WindowSkills } from './eligibility';

const set = (...xs: string[]) => new Set(xs);

describe('window–category eligibility from the 全岗通 skills matrix', () => {
  const categories = [
    { id: 'enterprise', itemIds: ['i-company', 'i-sole'] },
    { id: 'social', itemIds: ['i-pension'] },
    { id: 'empty', itemIds: [] },
  ];

  it('a department window serves a category whose items are all accepted at the window', () => {
    const w: WindowSkills = {
      kind: 'department',
      windowItemIds: set('i-company', 'i-sole'),
      officerItemIds: null,
    };
    expect([...categoriesServedBy(w, categories)]).toEqual(['enterprise']);
  });

  it('a comprehensive window serves what its officer is skilled for', () => {
    const all = set('i-company', 'i-sole', 'i-pension');
    const trained: WindowSkills = { kind: 'comprehensive', windowItemIds: all, officerItemIds: all };
    const newcomer: WindowSkills = {
      kind: 'comprehensive',
      windowItemIds: all,
      officerItemIds: set('i-pension'),
    };
    expect([...categoriesServedBy(trained, categories)]).toEqual(['enterprise', 'social']);
    expect([...categoriesServedBy(newcomer, categories)]).toEqual(['social']);
  });

  it('a comprehensive window without an officer serves nothing', () => {
    const w: WindowSkills = { kind: 'comprehensive', windowItemIds: set('i-pension'), officerItemIds: null };
    expect(windowServesCategory(w, ['i-pension'])).toBe(false);
  });

  it('covering only some items of a category is not enough', () => {
    const w: WindowSkills = { kind: 'department', windowItemIds: set('i-company'), officerItemIds: null };
    expect(windowServesCategory(w, ['i-company', 'i-sole'])).toBe(false);
  });

  it('an officer skilled for an item the window is not listed for does not make the window serve it', () => {
    const w: WindowSkills = { kind: 'comprehensive', windowItemIds: set(), officerItemIds: set('i-pension') };
    expect(windowServesCategory(w, ['i-pension'])).toBe(false);
  });

  it('a category without items is served by nobody', () => {
    const w: WindowSkills = { kind: 'department', windowItemIds: set('x'), officerItemIds: set('x') };
    expect(windowServesCategory(w, [])).toBe(false);
  });
});
