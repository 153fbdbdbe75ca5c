import type {
  Actor,
  ActorRequest,
  CreateReviewerRequest,
  ListRegistrationsRequest,
  ListReviewersRequest,
  RegistrationPage,
  RegistrationView,
  ReviewerAccountRequest,
  ReviewerPage,
  ReviewerView,
  SessionVersionRequest,
  SessionVersionView,
  UserView,
} from './accounts';
import type {
  ApplicationPage,
  ApplicationView,
  CertificateTotals,
  DraftChange,
  DraftFields,
  ListApplicationsRequest,
  PilotStatusView,
  ReviewRequest,
} from './applications';
import type {
  AuthSession,
  CaptchaAnswerView,
  CaptchaView,
  ChangePasswordRequest,
  FromClient,
  LoginRequest,
  PasswordResetRequest,
  RefreshRequest,
  RegisterRequest,
  RegisterResult,
  RequestSmsCodeRequest,
} from './auth';
import type { CertificatePage, MajorPage, SearchCertificatesRequest, SearchMajorsRequest } from './catalogue';
import type { CollegeProfileFields, CollegeProfileView } from './college-profile';
import type { ImportReport, ImportRequest } from './imports';
import type { DevSmsView, InAppMessagePage, ListMessagesRequest, SendSmsCommand } from './notifications';
import type { ListPlansRequest, PlanFields, PlanPage, PlanView, UpdatePlanRequest } from './planning';
import type {
  CityView,
  CollegeDirectoryPage,
  DirectoryCollegePage,
  DirectoryCollegeView,
  ListDirectoryRequest,
  ProvinceView,
  SearchCollegesRequest,
} from './regions';
import { RpcPatterns } from './rpc-patterns';

type Call<Request, Response> = { request: Request; response: Response };

/**
 * What every request pattern takes and answers. The client infers both from the pattern, and a
 * handler whose signature disagrees does not compile. `void` requests carry no payload; `void`
 * responses answer `null`.
 */
export interface RpcContract {
  [RpcPatterns.identity.listProvinces]: Call<void, ProvinceView[]>;
  [RpcPatterns.identity.searchColleges]: Call<SearchCollegesRequest, CollegeDirectoryPage>;
  [RpcPatterns.identity.listDirectory]: Call<ActorRequest<ListDirectoryRequest>, DirectoryCollegePage>;
  [RpcPatterns.identity.listRegistrations]: Call<ActorRequest<ListRegistrationsRequest>, RegistrationPage>;
  [RpcPatterns.identity.revokeRegistration]: Call<ActorRequest<{ accountId: string }>, RegistrationView>;
  [RpcPatterns.identity.createCaptcha]: Call<void, CaptchaView>;
  [RpcPatterns.identity.revealCaptcha]: Call<{ captchaId: string }, CaptchaAnswerView>;
  [RpcPatterns.identity.requestSmsCode]: Call<FromClient<RequestSmsCodeRequest>, void>;
  [RpcPatterns.identity.register]: Call<RegisterRequest, RegisterResult>;
  [RpcPatterns.identity.login]: Call<FromClient<LoginRequest>, AuthSession>;
  [RpcPatterns.identity.refresh]: Call<RefreshRequest, AuthSession>;
  /** The account signed out (for the audit log); null when the token named no sign-in. */
  [RpcPatterns.identity.logout]: Call<RefreshRequest, Actor | null>;
  [RpcPatterns.identity.me]: Call<ActorRequest, UserView>;
  /** The account a name typed at sign-in belongs to (for the audit log); null when none has it. */
  [RpcPatterns.identity.locateAccount]: Call<{ username: string }, Actor | null>;
  /** The account whose password was reset (for the audit log). */
  [RpcPatterns.identity.resetPassword]: Call<PasswordResetRequest, Actor>;
  [RpcPatterns.identity.changePassword]: Call<ActorRequest<ChangePasswordRequest>, AuthSession>;
  [RpcPatterns.identity.getProfile]: Call<ActorRequest, CollegeProfileView>;
  [RpcPatterns.identity.saveProfile]: Call<ActorRequest<{ profile: CollegeProfileFields }>, CollegeProfileView>;
  [RpcPatterns.identity.listCities]: Call<{ provinceCode: string }, CityView[]>;
  [RpcPatterns.identity.createReviewer]: Call<ActorRequest<CreateReviewerRequest>, ReviewerView>;
  [RpcPatterns.identity.listReviewers]: Call<ActorRequest<ListReviewersRequest>, ReviewerPage>;
  [RpcPatterns.identity.disableReviewer]: Call<ActorRequest<ReviewerAccountRequest>, ReviewerView>;
  [RpcPatterns.identity.enableReviewer]: Call<ActorRequest<ReviewerAccountRequest>, ReviewerView>;
  [RpcPatterns.identity.sessionVersion]: Call<SessionVersionRequest, SessionVersionView>;
  [RpcPatterns.identity.addTestCollege]: Call<{ provinceCode: string }, DirectoryCollegeView>;
  [RpcPatterns.identity.importColleges]: Call<ActorRequest<ImportRequest<'colleges'>>, ImportReport>;
  [RpcPatterns.identity.pilotStatus]: Call<ActorRequest, PilotStatusView[]>;

