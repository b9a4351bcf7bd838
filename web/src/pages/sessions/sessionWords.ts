/** A live session's state in the words its people use. */
export const stateWords: Record<string, string> = {
  Scheduled: 'Scheduled',
  LearnerWaiting: 'The learner is waiting',
  InCall: 'The call is on',
  Ended: 'Ended, waiting for the rating',
  Rated: 'Rated',
  Cancelled: 'Cancelled',
  NoShow: 'The learner did not come',
};
