/**
 * An 已整改 attachment's size limit (docs/workflow.md), apart from the file checks that need Node: the step form checks
 * it in the browser before posting, since a body much larger than the limit would be cut by the proxy
 * (next.config.ts) before the server could answer with this message.
 */
export const ATTACHMENT_LIMIT = 10 * 1024 * 1024;

export function attachmentTooBig(size: number): string | null {
  return size > ATTACHMENT_LIMIT ? `附件不能超过 10 MB，所选文件为 ${(size / 1024 / 1024).toFixed(1)} MB` : null;
}
