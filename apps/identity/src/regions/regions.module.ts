import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { City, CitySchema } from './city.schema';
import { Province, ProvinceSchema } from './province.schema';
import { RegionsHandlers } from './regions.handlers';
import { RegionsService } from './regions.service';

@Module({
  imports: [
    StoreModule.forFeature([
      { name: Province.name, schema: ProvinceSchema },
      { name: City.name, schema: CitySchema },
    ]),
  ],
  controllers: [RegionsHandlers],
  providers: [RegionsService],
  exports: [RegionsService],
})
export class RegionsModule {}
