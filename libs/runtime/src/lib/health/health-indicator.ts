import { Injectable } from '@nestjs/common';

export interface HealthIndicator {
  name: string;
  isHealthy(): Promise<boolean> | boolean;
}

/** Where each part of a service (broker, store, ...) says how it is; readiness asks them all. */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  add(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(): Promise<{ healthy: boolean; checks: Record<string, 'up' | 'down'> }> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => {
        try {
          return [indicator.name, (await withTimeout(indicator.isHealthy(), 2000)) ? 'up' : 'down'] as const;
        } catch {
          return [indicator.name, 'down'] as const;
        }
      }),
    );
    return { healthy: results.every(([, state]) => state === 'up'), checks: Object.fromEntries(results) };
  }
}

function withTimeout<T>(value: Promise<T> | T, ms: number): Promise<T> {
  return Promise.race([
    Promise.resolve(value),
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('health check timed out')), ms).unref()),
  ]);
}
