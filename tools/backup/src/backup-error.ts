/** A refusal or a failure that the command reports in one line, without a stack. */
export class BackupError extends Error {}
