export const PASSWORD_RULE = '密码长度为8-32位，且至少包含大写字母、小写字母、数字、符号中的三种';

const KINDS = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/];

/** The one strength rule, shared by the forms that ask for a password and the service that keeps it. */
export function isStrongPassword(password: string): boolean {
  if (typeof password !== 'string' || password.length < 8 || password.length > 32) return false;
  if (/\s/.test(password)) return false;
  return KINDS.filter((kind) => kind.test(password)).length >= 3;
}
