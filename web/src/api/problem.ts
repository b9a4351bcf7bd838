import type { Translate } from '../i18n/i18n';

/** An RFC 9457 problem the API answered with: what is wrong and, under errors, the fields it names. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** The API refused a request; pages show detail as a sentence and errors next to their fields. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The sentences about one field, joined, or undefined. */
  field(name: string): string | undefined {
    const messages = this.problem.errors?.[name];
    return messages && messages.length > 0 ? messages.join(' ') : undefined;
  }

  get isAddOnOff(): boolean {
    return this.problem.type?.endsWith('/add-on-disabled') ?? false;
  }
}

/** The API could not be reached at all (offline, server down): nothing was changed, the person may try again. */
export class Unreachable extends Error {
  constructor() {
    super('unreachable');
  }
}

/** The sentence a page shows for a failed call: the API's own sentence when it wrote one, else the app's words for what happened. */
export function sentenceOf(error: unknown, t: Translate): string {
  if (error instanceof ApiProblem) {
    return error.problem.detail ?? error.problem.title ?? t('error.status', { status: error.status });
  }
  if (error instanceof Unreachable) return t('error.unreachable');
  return t('error.unknown');
}
