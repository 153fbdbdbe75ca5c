import type { ApplicationStatus, HistoryAction } from '@pilot/contracts';

/** The tag colour of each status, in the portal's and the console's lists and details alike. */
export const APPLICATION_STATUS_COLOURS: Record<ApplicationStatus, string> = {
  draft: 'default',
  pending_city: 'processing',
  pending_province: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** The dot of each step in an application's history timeline. */
export const HISTORY_ACTION_COLOURS: Record<HistoryAction, string> = {
  created: 'gray',
  updated: 'gray',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
};
