import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The DuckDB binding ships per-platform native binaries that the bundler must not try to resolve.
  serverExternalPackages: ['@duckdb/node-api'],
};

export default nextConfig;
