/** Accounts and plans set up through the API, ready for the test's subject: shared by the API and browser tests. */
import type { CertificateView, PlanFields, PlanView } from '@pilot/contracts';
import { call, createReviewer, freshPassword, registerCollege, signedIn, uniqueName, type Answer, type RegisteredCollege } from './platform-api';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The date and minute in Beijing, as the plan table and the date picker write them. */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

/** Midnight in Beijing, `days` days from today. */
export function beijingDay(days: number): Date {
  const today = beijingMinute(new Date()).slice(0, 10);
  return new Date(new Date(`${today}T00:00:00+08:00`).getTime() + days * DAY);
}

export function beijingYear(): number {
  return Number(beijingMinute(new Date()).slice(0, 4));
}

/** The window as the server words it: "2020-04-01 00:00 ~ 2020-04-04 23:59". */
export function windowText(startsAt: Date, endsAt: Date): string {
  return `${beijingMinute(startsAt)} ~ ${beijingMinute(endsAt)}`;
}

/** A batch name no earlier run used: plans stay in the store, and names are unique per province. */
export function uniquePlanName(): string {
  return `${beijingYear()}年${uniqueName('批次')}`;
}

export interface ReadyAccount {
  username: string;
  password: string;
  token: string;
}

/** A province reviewer who has already replaced the initial password, so it signs in straight to work. */
export async function provinceReviewer(provinceCode: string): Promise<ReadyAccount> {
  const username = uniqueName('plans');
  const initial = freshPassword();
  await createReviewer({ username, password: initial, role: 'province_reviewer', provinceCode, displayName: '计划测试审核员' });
  return passwordReplaced(username, initial);
}

/** The same for a city reviewer (地市级教育局). */
export async function cityReviewer(provinceCode: string, cityCode: string): Promise<ReadyAccount> {
  const username = uniqueName('plancity');
  const initial = freshPassword();
  await createReviewer({ username, password: initial, role: 'city_reviewer', provinceCode, cityCode, displayName: '计划测试地市审核员' });
  return passwordReplaced(username, initial);
}

const PROFILE = {
  collegeType: '高职',
  address: '测试路1号',
  postalCode: '570000',
  principalName: '张校长',
  leaderName: '李副校长',
  contactName: '王老师',
  contactPhone: '0898-66668888',
  email: 'office@example.edu.cn',
  fullTimeTeachers: 300,
  students: 9000,
  description: '',
};

/** A registered college of the province that has replaced its initial password (basic information still to fill in). */
export async function registeredCollege(provinceCode: string): Promise<ReadyAccount & { registered: RegisteredCollege }> {
  const registered = await registerCollege(provinceCode);
  return { ...(await passwordReplaced(registered.username, registered.password)), registered };
}

/** A registered college of the province with its password replaced and its basic information in. */
export async function collegeReadyToApply(provinceCode: string): Promise<ReadyAccount & { registered: RegisteredCollege }> {
  const college = await registeredCollege(provinceCode);
  const saved = await call('PUT', '/college/profile', PROFILE, college.token);
  if (saved.status !== 200) throw new Error(`college/profile answered ${saved.status} ${JSON.stringify(saved.body)}`);
  return college;
}

/**
 * Signs in with the initial password and replaces it, as the first sign-in must before anything
 * else; the account is then ready to work, signed in with the new password.
 */
export async function passwordReplaced(username: string, initial: string): Promise<ReadyAccount> {
  const password = freshPassword();
  const first = await signedIn(username, initial);
  const changed = await call('POST', '/auth/password', { oldPassword: initial, newPassword: password }, first.accessToken);
  if (changed.status !== 200) throw new Error(`auth/password answered ${changed.status} ${JSON.stringify(changed.body)}`);
  return { username, password, token: (await signedIn(username, password)).accessToken };
}

/** A plan written and published through the API by a province reviewer. */
export async function publishedPlan(reviewerToken: string, fields: PlanFields): Promise<PlanView> {
  const created = await call<PlanView>('POST', '/plans', fields, reviewerToken);
  if (created.status !== 201) throw new Error(`POST /plans answered ${created.status} ${JSON.stringify(created.body)}`);
  const published = await call<PlanView>('POST', `/plans/${created.body.id}/publish`, undefined, reviewerToken);
  if (published.status !== 200) throw new Error(`publish answered ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** Every plan the account sees (a province reviewer: all of its province's). */
export async function plansInScope(token: string): Promise<PlanView[]> {
  const answer = await call<{ items: PlanView[] }>('GET', '/plans?pageSize=100', undefined, token);
  if (answer.status !== 200) throw new Error(`GET /plans answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
}


/**
 * Applications learn of a published plan from planning's event, a moment after publication:
 * a first application may meet PLAN_NOT_FOUND until then.
 */
export async function applyWhenPlanKnown<T = any>(collegeToken: string, fields: Record<string, unknown>): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt++) {
    const answer = await call<T>('POST', '/applications', fields, collegeToken);
    if ((answer.body as { code?: string } | undefined)?.code !== 'PLAN_NOT_FOUND' || attempt >= 50) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Certificates of the demo catalogue, the same on every run: imports made by other tests add
 * entries (with codes that may sort first) that a test applying for certificates should not meet.
 */
export async function demoCertificates(token: string, count: number): Promise<CertificateView[]> {
  const answer = await call<{ items: CertificateView[] }>('GET', '/certificates?q=职业技能等级证书&pageSize=100', undefined, token);
  const demo = answer.body.items.filter((certificate) => certificate.demo);
  if (demo.length < count) throw new Error(`only ${demo.length} demo certificates: is SEED_DEMO_DATA=1?`);
  return demo.slice(0, count);
}
