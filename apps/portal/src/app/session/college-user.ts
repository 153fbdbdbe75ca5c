import type { UserView } from '@pilot/contracts';

/** What the portal tells an account that is not a college's; those sign in on the console. */
export const NOT_A_COLLEGE_ACCOUNT = '该账号不是院校账号，请在审核端登录';

export function isCollege(user: UserView | null | undefined): user is UserView {
  return user?.role === 'college';
}
