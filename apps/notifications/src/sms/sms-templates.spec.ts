import type { ApplicationReviewedSms } from '@pilot/contracts';
import { renderSms } from './sms-templates';

describe('the review-result SMS', () => {
  const reviewed = (params: Omit<ApplicationReviewedSms, 'planName' | 'certificateName'>) =>
    renderSms({ template: 'application-reviewed', params: { planName: '2026年第一批', certificateName: '物流管理职业技能等级证书', ...params } });

  it('names the batch, the certificate, the level and the approved headcount, and sends the reader to the platform', () => {
    expect(reviewed({ level: 'province', decision: 'approve', approvedTrainees: 45 })).toBe(
      '【1+X证书试点申报平台】贵校在“2026年第一批”中申报的“物流管理职业技能等级证书”试点已通过省级审核，批准培训人数45人，详情请登录平台查看。',
    );
  });

  it('says a city approval still waits for the province', () => {
    expect(reviewed({ level: 'city', decision: 'approve' })).toContain('试点已通过地市级审核，待省级审核，详情请登录平台查看。');
  });

  it('says which level rejected, and leaves the reason to the platform', () => {
    const text = reviewed({ level: 'city', decision: 'reject' });
    expect(text).toContain('试点未通过地市级审核，详情请登录平台查看。');
    expect(text).not.toContain('原因');
  });
});

describe('the SMS telling a registrant that the registration was revoked', () => {
  it('names the college and the department that revoked it, and whom to ask', () => {
    expect(renderSms({ template: 'registration-revoked', params: { collegeName: '山东商业职业技术学院', departmentName: '山东省教育厅' } })).toBe(
      '【1+X证书试点申报平台】您以本手机号注册的“山东商业职业技术学院”账号已被山东省教育厅撤销，该账号已停用。如有疑问，请联系山东省教育厅。',
    );
  });
});
