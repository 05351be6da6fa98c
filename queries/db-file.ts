/** The demo database, which `npm start` builds when it is missing. */
export const DEFAULT_DB_FILE = 'data/demo.duckdb';

/** The database the server and the CLI use: $FUND_MONITOR_DB, else the demo database. */
export const configuredDbFile = (env: Record<string, string | undefined> = process.env) => env.FUND_MONITOR_DB ?? DEFAULT_DB_FILE;
