import { FIELD, LABEL } from './form';

/**
 * 预算年度 and 截止日期, the period of the one filter (docs/views.md), as every filter bar shows them: the URL's
 * `year` and `as_of`. A year the list lacks (typed into the URL) is still offered, so the form shows what is read.
 * `anyYear`: the label of an empty year (数据质量 checks a whole batch, every date); the date is then left out.
 * `fill`: the fields take their grid cell's width on a phone (支付明细's two-column bar).
 */
export function PeriodFields({ years, year, asOf, testId, anyYear, fill = false }: {
  years: number[]; year: number | null; asOf: string | null; testId: string; anyYear?: string; fill?: boolean;
}) {
  const list = year !== null && !years.includes(year) ? [...years, year].sort((a, b) => b - a) : years;
  return (
    <>
      <label className={LABEL}>
        预算年度
        <select name="year" defaultValue={year ?? ''} className={`${FIELD} ${fill ? 'w-full sm:w-28' : 'w-28'}`} data-testid={`${testId}-year`}>
          {year === null && anyYear && <option value="">{anyYear}</option>}
          {list.map((y) => <option key={y} value={y}>{y}年度</option>)}
        </select>
      </label>
      {asOf !== null && (
        <label className={LABEL}>
          截止日期
          <input type="date" name="as_of" defaultValue={asOf} required className={`${FIELD} ${fill ? 'w-full sm:w-40' : 'w-40'}`} data-testid={`${testId}-as-of`} />
        </label>
      )}
    </>
  );
}
