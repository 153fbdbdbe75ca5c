import { Matches } from 'class-validator';

export class ProvinceCodeParam {
  @Matches(/^\d{2}0000$/, { message: '省份代码应为六位数字，如 370000' })
  code!: string;
}
