import { Matches } from 'class-validator';

export class TestCollegeDto {
  @Matches(/^\d{6}$/, { message: '省份代码应为6位数字' })
  provinceCode!: string;
}
