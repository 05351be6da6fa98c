import type { NextConfig } from 'next';

/**
 * An 已整改 answer may carry a file of up to 10 MB (docs/workflow.md); its form posts to a server action through the
 * proxy. Both limits leave room for the form's other fields and the multipart framing: the proxy would otherwise cut
 * the body silently at 10 MB, and a server action refuses more than 1 MB. The action itself refuses a file over 10 MB
 * with a message (lib/warnings/attachments.ts).
 */
const FORM_WITH_ATTACHMENT = '11mb';

const nextConfig: NextConfig = {
  // DuckDB's binding and resvg (the 通报's chart PNGs in Word) ship per-platform native binaries that the bundler must
  // not try to resolve; playwright-core (the 通报's PDF) loads its drivers at run time.
  serverExternalPackages: ['@duckdb/node-api', '@resvg/resvg-js', 'playwright-core'],
  experimental: {
    serverActions: { bodySizeLimit: FORM_WITH_ATTACHMENT },
    proxyClientMaxBodySize: FORM_WITH_ATTACHMENT,
  },
};

export default nextConfig;
