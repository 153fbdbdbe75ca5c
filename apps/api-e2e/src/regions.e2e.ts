import type { CityView, CollegeDirectoryPage, ProvinceView } from '@pilot/contracts';
import { API } from './gateway-process';

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${API}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

describe('regions through gateway, broker, identity service and store', () => {
  it('lists all 31 province-level regions with their education departments', async () => {
    const { status, body } = await getJson<ProvinceView[]>('/regions/provinces');
    expect(status).toBe(200);
    expect(body).toHaveLength(31);
    expect(body).toContainEqual({ code: '110000', name: '北京市', departmentName: '北京市教育委员会' });
    expect(body).toContainEqual({ code: '650000', name: '新疆维吾尔自治区', departmentName: '新疆维吾尔自治区教育厅' });
    expect(new Set(body.map((p) => p.code)).size).toBe(31);
  });

  it('lists the cities of every province, and the districts of a municipality', async () => {
    const provinces = (await getJson<ProvinceView[]>('/regions/provinces')).body;
    for (const province of provinces) {
      const { status, body } = await getJson<CityView[]>(`/regions/provinces/${province.code}/cities`);
      expect(status).toBe(200);
      expect(body.length).toBeGreaterThan(0);
      expect(body.every((city) => city.code.startsWith(province.code.slice(0, 2)))).toBe(true);
    }
    const shandong = (await getJson<CityView[]>('/regions/provinces/370000/cities')).body;
    expect(shandong).toHaveLength(16);
    expect(shandong).toContainEqual({ code: '370100', name: '济南市' });
    expect((await getJson<CityView[]>('/regions/provinces/110000/cities')).body).toContainEqual({ code: '110101', name: '东城区' });
    const unknown = await getJson('/regions/provinces/990000/cities');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'PROVINCE_NOT_FOUND', message: '未找到该省份' });
  });

  it('pages a province directory with city names and no identification codes (a college proves itself by its code)', async () => {
    const { status, body } = await getJson<CollegeDirectoryPage>('/regions/provinces/370000/colleges?pageSize=5');
    expect(status).toBe(200);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(5);
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThanOrEqual(10);
    for (const college of body.items) {
      expect(college).not.toHaveProperty('identificationCode');
      expect(college.cityCode).toMatch(/^37\d{4}$/);
      expect(college.cityName).toMatch(/市$/);
      expect(typeof college.registered).toBe('boolean');
    }
    const second = await getJson<CollegeDirectoryPage>('/regions/provinces/370000/colleges?pageSize=5&page=2');
    const firstIds = new Set(body.items.map((c) => c.id));
    expect(second.body.items.some((c) => firstIds.has(c.id))).toBe(false);
  });

  it('searches a province directory by a keyword of the name', async () => {
    const { body } = await getJson<CollegeDirectoryPage>(`/regions/provinces/370000/colleges?q=${encodeURIComponent('商业')}`);
    expect(body.items.map((c) => c.name)).toEqual(['山东商业职业技术学院']);
    const other = await getJson<CollegeDirectoryPage>(`/regions/provinces/440000/colleges?q=${encodeURIComponent('商业')}`);
    expect(other.body.total).toBe(0);
  });

  it('treats regex characters in the keyword as plain text', async () => {
    const { status, body } = await getJson<CollegeDirectoryPage>(`/regions/provinces/370000/colleges?q=${encodeURIComponent('.*')}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });

  it('answers an unknown province with 404 PROVINCE_NOT_FOUND in Chinese', async () => {
    const { status, body } = await getJson('/regions/provinces/990000/colleges');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'PROVINCE_NOT_FOUND', message: '未找到该省份' });
  });

  it('rejects a malformed province code and a page size out of range with 400 VALIDATION_FAILED', async () => {
    const badCode = await getJson<{ code: string; message: string; details: { fields: Record<string, string[]> } }>('/regions/provinces/abc/colleges');
    expect(badCode.status).toBe(400);
    expect(badCode.body.code).toBe('VALIDATION_FAILED');
    expect(badCode.body.details.fields['code']).toEqual(['省份代码应为六位数字，如 370000']);
    const badSize = await getJson<{ code: string; details: { fields: Record<string, string[]> } }>('/regions/provinces/370000/colleges?pageSize=1000');
    expect(badSize.status).toBe(400);
    expect(badSize.body.details.fields['pageSize']).toEqual(['每页最多100条']);
    const unknownParam = await getJson<{ code: string }>('/regions/provinces/370000/colleges?hack=1');
    expect(unknownParam.status).toBe(400);
  });
});
