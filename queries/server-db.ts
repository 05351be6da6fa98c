import 'server-only';

export { serverDb } from './open-server-db';
