import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { RegionsModule } from '../regions/regions.module';
import { CollegeProfile, CollegeProfileSchema } from './college-profile.schema';
import { CollegeProfilesHandlers } from './college-profiles.handlers';
import { CollegeProfilesService } from './college-profiles.service';

@Module({
  imports: [RegionsModule, StoreModule.forFeature([{ name: CollegeProfile.name, schema: CollegeProfileSchema, events: true }])],
  controllers: [CollegeProfilesHandlers],
  providers: [CollegeProfilesService],
  exports: [CollegeProfilesService],
})
export class CollegeProfilesModule {}
