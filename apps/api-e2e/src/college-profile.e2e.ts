import { call, passwordReplaced, registerCollege } from '@pilot/test-kit';

const PROFILE = {
  collegeType: '高职',
  address: '山东省济南市历下区经十路1号',
  postalCode: '250000',
  principalName: '张校长',
  leaderName: '李副校长',
  contactName: '王老师',
  contactPhone: '0531-88886666',
  email: 'office@example.edu.cn',
  fullTimeTeachers: 420,
  students: 12000,
  description: '学校简介',
};

async function signedInCollege() {
  const college = await registerCollege();
  const { token } = await passwordReplaced(college.username, college.password);
  return { college, token };
}

describe('college basic information', () => {
  it('starts empty with the directory facts, and once saved reads back and marks the college complete', async () => {
    const { college, token } = await signedInCollege();
    const empty = await call('GET', '/college/profile', undefined, token);
    expect(empty.body).toEqual(
      expect.objectContaining({ collegeId: college.college.id, collegeName: college.college.name, identificationCode: college.username, provinceName: '山东省', complete: false }),
    );
    expect(empty.body.address).toBeUndefined();

    const saved = await call('PUT', '/college/profile', PROFILE, token);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ ...PROFILE, complete: true, updatedAt: expect.any(String) }));
    expect((await call('GET', '/college/profile', undefined, token)).body).toEqual(saved.body);
    expect((await call('GET', '/auth/me', undefined, token)).body.profileComplete).toBe(true);

    const edited = await call('PUT', '/college/profile', { ...PROFILE, contactName: '赵老师' }, token);
    expect(edited.body.contactName).toBe('赵老师');
  });

  it('belongs to the signed-in college only', async () => {
    const first = await signedInCollege();
    const second = await signedInCollege();
    await call('PUT', '/college/profile', PROFILE, first.token);
    const other = await call('GET', '/college/profile', undefined, second.token);
    expect(other.body).toEqual(expect.objectContaining({ collegeId: second.college.college.id, complete: false }));
    expect(other.body.contactName).toBeUndefined();
    const smuggled = await call('PUT', '/college/profile', { ...PROFILE, collegeId: first.college.college.id }, second.token);
    expect(smuggled.status).toBe(400);
    expect(Object.keys(smuggled.body.details.fields)).toEqual(['collegeId']);
  });

  it.each([
    ['an unknown college type', { collegeType: '大学' }, 'collegeType'],
    ['a five-digit postal code', { postalCode: '25000' }, 'postalCode'],
    ['a malformed email', { email: 'office@' }, 'email'],
    ['a contact phone that is neither mobile nor landline', { contactPhone: '12345' }, 'contactPhone'],
    ['a negative teacher count', { fullTimeTeachers: -1 }, 'fullTimeTeachers'],
    ['a fractional student count', { students: 10.5 }, 'students'],
    ['an empty address', { address: '' }, 'address'],
    ['a description over 2000 characters', { description: '长'.repeat(2001) }, 'description'],
  ])('rejects %s with VALIDATION_FAILED naming the field', async (_case, change, field) => {
    const { token } = await signedInCollege();
    const answer = await call('PUT', '/college/profile', { ...PROFILE, ...change }, token);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(answer.body.details.fields)).toEqual([field]);
    expect((await call('GET', '/college/profile', undefined, token)).body.complete).toBe(false);
  });

  it('rejects more full-time teachers than students', async () => {
    const { token } = await signedInCollege();
    const answer = await call('PUT', '/college/profile', { ...PROFILE, fullTimeTeachers: 500, students: 100 }, token);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: '专任教师人数不能多于在校学生人数' }));
  });
});
