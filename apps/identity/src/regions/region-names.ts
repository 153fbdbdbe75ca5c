import type { CityView, ProvinceView } from '@pilot/contracts';

/** What people leave off a region's name in a sheet: 山东省 → 山东, 广西壮族自治区 → 广西, 济南市 → 济南. */
const PROVINCE_SUFFIX = /(?:壮族|回族|维吾尔)?自治区$|[省市]$/;
const CITY_SUFFIX = /(?:市|地区|盟)$/;

/**
 * Finds provinces, and cities within a province, by what a sheet says: the six-digit code, the
 * full name or the name without its suffix. A short name that two regions share finds neither.
 */
export class RegionNames {
  private readonly provinces: Map<string, ProvinceView>;
  private readonly citiesByProvince = new Map<string, Map<string, CityView>>();

  constructor(provinces: readonly ProvinceView[], cities: readonly (CityView & { provinceCode: string })[]) {
    this.provinces = lookup(provinces, PROVINCE_SUFFIX);
    for (const province of provinces) {
      this.citiesByProvince.set(province.code, lookup(cities.filter((city) => city.provinceCode === province.code), CITY_SUFFIX));
    }
  }

  province(text: string): ProvinceView | undefined {
    return this.provinces.get(text.trim());
  }

  city(provinceCode: string, text: string): CityView | undefined {
    return this.citiesByProvince.get(provinceCode)?.get(text.trim());
  }
}

function lookup<T extends { code: string; name: string }>(regions: readonly T[], suffix: RegExp): Map<string, T> {
  const found = new Map<string, T>();
  for (const region of regions) {
    found.set(region.code, region);
    found.set(region.name, region);
  }
  const shortNames = new Map<string, T[]>();
  for (const region of regions) {
    const short = region.name.replace(suffix, '');
    if (short && short !== region.name) shortNames.set(short, [...(shortNames.get(short) ?? []), region]);
  }
  for (const [short, holders] of shortNames) {
    if (holders.length === 1 && !found.has(short)) found.set(short, holders[0]);
  }
  return found;
}
