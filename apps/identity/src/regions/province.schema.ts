import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A province-level region and the education department that reviews its colleges. */
@Schema({ collection: 'provinces', timestamps: true })
export class Province {
  /** Six-digit administrative division code, e.g. 370000. */
  @Prop({ required: true, unique: true })
  code!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  departmentName!: string;
}

export const ProvinceSchema = SchemaFactory.createForClass(Province);
