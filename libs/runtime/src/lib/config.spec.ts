import { ConfigError, loadConfig } from './config';
import { StoreServiceConfig } from './service-config';

describe('service configuration from the environment', () => {
  it('takes the service defaults under what the environment sets, converting numbers', () => {
    const config = loadConfig(StoreServiceConfig, { HTTP_PORT: '3102', MONGO_DB: 'planning' }, { AMQP_PREFETCH: '50' });
    expect(config.HTTP_PORT).toBe(3102);
    expect(config.MONGO_DB).toBe('planning');
    expect(config.AMQP_PREFETCH).toBe(50);
    expect(config.AMQP_URL).toBe('amqp://guest:guest@127.0.0.1:5672');
  });

  it('lets MONGO_URL and AMQP_URL point the service at other servers', () => {
    const config = loadConfig(StoreServiceConfig, {}, {
      MONGO_URL: 'mongodb://db-0.db,db-1.db/?replicaSet=rs0',
      AMQP_URL: 'amqps://app:secret@broker.internal:5671',
    });
    expect(config.MONGO_URL).toBe('mongodb://db-0.db,db-1.db/?replicaSet=rs0');
    expect(config.AMQP_URL).toBe('amqps://app:secret@broker.internal:5671');
  });

  it('refuses to start on bad settings and names every one of them', () => {
    let failure: unknown;
    try {
      loadConfig(StoreServiceConfig, {}, { HTTP_PORT: 'eighty', AMQP_URL: 'http://broker', NODE_ENV: 'staging' });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    const problems = (failure as ConfigError).problems.join('\n');
    expect(problems).toMatch(/HTTP_PORT/);
    expect(problems).toMatch(/AMQP_URL must be an amqp/);
    expect(problems).toMatch(/NODE_ENV/);
  });

  it('refuses the development tools in production', () => {
    expect(() => loadConfig(StoreServiceConfig, {}, { NODE_ENV: 'production', DEV_TOOLS: '1' })).toThrow(
      /DEV_TOOLS=1 is refused when NODE_ENV=production/,
    );
    expect(loadConfig(StoreServiceConfig, {}, { NODE_ENV: 'development', DEV_TOOLS: '1' }).DEV_TOOLS).toBe('1');
    expect(loadConfig(StoreServiceConfig, {}, { NODE_ENV: 'production' }).DEV_TOOLS).toBe('0');
  });
});
