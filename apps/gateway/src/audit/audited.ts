import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Actor, AuditAction, AuditOutcome, AuditTargetType, Role } from '@pilot/contracts';

/** Who acted, as far as it is known; an anonymous caller has none of it. */
export interface AuditedActor {
  accountId?: string;
  username?: string;
  role?: Role;
  provinceCode?: string;
  cityCode?: string;
  collegeId?: string;
}

export interface AuditedTarget {
  type: AuditTargetType;
  id?: string;
  label?: string;
  provinceCode?: string;
}

/**
 * What a handler learns that its entry needs and the request does not carry: on the routes
 * anyone may call, the account the call turned out to be for (sign-out, password reset).
 */
export class AuditNote {
  account?: Actor | null;
}

/** An audited call once its outcome is known: what the rules of `@Audited` read. */
export interface AuditedCall<Result = unknown> {
  outcome: AuditOutcome;
  /** The signed-in caller, from the access token; absent on public routes. */
  actor?: Actor;
  params: Record<string, string | string[] | undefined>;
  /** The request body as sent (rules read named fields only). */
  body: Record<string, unknown>;
  /** The uploaded file's name, on upload routes. */
  fileName?: string;
  /** The route's answer; absent when it failed. */
  result?: Result;
  note: AuditNote;
}

export interface AuditRule<Result = unknown> {
  /** The action, or how to tell it from the call (an import's kind, a review's decision). */
  action: AuditAction | ((call: AuditedCall<Result>) => AuditAction | undefined);
  /** Who acted, on routes anyone may call (sign-in, registration); the note's account comes first. */
  actor?: (call: AuditedCall<Result>) => AuditedActor | undefined;
  target?: (call: AuditedCall<Result>) => AuditedTarget | undefined;
  /** A few words more, in Chinese (an approved headcount, an import's figures). */
  summary?: (call: AuditedCall<Result>) => string | undefined;
}

export const AUDIT_RULE = 'pilot:audit-rule';
const AUDIT_NOTE = Symbol('pilot:audit-note');

/**
 * The route changes state on a person's behalf: its outcome, success or failure, goes to the audit
 * log with the actor, the client's address and the correlation id. Rules read named fields only,
 * so no password, code or token is copied by accident (and the trail removes any that would be).
 */
export function Audited<Result = unknown>(action: AuditRule<Result>['action'], rule: Omit<AuditRule<Result>, 'action'> = {}): MethodDecorator {
  return SetMetadata(AUDIT_RULE, { ...rule, action });
}

/** The request's note for its audit entry, made on first use. */
export function auditNoteOf(request: object): AuditNote {
  const holder = request as { [AUDIT_NOTE]?: AuditNote };
  return (holder[AUDIT_NOTE] ??= new AuditNote());
}

/** The note a handler fills in for its audit entry. */
export const NoteForAudit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditNote => auditNoteOf(context.switchToHttp().getRequest()));
