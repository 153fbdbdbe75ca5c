import type { Page } from 'playwright-core';
import type { PlanFields, PlanView } from '@pilot/contracts';
import { call, createReviewer, freshPassword, registerCollege, signedIn, uniqueName, type RegisteredCollege } from '@pilot/test-kit';

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

async function passwordReplaced(username: string, initial: string): Promise<ReadyAccount> {
  const password = freshPassword();
  const first = await signedIn(username, initial);
  const changed = await call('POST', '/auth/password', { oldPassword: initial, newPassword: password }, first.accessToken);
  if (changed.status !== 204) throw new Error(`auth/password answered ${changed.status} ${JSON.stringify(changed.body)}`);
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
 * Sets the window in an ng-zorro range picker with time: each end is typed in its box and
 * confirmed with 确定, as a user who types instead of clicking through the calendar would.
 */
export async function pickWindow(page: Page, picker: string, start: Date, end: Date): Promise<void> {
  const inputs = page.getByTestId(picker).locator('input');
  const ok = page.locator('.plan-window-dropdown .ant-picker-ok button');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(beijingMinute(start));
  await ok.click();
  await inputs.nth(1).fill(beijingMinute(end));
  await ok.click();
  await page.locator('.plan-window-dropdown').waitFor({ state: 'hidden' });
}
