import {
  ROLE_NAMES,
  maskPhone,
  type ApplicationView,
  type AuditAction,
  type AuthSession,
  type CollegeProfileView,
  type EvidenceFileView,
  type ImportKind,
  type ImportReport,
  type PlanView,
  type RegisterResult,
  type RegistrationView,
  type ReviewDecision,
  type ReviewerView,
  type Role,
} from '@pilot/contracts';
import type { AuditedActor, AuditedCall, AuditedTarget } from './audited';

/**
 * What the audited routes' entries say, beyond the actor the token names. Each rule reads named
 * fields of the request and the answer; none reads a password, a code or a token.
 */

export const signInAction = ({ outcome }: AuditedCall): AuditAction => (outcome === 'success' ? 'auth.signed-in' : 'auth.sign-in-failed');

/** The account signed in, or the name typed when the sign-in failed. */
export const signInActor = ({ result, body }: AuditedCall<AuthSession>): AuditedActor | undefined => {
  if (!result) return { username: text(body['username']) };
  const { user } = result;
  return { accountId: user.id, username: user.username, role: user.role, provinceCode: user.provinceCode, cityCode: user.cityCode, collegeId: user.collegeId };
};

/** A password reset names the account or the phone it was asked for (the account itself, once found, comes from the note). */
export const resetRequester = ({ body }: AuditedCall): AuditedActor | undefined => {
  const username = text(body['username']);
  return username ? { username } : undefined;
};

export const resetSummary = ({ body }: AuditedCall): string | undefined => {
  const phone = text(body['phone']);
  return phone ? `手机号 ${maskPhone(phone)}` : undefined;
};

/** A college's new account; its name is the college's identification code. */
export const registrant = ({ result, body }: AuditedCall<RegisterResult>): AuditedActor | undefined =>
  result ? { username: result.username, role: 'college', provinceCode: text(body['provinceCode']), collegeId: text(body['collegeId']) } : undefined;

/** The college registered for, failed attempts included: its province's reviewers see claims on their colleges. */
export const registeringCollege = ({ result, body }: AuditedCall<RegisterResult>): AuditedTarget => ({
  type: 'college',
  id: text(body['collegeId']),
  label: result?.collegeName,
  provinceCode: text(body['provinceCode']),
});

export const reviewerAccount = ({ result, body }: AuditedCall<ReviewerView>): AuditedTarget => ({
  type: 'account',
  id: result?.id,
  label: result ? `${result.username}（${result.displayName}）` : text(body['username']),
  provinceCode: result?.provinceCode ?? text(body['provinceCode']),
});

export const reviewerRole = ({ result, body }: AuditedCall<ReviewerView>): string | undefined => {
  const role = (result?.role ?? text(body['role'])) as Role | undefined;
  const name = role && Object.prototype.hasOwnProperty.call(ROLE_NAMES, role) ? ROLE_NAMES[role] : undefined;
  return name && result?.cityName ? `${name}（${result.cityName}）` : name;
};

export const collegeProfile = ({ result, actor }: AuditedCall<CollegeProfileView>): AuditedTarget => ({
  type: 'college',
  id: result?.collegeId ?? actor?.collegeId,
  label: result?.collegeName,
  provinceCode: result?.provinceCode ?? actor?.provinceCode,
});

export const revokedRegistration = ({ result, params }: AuditedCall<RegistrationView>): AuditedTarget => ({
  type: 'account',
  id: result?.id ?? text(params['id']),
  label: result ? `${result.collegeName}（${result.identificationCode}）` : undefined,
});

export const plan = ({ result, params, body }: AuditedCall<PlanView>): AuditedTarget => ({
  type: 'plan',
  id: result?.id ?? text(params['id']),
  label: result?.name ?? text(body['name']),
  provinceCode: result?.provinceCode,
});

export const application = ({ result, params }: AuditedCall<ApplicationView>): AuditedTarget => ({
  type: 'application',
  id: result?.id ?? text(params['id']),
  label: result ? `${result.collegeName} · ${result.certificateName}` : undefined,
  provinceCode: result?.provinceCode,
});

const REVIEW_ACTIONS: Record<ReviewDecision, AuditAction> = {
  approve: 'application.approved',
  reject: 'application.rejected',
};

export const reviewAction = ({ body }: AuditedCall): AuditAction | undefined => {
  const decision = text(body['decision']);
  return decision && Object.prototype.hasOwnProperty.call(REVIEW_ACTIONS, decision) ? REVIEW_ACTIONS[decision as ReviewDecision] : undefined;
};

/** The level that decided, and the headcount a province approved. */
export const reviewSummary = ({ actor, result }: AuditedCall<ApplicationView>): string => {
  const level = actor?.role === 'city_reviewer' ? '地市级审核' : '省级审核';
  return result?.approvedTrainees === undefined ? level : `${level}，已批准培训人数 ${result.approvedTrainees}`;
};

export const evidenceFile = ({ result, fileName }: AuditedCall<EvidenceFileView>): AuditedTarget => ({
  type: 'file',
  id: result?.fileId,
  label: result?.name ?? fileName,
});

const IMPORTS: Record<ImportKind, { action: AuditAction; catalogue: string }> = {
  certificates: { action: 'import.certificates', catalogue: '证书目录' },
  majors: { action: 'import.majors', catalogue: '专业目录' },
  colleges: { action: 'import.colleges', catalogue: '院校名录' },
};

const importOf = (kind: string | undefined) => (kind && Object.prototype.hasOwnProperty.call(IMPORTS, kind) ? IMPORTS[kind as ImportKind] : undefined);

export const importAction = ({ params }: AuditedCall): AuditAction | undefined => importOf(text(params['kind']))?.action;

export const importedCatalogue = ({ params }: AuditedCall): AuditedTarget | undefined => {
  const kind = text(params['kind']);
  const imported = importOf(kind);
  return imported && { type: 'catalogue', id: kind, label: imported.catalogue };
};

/** The file and, once imported, its figures. */
export const importSummary = ({ fileName, result }: AuditedCall<ImportReport>): string | undefined => {
  const figures = result && `共${result.total}行：新增${result.created}，更新${result.updated}，未变${result.unchanged}，拒绝${result.rejected.length}`;
  return [fileName && `文件 ${fileName}`, figures].filter(Boolean).join('，') || undefined;
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
