import { describe, expect, it } from 'vitest';
import { auditTargetLabel, auditUnitIds, describeAuditDetail } from '@/lib/auth/audit-labels';

/** The audit log's words for a 疑点 step and a rule run (docs/workflow.md: every step is an audit row). */
describe('audit text of 疑点 steps and rule runs', () => {
  it('names the rule, the states and the unit a doubt was sent to in Chinese', () => {
    const detail = '{"rule":"SHARED_ACCOUNT","subject":"account:6217000000000000888","from":"new","to":"sent","sent_to":103,"deadline":"2026-12-09","comment":"请核实"}';
    expect(auditUnitIds([detail])).toEqual([103]);
    // As the admin reads it (the account whole; everyone else reads it masked, test/unit/privacy-mask.test.ts).
    expect(describeAuditDetail(detail, new Map([[103, '石窑镇']]), 'whole'))
      .toBe('预警规则：一卡多人；对象：account:6217000000000000888；原状态：待认定；新状态：待核实；下发单位：石窑镇；答复期限：2026-12-09；说明：请核实');
    expect(describeAuditDetail('{"from":"rectified","to":"closed","sent_to":999}')).toBe('原状态：已整改；新状态：已销号；下发单位：#999（已不存在）');
  });

  it('names a rule run and its figures', () => {
    expect(auditTargetLabel('rule_run:2')).toBe('预警运行 #2');
    expect(describeAuditDetail('{"run_id":2,"as_of":"2018-10-31","rules":19,"rows":2902,"new":0,"cleared":0}'))
      .toBe('运行编号：2；截止日期：2018-10-31；规则数：19；行数：2902；新增：0；数据已消除：0');
  });
});
