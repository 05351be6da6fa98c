import { randomBytes } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { isReadOnlyError } from '@/lib/faults/read-only';

/**
 * The answer of an API route to a failure that is ours, not the user's: the error is logged under a short id and the
 * client gets only that id, never the database's message (which names tables, columns, files). An admin finds the
 * log line by the id the user reports (docs/security.md). Pages get the same from Next.js: error.tsx shows the digest
 * it logs.
 */
export function serverError(error: unknown, where: string): Response {
  // Not a fault: the database is read-only (docs/reliability.md), and the user is told so.
  if (isReadOnlyError(error)) return Response.json({ error: error.message }, { status: 503 });
  const errorId = randomBytes(4).toString('hex').toUpperCase();
  console.error(`[${where}] 错误编号 ${errorId}:`, error);
  return Response.json({ error: `服务器内部错误（错误编号 ${errorId}）`, error_id: errorId }, { status: 500 });
}

/**
 * Every route handler is exported through this wrapper, so an error no branch of the handler expected still reaches
 * the user as an error id (serverError) rather than as Next.js's bare 500. Next's own control flow (redirect,
 * notFound) passes through untouched.
 */
export function withErrorId<A extends unknown[]>(where: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error);
      return serverError(error, where);
    }
  };
}
