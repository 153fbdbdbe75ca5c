import { RegionNames } from './region-names';
import { CITIES } from './seed/cities';
import { PROVINCES } from './seed/provinces';

const regions = new RegionNames(
  PROVINCES,
  CITIES.map(([code, name]) => ({ code, name, provinceCode: `${code.slice(0, 2)}0000` })),
);

describe('finding regions by what a sheet says', () => {
  it.each([
    ['山东省', '370000'],
    ['山东', '370000'],
    ['370000', '370000'],
    ['北京', '110000'],
    ['广西壮族自治区', '450000'],
    ['广西', '450000'],
    ['新疆', '650000'],
    ['内蒙古', '150000'],
    [' 山东省 ', '370000'],
  ])('finds the province %s', (text, code) => {
    expect(regions.province(text)?.code).toBe(code);
  });

  it('finds no province for an unknown name or a city code', () => {
    expect(regions.province('山东省省')).toBeUndefined();
    expect(regions.province('370100')).toBeUndefined();
  });

  it('finds a city by code, full name or short name, within its province only', () => {
    expect(regions.city('370000', '济南市')?.code).toBe('370100');
    expect(regions.city('370000', '济南')?.code).toBe('370100');
    expect(regions.city('370000', '370200')?.name).toBe('青岛市');
    expect(regions.city('370000', '广州市')).toBeUndefined();
    expect(regions.city('370000', '440100')).toBeUndefined();
  });

  it('finds a prefecture by its name without 地区 or 盟', () => {
    expect(regions.city('230000', '大兴安岭')?.name).toBe('大兴安岭地区');
    expect(regions.city('150000', '阿拉善')?.name).toBe('阿拉善盟');
  });

  it('finds a city whose short name is also a province by its own province', () => {
    expect(regions.city('220000', '吉林')?.name).toBe('吉林市');
  });
});
