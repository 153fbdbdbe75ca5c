import { Module } from '@nestjs/common';
import { PilotStatusController } from './pilot-status.controller';

@Module({ controllers: [PilotStatusController] })
export class PilotStatusModule {}
