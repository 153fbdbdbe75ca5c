import { api, apiLogin, freshPhone } from './platform';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = process.env['ADMIN_INITIAL_PASSWORD'] ?? 'Admin@123456';

/** A reviewer account name no earlier run has used (a letter first, as the rule wants). */
export function freshReviewerName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export interface ReviewerToCreate {
  username: string;
  password: string;
  role: 'province_reviewer' | 'city_reviewer';
  provinceCode: string;
  cityCode?: string;
}

/** Opens a reviewer account as the administrator, through the API, for tests whose subject comes after. */
export async function createReviewerByApi(reviewer: ReviewerToCreate): Promise<void> {
  const login = await apiLogin(ADMIN_USERNAME, ADMIN_PASSWORD);
  if (login.status !== 200 || !login.body.accessToken) throw new Error(`admin login answered ${login.status}`);
  const { status, body } = await api('admin/reviewers', {
    body: { ...reviewer, phone: freshPhone(), displayName: '测试审核员' },
    token: login.body.accessToken,
  });
  if (status !== 201) throw new Error(`admin/reviewers answered ${status} ${JSON.stringify(body)}`);
}
