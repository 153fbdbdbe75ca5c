export * from './lib/provide-web-shell';
export * from './lib/shell-layout/shell-layout';
export * from './lib/captcha-field/captcha-field';
export * from './lib/form-errors/reveal-errors';
export * from './lib/new-password-fields/new-password-fields';
export * from './lib/new-password-fields/password-validators';
export * from './lib/change-password-form/change-password-form';
export * from './lib/sign-in-form/sign-in-form';
