import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessage } from './index';
import { entityName, entityNames } from './entities';

/** Every `entity: '…'` (or a template starting with a key) that server code puts into an error. */
function entityKeysUsedByServer(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const k of entityKeysUsedByServer(path)) keys.add(k);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      const src = readFileSync(path, 'utf8');
      for (const m of src.matchAll(
        /AppError\(\s*'NOT_FOUND',\s*\{\s*entity:\s*(['`])([^'`$]+?)\s*(\$\{[^}]*\})?\1/g,
      ))
        keys.add(m[2]!.trim());
    }
  }
  return keys;
}

describe('entity names in error messages', () => {
  it('names every entity the server can report as not found, in both languages', () => {
    const used = entityKeysUsedByServer(join(__dirname, '../../server'));
    expect(used.size).toBeGreaterThan(20);
    const unnamed = [...used].filter((k) => !entityNames[k]);
    expect(unnamed).toEqual([]);
  });

  it('shows the name, not the key, in both languages', () => {
    expect(errorMessage('NOT_FOUND', { entity: 'ticket_category' }, 'zh-CN')).toBe('未找到取号类别');
    expect(errorMessage('NOT_FOUND', { entity: 'ticket_category' }, 'en')).toBe('ticket category not found');
    expect(errorMessage('NOT_FOUND', { entity: 'ticket A012' }, 'zh-CN')).toBe('未找到号票 A012');
  });

  it('keeps an unknown key visible rather than hiding it', () => {
    expect(entityName('gizmo', 'zh-CN')).toBe('gizmo');
  });
});
