import { EventEmitter } from 'node:events';
import type ExcelJS from 'exceljs';

/** A stream's own bookkeeping: set once a write found the buffer full, cleared when it has emptied ('drain'). */
type ZipInput = EventEmitter & { _writableState: { needDrain: boolean } };

/**
 * The stream through which exceljs's streaming writer (4.4) hands a sheet's XML to the zip. exceljs writes into it
 * without heeding backpressure, and the zip compresses a piece only when the event loop turns, so a loop adding rows
 * would pile the whole uncompressed sheet up in memory (≈100 MB for 100,000 rows). This reaches into exceljs, as no API
 * tells when the zip has caught up; undefined if that shape ever changes (test/unit/export.test.ts checks it).
 */
export function zipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  const input = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0];
  return input instanceof EventEmitter && '_writableState' in input ? (input as ZipInput) : undefined;
}
