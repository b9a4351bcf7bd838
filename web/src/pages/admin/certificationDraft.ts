import type { Schemas } from '../../api/client';

export type Certification = Schemas['CertificationResponse'];
export type CertificationInput = Schemas['CertificationInput'];

/** One criterion as the editor holds it: text fields as typed, a key that survives reordering. */
export interface CriterionDraft {
  key: string;
  id: string | null;
  kind: string;
  title: string;
  description: string;
  externalActivityId: string;
  minScore: string;
  evidenceRequired: boolean;
  /** One skill per line. */
  skills: string;
  minStars: string;
}

/** A certification as the editor holds it, before it is sent. */
export interface CertificationDraft {
  title: string;
  description: string;
  requireApproval: boolean;
  validityMonths: string;
  criteria: CriterionDraft[];
}

let nextKey = 0;
const newKey = () => `k${++nextKey}`;

export function emptyCriterion(kind: string): CriterionDraft {
  return {
    key: newKey(),
    id: null,
    kind,
    title: '',
    description: '',
    externalActivityId: '',
    minScore: '',
    evidenceRequired: kind === 'activity',
    skills: '',
    minStars: kind === 'live_session' ? '4' : '',
  };
}

export const emptyDraft: CertificationDraft = { title: '', description: '', requireApproval: false, validityMonths: '', criteria: [] };

export function draftOf(c: Certification): CertificationDraft {
  return {
    title: c.title,
    description: c.description,
    requireApproval: c.requireApproval,
    validityMonths: c.validityMonths?.toString() ?? '',
    criteria: c.criteria.map((k) => ({
      key: newKey(),
      id: k.id,
      kind: k.kind,
      title: k.title,
      description: k.description ?? '',
      externalActivityId: k.externalActivityId ?? '',
      minScore: k.minScore?.toString() ?? '',
      evidenceRequired: k.evidenceRequired,
      skills: (k.skills ?? []).join('\n'),
      minStars: k.minStars?.toString() ?? '',
    })),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value);
const whole = (value: string) => (value.trim() === '' ? null : Number(value));

/** What the API is sent. Fields that do not belong to a criterion's kind are left out, so switching kinds leaves nothing behind. */
export function inputOf(d: CertificationDraft): CertificationInput {
  return {
    title: d.title,
    description: d.description,
    requireApproval: d.requireApproval,
    validityMonths: whole(d.validityMonths),
    criteria: d.criteria.map((k) => ({
      id: k.id,
      kind: k.kind,
      title: k.title,
      description: text(k.description),
      externalActivityId: k.kind === 'content' || k.kind === 'activity' ? text(k.externalActivityId) : null,
      minScore: k.kind === 'content' || k.kind === 'activity' ? whole(k.minScore) : null,
      evidenceRequired: k.kind === 'activity' ? k.evidenceRequired : null,
      skills:
        k.kind === 'live_session'
          ? k.skills
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : null,
      minStars: k.kind === 'live_session' ? whole(k.minStars) : null,
    })),
  };
}

/** Whether two drafts would send the same certification. */
export function sameDraft(a: CertificationDraft, b: CertificationDraft): boolean {
  return JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));
}
