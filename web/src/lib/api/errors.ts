// RFC 9457 problem details from the API, as one error type the UI understands.

import type { components } from './schema';

export type FieldErrors = Record<string, string[]>;

/** Every problem type the server sends (docs/openapi.json, Problem.type). */
export type ProblemType = components['schemas']['Problem']['type'];

/** A problem body as received: any member may be missing from a proxy's answer. */
export type Problem = Partial<components['schemas']['Problem']>;

export class ApiError extends Error {
  readonly status: number;
  readonly type?: ProblemType;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;
  readonly declineCode?: string;
  readonly retryAfter?: number;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.fieldErrors = problem.errors ?? {};
    this.declineCode = problem.decline_code;
    this.retryAfter = retryAfter;
  }
}

/** Why a request was refused for want of a session. */
export type SessionProblem = 'ended' | 'signed-out' | 'unconfirmed';

const SESSION_MESSAGES: Record<SessionProblem, string> = {
  ended: 'Your session has ended. Please sign in again to go on.',
  'signed-out': 'Please sign in to go on.',
  unconfirmed: 'We could not confirm that you are signed in. Please try again.',
};

/**
 * A request refused for want of a session (401): the session has ended, the
 * person never signed in, or it could not be renewed just now (the server's
 * trouble). The server's text is written for API clients ("send
 * Authorization: Bearer …"), so it is replaced by one for people.
 */
export class SessionEndedError extends ApiError {
  readonly reason: SessionProblem;

  constructor(reason: SessionProblem) {
    super(401, {
      type: '/problems/unauthorized',
      title: 'Sign in',
      status: 401,
      detail: SESSION_MESSAGES[reason],
    });
    this.name = 'SessionEndedError';
    this.reason = reason;
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {
  constructor() {
    super('We could not reach PocketShop. Check your connection and try again.');
    this.name = 'NetworkError';
  }
}

const DECLINE_MESSAGES: Record<string, string> = {
  card_declined: 'Your card was declined. Please use another card.',
  generic_decline: 'Your card was declined. Please use another card.',
  lost_card: 'Your card was declined. Please use another card.',
  stolen_card: 'Your card was declined. Please use another card.',
  insufficient_funds: 'Your card has insufficient funds. Please use another card.',
  expired_card: 'Your card has expired. Check the expiry date or use another card.',
  incorrect_cvc: 'The security code (CVC) is incorrect.',
  incorrect_number: 'The card number is incorrect. Check it and try again.',
};

/** A sentence for people, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (error.declineCode) return DECLINE_MESSAGES[error.declineCode] ?? error.detail;
    if (error.status === 429) {
      const wait = error.retryAfter ? ` Try again in ${error.retryAfter} seconds.` : '';
      return `Too many attempts.${wait}`;
    }
    if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
    if (error.status === 413) return 'That file is too large.';
    return error.detail || error.title || 'Something went wrong.';
  }
  return 'Something went wrong. Please try again.';
}

/** Field errors of a failed request, or none. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors : {};
}
