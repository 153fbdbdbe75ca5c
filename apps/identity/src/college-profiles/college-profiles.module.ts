import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RegionsModule } from '../regions/regions.module';
import { CollegeProfile, CollegeProfileSchema } from './college-profile.schema';
import { CollegeProfilesHandlers } from './college-profiles.handlers';
import { CollegeProfilesService } from './college-profiles.service';

@Module({
  imports: [RegionsModule, MongooseModule.forFeature([{ name: CollegeProfile.name, schema: CollegeProfileSchema }])],
  controllers: [CollegeProfilesHandlers],
  providers: [CollegeProfilesService],
  exports: [CollegeProfilesService],
})
export class CollegeProfilesModule {}
