import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate';

describe('splitStatements', () => {
  it('splits on line-ending semicolons and skips comments', () => {
    expect(splitStatements('-- c\nCREATE TABLE a (x int);\n\nCREATE INDEX i ON a (x);\n')).toEqual([
      'CREATE TABLE a (x int);',
      'CREATE INDEX i ON a (x);',
    ]);
  });

  it('keeps dollar-quoted bodies whole', () => {
    const sql =
      'CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;';
    const out = splitStatements(sql);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('RETURN 1;');
  });
});
