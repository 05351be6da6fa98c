import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { todoCount } from '@/queries/warnings';
import { tempDb } from '../helpers/temp-db';

/**
 * The header's 待办 count (docs/workflow.md): the doubts sent or returned to the viewer's unit — a 镇's own and its
 * bodies' — and nothing that was answered, closed, never sent, or sent elsewhere.
 */
describe('todoCount', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await db.run(`
      INSERT INTO units (id, kind, name, parent_id) VALUES
        (9001, 'town', '甲镇', NULL), (9002, 'department', '甲镇财政所', 9001), (9003, 'town', '乙镇', NULL);
      INSERT INTO warnings (rule_id, key, subject_type, subject_id, unit_id, severity, status, assigned_unit_id) VALUES
        ('IDLE_FUNDS', 'k1', 'indicator', '1', 9001, 'red', 'sent', 9001),       -- 甲镇: waits
        ('IDLE_FUNDS', 'k2', 'indicator', '2', 9001, 'red', 'returned', 9002),   -- its body: returned, waits again
        ('IDLE_FUNDS', 'k3', 'indicator', '3', 9001, 'red', 'rectified', 9001),  -- answered
        ('IDLE_FUNDS', 'k4', 'indicator', '4', 9001, 'red', 'closed', 9001),     -- closed
        ('IDLE_FUNDS', 'k5', 'indicator', '5', 9001, 'red', 'new', NULL),        -- not sent yet
        ('IDLE_FUNDS', 'k6', 'indicator', '6', 9003, 'red', 'sent', 9003)        -- 乙镇's
    `);
  });
  afterAll(() => cleanup());

  it('counts what waits for a 镇 and its bodies', async () => {
    // k1 (sent to 甲镇) + k2 (returned to its 财政所) = 2
    expect(await todoCount(db, { kind: 'town', unitId: 9001 })).toBe(2);
    expect(await todoCount(db, { kind: 'town', unitId: 9003 })).toBe(1);
  });

  it('counts what waits for a body itself, and nothing for the unscoped roles or an idle 股室', async () => {
    expect(await todoCount(db, { kind: 'department', unitId: 9002 })).toBe(1);
    expect(await todoCount(db, { kind: 'all' })).toBe(0);
    expect(await todoCount(db, { kind: 'section', unitId: 9999 })).toBe(0);
  });

  it('is kept for the header, and counts again once a step lands', async () => {
    expect(await todoCount(db, { kind: 'town', unitId: 9003 })).toBe(1);
    // 乙镇 answers k6 (a write through the owner, as every workflow step is): nothing waits for it any more.
    await db.run("UPDATE warnings SET status = 'rectified' WHERE key = 'k6'");
    expect(await todoCount(db, { kind: 'town', unitId: 9003 })).toBe(0);
  });
});
