import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceInfo, SourceOptions } from '../types';
import { SourceError } from './errors';
import { privateTempDir } from './transcode';

/** The project root: the CLI sets FUND_MONITOR_ROOT; Next.js and Vitest run from the root (as queries/sql.ts). */
const root = () => process.env.FUND_MONITOR_ROOT ?? process.cwd();

type Answer = { id: number; info: SourceInfo } | { id: number; error: { name: string; message: string } };

interface Job {
  id: number;
  request: { filePath: string; fileName: string; options: SourceOptions };
  resolve: (info: SourceInfo) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that reads workbooks, one at a time, started on first use and kept (starting one costs about a
 * second: tsx's loader and exceljs). While it has no work it is unref'd, so it never keeps a process (the CLI, a test
 * run) alive. If it dies, the job it had fails and the next job starts a new one.
 */
class XlsxThread {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private nextId = 1;

  read(filePath: string, fileName: string, options: SourceOptions): Promise<SourceInfo> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request: { filePath, fileName, options }, resolve, reject });
      this.pump();
    });
  }

  private start(): Worker {
    const worker = new Worker(path.join(/*turbopackIgnore: true*/ root(), 'lib/import/source/xlsx-worker.mjs'), {
      workerData: { root: root(), tempDir: privateTempDir() },
    });
    worker.on('message', (m: Answer) => {
      const job = this.current;
      if (!job || job.id !== m.id) return;
      this.current = null;
      if ('info' in m) job.resolve(m.info);
      else job.reject(m.error.name === 'SourceError' ? new SourceError(m.error.message) : Object.assign(new Error(m.error.message), { name: m.error.name }));
      this.pump();
    });
    const died = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.current;
      this.current = null;
      job?.reject(error);
      this.pump();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`读取 Excel 文件的线程意外退出（代码 ${code}）`)));
    return worker;
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.current = job;
    this.worker ??= this.start();
    this.worker.ref();
    this.worker.postMessage({ id: job.id, ...job.request });
  }
}

const holder = globalThis as typeof globalThis & { __fundMonitorXlsxThread?: XlsxThread };

/**
 * readXlsxSource (xlsx.ts) in a worker thread. Parsing a big workbook is seconds of synchronous XML work in exceljs;
 * on the server's main thread it would stall every other request for that long (docs/import-limits.md has the
 * figures). The worker shares the process and its temp folder, so the temporary CSV it writes is the caller's, as
 * with the direct call; a SourceError comes back as a SourceError. One thread per process (on globalThis, shared by
 * every route bundle), so workbooks are parsed one at a time.
 */
export function readXlsxSourceOffThread(filePath: string, fileName: string, options: SourceOptions): Promise<SourceInfo> {
  holder.__fundMonitorXlsxThread ??= new XlsxThread();
  return holder.__fundMonitorXlsxThread.read(filePath, fileName, options);
}
