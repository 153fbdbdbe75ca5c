// Dev-server proxy shared by the portal and the console (`nx serve portal|console`):
// the apps call the relative /api/v1, which is forwarded to the gateway.
// GATEWAY_URL overrides the default local gateway.
const target = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default {
  '/api': {
    target,
    secure: false,
    changeOrigin: false,
    logLevel: 'warn',
  },
};
