import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a service's settings from the environment into a validated class. A service refuses
 * to start on a bad setting rather than fail later in the middle of a request. `defaults` are
 * the service's own defaults, under whatever the environment sets.
 */
export function loadConfig<T extends object>(
  schema: new () => T,
  defaults: Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(schema, { ...defaults, ...env }, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`)),
    );
  }
  return config;
}
