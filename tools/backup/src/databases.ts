import { BackupError } from './backup-error';

/**
 * The databases of the platform: one per service, named after it (each service's MONGO_DB
 * default), the gateway's holding the evidence files' GridFS bucket.
 */
export const SERVICE_DATABASES = ['identity', 'planning', 'applications', 'notifications', 'gateway'] as const;

/** Plain database names, as the services' MONGO_DB takes them. */
const NAME = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * The prefix of the database names: the one given, else the launcher's `slot<n>_` when
 * PLATFORM_SLOT names a slot other than 0 (tools/platform/launch.mjs), else none.
 */
export function databasePrefix(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== undefined) return given;
  const slot = Number(env['PLATFORM_SLOT'] ?? 0);
  return Number.isInteger(slot) && slot > 0 ? `slot${slot}_` : '';
}

/** The database of a service under a prefix; refuses a name MongoDB or the services would not take. */
export function databaseName(prefix: string, service: string): string {
  const name = `${prefix}${service}`;
  if (!NAME.test(name)) throw new BackupError(`"${name}" is not a plain database name (letters, digits, _ and -, at most 63)`);
  return name;
}
