import { yuanToWan } from '@/lib/format';
import { RULES } from '@/lib/rules/registry';
import { runRules } from '@/queries/rules/run';
import { cliUser } from './import';
import { openExistingDb } from './open-existing';

export interface RulesRunOptions {
  db: string;
  asOf?: string;
  /** --rule, repeatable */
  rule?: string[];
  user?: string;
  json?: boolean;
}

/**
 * `fund-monitor rules run`: every enabled rule (or the --rule ones) as of --as-of or the newest data, kept as warnings
 * and recorded as a run by cli:$USER (docs/rules.md "Running the rules"). --json prints runRules' result.
 */
export async function rulesRunCommand(opts: RulesRunOptions): Promise<void> {
  const db = await openExistingDb(opts.db);
  try {
    const result = await runRules(db, { asOf: opts.asOf, ruleIds: opts.rule?.length ? opts.rule : undefined, actor: opts.user ?? cliUser() });
    if (opts.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(`预警规则运行 #${result.run_id}，截止 ${result.as_of}，${result.rules.length} 条规则`);
    console.log(['规则', '名称', '发现', '新增', '数据已消除', '金额（万元）', '耗时（毫秒）'].join('\t'));
    for (const r of result.rules) {
      const name = RULES.find((d) => d.id === r.id)?.name ?? '';
      console.log([r.id, name, r.rows, r.new, r.cleared, yuanToWan(r.amount_yuan), r.ms].join('\t'));
    }
  } finally {
    db.close();
  }
}
