import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { PilotResult, PilotResultSchema } from './pilot-result.schema';
import { PilotStatusHandlers } from './pilot-status.handlers';
import { PilotStatusService } from './pilot-status.service';

/** Who is a pilot college each year, from the settled results of the applications service. */
@Module({
  imports: [StoreModule.forFeature([{ name: PilotResult.name, schema: PilotResultSchema }])],
  controllers: [PilotStatusHandlers],
  providers: [PilotStatusService],
})
export class PilotStatusModule {}
