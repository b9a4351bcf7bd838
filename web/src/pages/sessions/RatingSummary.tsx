import type { Schemas } from '../../api/client';
import { useTranslate } from '../../i18n/useTranslate';

type Rating = NonNullable<Schemas['LiveSessionResponse']['rating']>;

/** A session's rating as both of its people read it afterwards: met or not, the stars per skill, the feedback. */
export function RatingSummary({ rating }: { rating: Rating }) {
  const t = useTranslate();
  return (
    <div className="stack">
      <p className={`alert ${rating.met ? 'alert-success' : 'alert-danger'}`}>{rating.met ? t('waiting.met') : t('waiting.notMet')}</p>
      <ul aria-label={t('waiting.starsPerSkill')}>
        {rating.skills.map((r) => (
          <li key={r.skill}>{t('waiting.skillStars', { skill: r.skill ?? '', stars: r.stars ?? 0 })}</li>
        ))}
      </ul>
      {rating.feedback && <p>{t('waiting.feedback', { feedback: rating.feedback })}</p>}
    </div>
  );
}
