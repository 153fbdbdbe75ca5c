import { Matches } from 'class-validator';
import { MAINLAND_MOBILE } from '@pilot/contracts';

export class PhoneQuery {
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone!: string;
}
