import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { StoreServiceConfig } from '@pilot/runtime';

export class PlanningConfig extends StoreServiceConfig {
  /** 1 loads the demo certificate and major catalogues at start-up (never meant for production). */
  @IsIn(['0', '1'])
  SEED_DEMO_DATA: '0' | '1' = '0';

  /** How often the service looks for windows that have ended and not yet been announced. */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(300_000)
  WINDOW_CHECK_INTERVAL_MS = 15_000;
}
