import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PlanView } from '@pilot/contracts';
import type { ReadyAccount } from '@pilot/test-kit';
import { newPage } from './browser';
import { signInToConsole } from './console-session';

/**
 * A new page signed in as the reviewer on the console's 申报审核, showing the plan's applications.
 * Other runs' plans may be newer than this one: it is picked by name.
 */
export async function openReviews(browser: Browser, reviewer: ReadyAccount, plan: PlanView): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  const { page } = opened;
  await signInToConsole(page, reviewer.username, reviewer.password);
  await page.getByTestId('nav-reviews').click();
  await page.waitForURL((url) => url.pathname === '/reviews');
  await page.getByRole('heading', { name: '申报审核' }).waitFor();
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/applications') && new URL(r.url()).searchParams.get('planId') === plan.id);
  await page.getByTestId('filter-plan').click();
  await page.getByTestId('filter-plan').locator('input').fill(plan.name);
  await page.locator('.filter-plan-dropdown nz-option-item', { hasText: plan.name }).click();
  const status = (await listed).status();
  if (status !== 200) throw new Error(`the review list answered ${status}`);
  return opened;
}

/** The application's row in the review list. */
export function reviewRow(page: Page, application: { id: string }): Locator {
  return page.getByTestId('application-table').locator(`tbody tr[data-application="${application.id}"]`);
}

/** Opens the review form of the detail page for a decision. */
export async function decide(page: Page, button: 'approve' | 'reject'): Promise<void> {
  await page.getByTestId(button).click();
  await page.getByTestId('review-form').waitFor();
}

/** Sends the decision in the review form; returns the status the server answered. */
export async function confirmReview(page: Page): Promise<number> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/review'));
  await page.getByTestId('review-confirm').click();
  return (await answer).status();
}
