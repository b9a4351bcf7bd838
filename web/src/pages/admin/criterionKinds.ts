/** The four kinds of criterion in the words the admin screens use, in the order the editor offers them. */
export const kindNames: Record<string, string> = {
  content: 'Content',
  activity: 'Activity (LMS or evidence)',
  review: 'Review on the spot',
  live_session: 'Live session',
};

export const kinds = Object.keys(kindNames);
