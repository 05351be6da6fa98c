import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import type { PaymentExportRow } from '@/queries/payments';

const ROW: PaymentExportRow = {
  pay_date: '2018-09-07', voucher_no: 'PZ001', amount: '-12345678901.23', unit_name: '石窑镇', town_name: '石窑镇',
  village_name: null, payee_name: '=cmd|" /C calc"!A0', payee_type: 'person', payee_account: '6217000012345678901',
  payee_bank: '农商行, 石窑支行', purpose: '他说"好"\n第二行', indicator_id: 'ZB1', indicator_doc_no: '@doc', fund_name: '+资金',
  project_code: null, func_code: '2130599', eco_code: '30305',
};

describe('支付明细 export files', () => {
  it('CSV: UTF-8 BOM, Chinese headers, exact 元, quoted and neutralised cells, CRLF', () => {
    const csv = paymentsCsv([ROW]);
    expect(csv.startsWith('\uFEFF支付日期,支付凭证号,金额(元),')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      '2018-09-07,PZ001,-12345678901.23,石窑镇,石窑镇,,"\'=cmd|"" /C calc""!A0",个人,6217000012345678901,"农商行, 石窑支行",'
      + '"他说""好""\n第二行",ZB1,\'@doc,\'+资金,,2130599,30305',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('XLSX: the amount is a number equal to the DECIMAL, text cells are neutralised text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await paymentsXlsx([ROW, { ...ROW, voucher_no: 'PZ002', amount: '0.07' }])) as never);
    const sheet = workbook.getWorksheet('支付明细')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    const amountCol = EXPORT_COLUMNS.findIndex((c) => c.key === 'amount') + 1;
    expect(sheet.getRow(2).getCell(amountCol).value).toBe(-12345678901.23);
    expect(sheet.getRow(3).getCell(amountCol).value).toBe(0.07);
    expect(sheet.getRow(2).getCell(EXPORT_COLUMNS.findIndex((c) => c.key === 'payee_name') + 1).value).toBe('\'=cmd|" /C calc"!A0');
    expect(sheet.getRow(2).getCell(EXPORT_COLUMNS.findIndex((c) => c.key === 'payee_account') + 1).value).toBe('6217000012345678901');
    expect(sheet.rowCount).toBe(3);
  });
});
