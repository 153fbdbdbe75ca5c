import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A prefecture-level city, whose education bureau may review before the province. */
@Schema({ collection: 'cities', timestamps: true })
export class City {
  @Prop({ required: true, unique: true })
  code!: string;

  @Prop({ required: true, index: true })
  provinceCode!: string;

  @Prop({ required: true })
  name!: string;
}

export const CitySchema = SchemaFactory.createForClass(City);
