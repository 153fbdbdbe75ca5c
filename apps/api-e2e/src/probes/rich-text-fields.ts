import type { ApplicationView, PlanView } from '@pilot/contracts';
import { applyWhenPlanKnown, beijingYear, call, collegeReadyToApply, demoCertificates, provinceReviewer, publishedPlan, uniquePlanName } from '@pilot/test-kit';

/** What the API gave back after rich text was written: refused (a 4xx), or the HTML every reader now gets. */
export interface Written {
  status: number;
  body: unknown;
  /** The field's HTML in the write's answer and in each read of it afterwards. */
  returned: string[];
}

export type RichTextWriter = (html: string) => Promise<Written>;

/**
 * A rich-text field of the API: its name, and how to write it on an object of the test's own.
 * Every rich-text field the platform keeps belongs in RICH_TEXT_FIELDS, so the XSS vectors run
 * against it (notices' bodies join here when they exist).
 */
export interface RichTextField {
  name: string;
  open(): Promise<RichTextWriter>;
}

const PROVINCE = '210000';
const HOUR = 3_600_000;

/** One draft application of a college of its own, shared by the application's two fields. */
let draftOnce: Promise<{ token: string; id: string }> | undefined;
function draftApplication(): Promise<{ token: string; id: string }> {
  draftOnce ??= (async () => {
    const [college, province] = await Promise.all([collegeReadyToApply(PROVINCE), provinceReviewer(PROVINCE)]);
    const plan: PlanView = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
    });
    const [certificate] = await demoCertificates(college.token, 1);
    const created = await applyWhenPlanKnown<ApplicationView>(college.token, {
      planId: plan.id,
      certificateId: certificate.id,
      majorCodes: [],
      plannedTrainees: 30,
      teachersHtml: '<p>专职教师</p>',
      venueHtml: '<p>实训场地</p>',
      fileIds: [],
    });
    if (created.status !== 201) throw new Error(`POST /applications answered ${created.status} ${JSON.stringify(created.body)}`);
    return { token: college.token, id: created.body.id };
  })();
  return draftOnce;
}

/** An application's field, written on a draft and read back as the college reads it. */
function applicationField(field: 'teachersHtml' | 'venueHtml'): RichTextField {
  return {
    name: `applications.${field}`,
    async open() {
      const { token, id } = await draftApplication();
      return async (html) => {
        const written = await call<ApplicationView>('PUT', `/applications/${id}`, { [field]: html }, token);
        if (written.status >= 300) return { status: written.status, body: written.body, returned: [] };
        const read = await call<ApplicationView>('GET', `/applications/${id}`, undefined, token);
        return { status: written.status, body: written.body, returned: [written.body[field], read.body[field]] };
      };
    },
  };
}

export const RICH_TEXT_FIELDS: RichTextField[] = [applicationField('teachersHtml'), applicationField('venueHtml')];
