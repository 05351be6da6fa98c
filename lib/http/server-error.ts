import { randomBytes } from 'node:crypto';

/**
 * The answer of an API route to a failure that is ours, not the user's: the error is logged under a short id and the
 * client gets only that id, never the database's message (which names tables, columns, files). An admin finds the
 * log line by the id the user reports. Pages get the same from Next.js: error.tsx shows the digest it logs.
 */
export function serverError(error: unknown, where: string): Response {
  const errorId = randomBytes(4).toString('hex').toUpperCase();
  console.error(`[${where}] 错误编号 ${errorId}:`, error);
  return Response.json({ error: `服务器内部错误（错误编号 ${errorId}）`, error_id: errorId }, { status: 500 });
}
