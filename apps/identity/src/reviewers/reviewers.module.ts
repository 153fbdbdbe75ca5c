import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { ReviewersHandlers } from './reviewers.handlers';
import { ReviewersService } from './reviewers.service';

@Module({
  imports: [RegionsModule],
  controllers: [ReviewersHandlers],
  providers: [ReviewersService],
})
export class ReviewersModule {}
