/** The services that own data and answer on the bus. The gateway only asks. */
export const SERVICE_NAMES = ['identity', 'planning', 'applications', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
