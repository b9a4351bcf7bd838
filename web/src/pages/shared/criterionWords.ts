import type { Schemas } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n/i18n';

type CriterionState = Schemas['EnrollmentDetail']['criteria'][number]['state'];

/** A criterion's state as its learner reads it. */
export const criterionStateText = (state: CriterionState, t: Translate) => t(`criterionState.${state}` as MessageKey);

/** A criterion's kind (content, activity, review, live_session) in the reader's words. */
export const criterionKindText = (kind: string, t: Translate) => t(`criterionKind.${kind}` as MessageKey);