  [RpcPatterns.planning.searchCertificates]: Call<ActorRequest<SearchCertificatesRequest>, CertificatePage>;
  [RpcPatterns.planning.importCertificates]: Call<ActorRequest<ImportRequest<'certificates'>>, ImportReport>;
  [RpcPatterns.planning.searchMajors]: Call<ActorRequest<SearchMajorsRequest>, MajorPage>;
  [RpcPatterns.planning.importMajors]: Call<ActorRequest<ImportRequest<'majors'>>, ImportReport>;
  [RpcPatterns.planning.listPlans]: Call<ActorRequest<ListPlansRequest>, PlanPage>;
  [RpcPatterns.planning.getPlan]: Call<ActorRequest<{ id: string }>, PlanView>;
  [RpcPatterns.planning.createPlan]: Call<ActorRequest<PlanFields>, PlanView>;
  [RpcPatterns.planning.updatePlan]: Call<ActorRequest<UpdatePlanRequest>, PlanView>;
  [RpcPatterns.planning.publishPlan]: Call<ActorRequest<{ id: string }>, PlanView>;
  [RpcPatterns.planning.deletePlan]: Call<ActorRequest<{ id: string }>, { deleted: boolean }>;

  [RpcPatterns.applications.list]: Call<ActorRequest<ListApplicationsRequest>, ApplicationPage>;
  [RpcPatterns.applications.get]: Call<ActorRequest<{ id: string }>, ApplicationView>;
  [RpcPatterns.applications.create]: Call<ActorRequest<DraftFields>, ApplicationView>;
  [RpcPatterns.applications.update]: Call<ActorRequest<DraftChange & { id: string }>, ApplicationView>;
  [RpcPatterns.applications.delete]: Call<ActorRequest<{ id: string }>, { deleted: boolean }>;
  [RpcPatterns.applications.submit]: Call<ActorRequest<{ id: string }>, ApplicationView>;
  [RpcPatterns.applications.review]: Call<ActorRequest<ReviewRequest & { id: string }>, ApplicationView>;
  [RpcPatterns.applications.certificateTotals]: Call<ActorRequest<{ planId: string }>, CertificateTotals[]>;

  [RpcPatterns.notifications.sendSms]: Call<SendSmsCommand, void>;
  [RpcPatterns.notifications.listDevSms]: Call<{ phone: string }, DevSmsView[]>;
  [RpcPatterns.notifications.listMessages]: Call<ActorRequest<ListMessagesRequest>, InAppMessagePage>;
  [RpcPatterns.notifications.markRead]: Call<ActorRequest<{ id: string }>, void>;
  [RpcPatterns.notifications.markAllRead]: Call<ActorRequest, void>;
}

export type RpcPattern = keyof RpcContract;
export type RequestOf<P extends RpcPattern> = RpcContract[P]['request'];
export type ResponseOf<P extends RpcPattern> = RpcContract[P]['response'];

/** A call's arguments after its pattern: a `void` request may leave out its payload. */
export type RequestArgs<P extends RpcPattern> = RequestOf<P> extends void
  ? [payload?: undefined, timeoutMs?: number]
  : [payload: RequestOf<P>, timeoutMs?: number];
