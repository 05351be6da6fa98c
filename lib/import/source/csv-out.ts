import { open, type FileHandle } from 'node:fs/promises';
import { PRIVATE_FILE_MODE, writeAll } from './transcode';

/** One CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Buffered writer of a comma-separated UTF-8 file with a fixed number of fields per record. */
export class CsvWriter {
  private parts: string[] = [];
  private size = 0;
  records = 0;

  private constructor(private readonly fh: FileHandle, readonly width: number) {}

  static async create(file: string, width: number): Promise<CsvWriter> {
    return new CsvWriter(await open(file, 'wx', PRIVATE_FILE_MODE), width);
  }

  /** Writes one record of exactly `width` fields (missing cells are empty; cells beyond width must be blank). */
  async write(cells: readonly string[]): Promise<void> {
    let line = '';
    for (let j = 0; j < this.width; j++) {
      if (j) line += ',';
      const v = cells[j];
      if (v) line += csvField(v);
    }
    line += '\n';
    this.parts.push(line);
    this.size += line.length;
    this.records++;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    await writeAll(this.fh, buf);
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
  }
}
