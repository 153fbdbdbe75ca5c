import type { CollegeType } from '@pilot/contracts';

/**
 * DEMO DATA: the directory a fresh platform starts with so that it can be tried out. The
 * colleges and their cities are real names; the identification codes are made up (real ones come
 * from the official list that administrators import). Every record seeded from here is
 * stored with `demo: true`.
 */
export const DEMO_COLLEGES: readonly { cityCode: string; name: string; type: CollegeType; identificationCode: string }[] = [
  { cityCode: '370100', name: '山东商业职业技术学院', type: '高职', identificationCode: '4137010001' },
  { cityCode: '370100', name: '济南职业学院', type: '高职', identificationCode: '4137010002' },
  { cityCode: '370100', name: '山东劳动职业技术学院', type: '高职', identificationCode: '4137010003' },
  { cityCode: '370100', name: '济南大学', type: '本科', identificationCode: '4137010004' },
  { cityCode: '370100', name: '济南信息工程学校', type: '中职', identificationCode: '4137010005' },
  { cityCode: '370200', name: '青岛职业技术学院', type: '高职', identificationCode: '4137020006' },
  { cityCode: '370200', name: '青岛酒店管理职业技术学院', type: '高职', identificationCode: '4137020007' },
  { cityCode: '370300', name: '淄博职业学院', type: '高职', identificationCode: '4137030008' },
  { cityCode: '370600', name: '烟台职业学院', type: '高职', identificationCode: '4137060009' },
  { cityCode: '370600', name: '山东商务职业学院', type: '高职', identificationCode: '4137060010' },
  { cityCode: '370700', name: '潍坊职业学院', type: '高职', identificationCode: '4137070011' },
  { cityCode: '370800', name: '济宁职业技术学院', type: '高职', identificationCode: '4137080012' },
  { cityCode: '440100', name: '广州番禺职业技术学院', type: '高职', identificationCode: '4144010001' },
  { cityCode: '440100', name: '广东机电职业技术学院', type: '高职', identificationCode: '4144010002' },
  { cityCode: '440100', name: '广州铁路职业技术学院', type: '高职', identificationCode: '4144010003' },
  { cityCode: '440100', name: '广东交通职业技术学院', type: '高职', identificationCode: '4144010004' },
  { cityCode: '440100', name: '广州市轻工职业学校', type: '中职', identificationCode: '4144010005' },
  { cityCode: '440300', name: '深圳职业技术大学', type: '本科', identificationCode: '4144030006' },
  { cityCode: '440300', name: '深圳信息职业技术学院', type: '高职', identificationCode: '4144030007' },
  { cityCode: '440600', name: '顺德职业技术学院', type: '高职', identificationCode: '4144060008' },
  { cityCode: '441900', name: '东莞职业技术学院', type: '高职', identificationCode: '4144190009' },
  { cityCode: '440400', name: '珠海城市职业技术学院', type: '高职', identificationCode: '4144040010' },
  { cityCode: '320100', name: '南京工业职业技术大学', type: '本科', identificationCode: '4132010001' },
  { cityCode: '320100', name: '南京信息职业技术学院', type: '高职', identificationCode: '4132010002' },
  { cityCode: '320100', name: '江苏经贸职业技术学院', type: '高职', identificationCode: '4132010003' },
  { cityCode: '320200', name: '无锡职业技术学院', type: '高职', identificationCode: '4132020004' },
  { cityCode: '320200', name: '无锡商业职业技术学院', type: '高职', identificationCode: '4132020005' },
  { cityCode: '320400', name: '常州信息职业技术学院', type: '高职', identificationCode: '4132040006' },
  { cityCode: '320500', name: '苏州市职业大学', type: '高职', identificationCode: '4132050007' },
  { cityCode: '320500', name: '苏州工业园区服务外包职业学院', type: '高职', identificationCode: '4132050008' },
  { cityCode: '320600', name: '南通职业大学', type: '高职', identificationCode: '4132060009' },
  { cityCode: '330100', name: '杭州职业技术学院', type: '高职', identificationCode: '4133010001' },
  { cityCode: '330100', name: '浙江机电职业技术大学', type: '本科', identificationCode: '4133010002' },
  { cityCode: '330100', name: '浙江商业职业技术学院', type: '高职', identificationCode: '4133010003' },
  { cityCode: '330200', name: '宁波职业技术学院', type: '高职', identificationCode: '4133020004' },
  { cityCode: '330300', name: '温州职业技术学院', type: '高职', identificationCode: '4133030005' },
  { cityCode: '330700', name: '金华职业技术大学', type: '本科', identificationCode: '4133070006' },
];
