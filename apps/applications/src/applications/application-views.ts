import type { ApplicationSummary, ApplicationView } from '@pilot/contracts';
import type { Application } from './application.schema';

type Stored = Application & { _id: unknown };

export function summaryOf(application: Stored): ApplicationSummary {
  return {
    id: String(application._id),
    planId: application.planId,
    planName: application.planName,
    year: application.year,
    collegeId: application.collegeId,
    collegeName: application.collegeName,
    provinceCode: application.provinceCode,
    cityCode: application.cityCode,
    cityName: application.cityName,
    certificateId: application.certificateId,
    certificateName: application.certificateName,
    organisation: application.organisation,
    plannedTrainees: application.plannedTrainees,
    ...(application.approvedTrainees !== undefined && application.approvedTrainees !== null ? { approvedTrainees: application.approvedTrainees } : {}),
    status: application.status,
    ...(application.submittedAt ? { submittedAt: application.submittedAt.toISOString() } : {}),
    updatedAt: application.updatedAt.toISOString(),
    version: application.version,
  };
}

export function viewOf(application: Stored): ApplicationView {
  return {
    ...summaryOf(application),
    majors: application.majors.map(({ code, name }) => ({ code, name })),
    teachersHtml: application.teachersHtml,
    venueHtml: application.venueHtml,
    files: application.files.map(({ fileId, name, size, contentType }) => ({ fileId, name, size, contentType })),
    byMajor: application.byMajor,
    cityApprovalRequired: application.cityApprovalRequired,
    ...(application.status === 'rejected' && application.rejectionReason ? { rejectionReason: application.rejectionReason } : {}),
    history: application.history.map(({ at, action, actorRole, actorName, level, comment, approvedTrainees }) => ({
      at: at.toISOString(),
      action,
      actorRole,
      actorName,
      ...(level ? { level } : {}),
      ...(comment ? { comment } : {}),
      ...(approvedTrainees !== undefined && approvedTrainees !== null ? { approvedTrainees } : {}),
    })),
    createdAt: application.createdAt.toISOString(),
  };
}
