import type { MessageKey, Translate } from '../../i18n/i18n';

/** A live session's state (Scheduled, LearnerWaiting, InCall, Ended, Rated, Cancelled, NoShow) in the words its people use. */
export function sessionStateText(state: string, t: Translate): string {
  return t(`sessionState.${state}` as MessageKey);
}

/** The kinds of call a coach can start, as the API stores them, with their words. */
export const callTypes = {
  'Video call': 'callType.video',
  'Phone call': 'callType.phone',
  'In person': 'callType.inPerson',
} as const satisfies Record<string, MessageKey>;

/** A call's type in the reader's words; a type the app does not know is shown as stored. */
export function callTypeText(type: string, t: Translate): string {
  const key = (callTypes as Record<string, MessageKey>)[type];
  return key ? t(key) : type;
}
