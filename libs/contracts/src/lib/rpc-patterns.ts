import type { ServiceName } from './services';

/**
 * Request patterns are `<service>.<noun>.<verb>`; the first segment names the service whose
 * queue answers, so a caller never has to know queue names.
 */
export const RpcPatterns = {
  identity: {
    listProvinces: 'identity.province.list',
    searchColleges: 'identity.college.search',
    listDirectory: 'identity.college.list',
    listRegistrations: 'identity.registration.list',
    revokeRegistration: 'identity.registration.revoke',
    createCaptcha: 'identity.captcha.create',
    revealCaptcha: 'identity.captcha.reveal',
    requestSmsCode: 'identity.sms-code.request',
    register: 'identity.account.register',
    login: 'identity.session.create',
    refresh: 'identity.session.refresh',
    logout: 'identity.session.revoke',
    me: 'identity.account.get',
    locateAccount: 'identity.account.locate',
    resetPassword: 'identity.password.reset',
    changePassword: 'identity.password.change',
    getProfile: 'identity.college-profile.get',
    saveProfile: 'identity.college-profile.save',
    listCities: 'identity.city.list',
    createReviewer: 'identity.reviewer.create',
    listReviewers: 'identity.reviewer.list',
    disableReviewer: 'identity.reviewer.disable',
    enableReviewer: 'identity.reviewer.enable',
    sessionVersion: 'identity.session-version.get',
    addTestCollege: 'identity.test-college.create',
    importColleges: 'identity.college.import',
    pilotStatus: 'identity.pilot-status.list',
  },
  planning: {
    searchCertificates: 'planning.certificate.search',
    importCertificates: 'planning.certificate.import',
    searchMajors: 'planning.major.search',
    importMajors: 'planning.major.import',
    listPlans: 'planning.plan.list',
    getPlan: 'planning.plan.get',
    createPlan: 'planning.plan.create',
    updatePlan: 'planning.plan.update',
    publishPlan: 'planning.plan.publish',
    deletePlan: 'planning.plan.delete',
  },
  applications: {
    list: 'applications.application.list',
    get: 'applications.application.get',
    create: 'applications.application.create',
    update: 'applications.application.update',
    delete: 'applications.application.delete',
    submit: 'applications.application.submit',
    review: 'applications.application.review',
    certificateTotals: 'applications.certificate-totals.get',
  },
  notifications: {
    sendSms: 'notifications.sms.send',
    listDevSms: 'notifications.dev-sms.list',
    listMessages: 'notifications.message.list',
    markRead: 'notifications.message.read',
    markAllRead: 'notifications.message.read-all',
  },
} as const satisfies Partial<Record<ServiceName, Record<string, string>>>;

export function serviceOfPattern(pattern: string): string {
  const [service] = pattern.split('.');
  return service;
}
