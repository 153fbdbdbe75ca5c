export * from './lib/provide-web-shell';
export * from './lib/shell-layout/shell-layout';
export * from './lib/captcha-field/captcha-field';
export * from './lib/change-password-form/change-password-form';
export * from './lib/change-password-form/password-validators';
