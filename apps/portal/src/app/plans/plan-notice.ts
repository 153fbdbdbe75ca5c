import type { PlanView } from '@pilot/contracts';

export const NO_PLAN_PUBLISHED = '省级教育行政部门尚未发布申报计划，请等待发布后再申报';

export interface PlanNotice {
  type: 'success' | 'info' | 'warning';
  text: string;
}

function byStart(a: PlanView, b: PlanView): number {
  return new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime();
}

/** The province's published plans, the newest batch first (as the plan table lists them). */
export function newestFirst(plans: PlanView[]): PlanView[] {
  return [...plans].sort((a, b) => byStart(b, a));
}

/** The batch a college applies to now: the open one that started last, if any is open. */
export function openPlan(plans: PlanView[]): PlanView | undefined {
  return newestFirst(plans).find((plan) => plan.status === 'open');
}

/** The end of a window as the plan table writes it ("2020-04-04 23:59"). */
function windowEnd(plan: PlanView): string {
  return plan.windowText.split('~').pop()?.trim() ?? plan.windowText;
}

/**
 * What the college is told above the plan table: nothing published yet; a batch open now; the
 * next batch's window; or that the latest batch has ended.
 */
export function planNotice(plans: PlanView[]): PlanNotice {
  if (plans.length === 0) return { type: 'warning', text: NO_PLAN_PUBLISHED };
  const open = openPlan(plans);
  if (open) {
    return {
      type: 'success',
      text: `${open.name}正在申报中，申报时间：${open.windowText}。请在规定时间内完成证书申报，超过时间也无法申报。`,
    };
  }
  const next = plans.filter((plan) => plan.status === 'not_started').sort(byStart)[0];
  if (next) {
    return { type: 'info', text: `当前不在申报时间内，暂不能申报。下一批次申报时间：${next.windowText}（${next.name}）` };
  }
  const latest = [...plans].sort((a, b) => new Date(b.endsAt).getTime() - new Date(a.endsAt).getTime())[0];
  return {
    type: 'info',
    text: `${latest.name}已于${windowEnd(latest)}结束申报，超过时间无法申报。请等待省级教育行政部门发布新的申报计划。`,
  };
}
