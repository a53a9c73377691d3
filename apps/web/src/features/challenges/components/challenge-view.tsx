import { useEffect } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Markdown } from '@/components/ui/markdown';
import { apiError } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { ChallengeActivitySubscription, ChallengeQuery, FollowMutation, MoveMutation } from '../api/challenges';
import { NEXT_STATUSES } from '../api/enums';
import { AnswerForm } from './answer-form';
import { AnswerItem } from './answer-item';
import { MoreAnswers } from './more-answers';
import { SuggestedExperts } from './suggested-experts';

export function ChallengeView({ challengeId }: { challengeId: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [result, refetch] = useQuery({ query: ChallengeQuery, variables: { challengeId } });
  const [follow, setFollow] = useMutation(FollowMutation);
  const [move, setMove] = useMutation(MoveMutation);
  // Answers, votes and status changes by anyone arrive here; the page reads the challenge again.
  const [activity] = useSubscription({ query: ChallengeActivitySubscription, variables: { challengeId } });
  const event = activity.data?.challengeActivity;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useEffect(() => {
    if (event) refetch({ requestPolicy: 'network-only' });
  }, [event, refetch]);

  if (result.fetching && !result.data) return <Loading />;
  const c = result.data?.challenge;
  if (!c) return <ErrorMessage error={apiError(result.error)} />;

  const isPoster = c.organisation.viewerRole !== null;
  const inNetwork = c.network.viewerRole !== null;
  const active = c.status === 'OPEN' || c.status === 'IN_PROGRESS';
  return (
    <article className="stack">
      <header className="stack">
        <p className="meta">
          <Link to={`/networks/${c.network.id}`}>
            <bdi>{c.network.name}</bdi>
          </Link>
        </p>
        <h1 dir="auto" lang={c.language}>
          {c.title}
        </h1>
        <p className="meta">
          <span className={`status status-${c.status.toLowerCase()}`} data-testid="challenge-status">
            {t(`challenges.status.${c.status}`)}
          </span>
          <bdi>{c.organisation.name}</bdi> · <bdi>{c.organisation.city}</bdi>
          {c.deadline ? <> · {t('challenges.deadline', { date: formatDate(c.deadline) })}</> : null}
        </p>
        <div className="row">
          <button type="button" aria-pressed={c.viewerFollows} disabled={follow.fetching} onClick={() => void setFollow({ challengeId, follow: !c.viewerFollows })}>
            {c.viewerFollows ? t('challenges.unfollow') : t('challenges.follow')}
          </button>
          {isPoster ? (
            <>
              <Link className="button" to={`/challenges/${challengeId}/edit`}>
                {t('challenges.edit')}
              </Link>
              {NEXT_STATUSES[c.status].map((to) => (
                <button key={to} type="button" disabled={move.fetching} onClick={() => void setMove({ challengeId, to })}>
                  {t(`challenges.moveTo.${to}`)}
                </button>
              ))}
            </>
          ) : null}
        </div>
        <ErrorMessage error={apiError(follow.error ?? move.error)} />
      </header>
      <Markdown source={c.description} lang={c.language} />
      {c.levers.length + c.subsectors.length > 0 ? (
        <p className="tags">
          {c.levers.map((l) => (
            <span key={l} className="tag">
              {t(`challenges.lever.${l}`)}
            </span>
          ))}
          {c.subsectors.map((s) => (
            <span key={s} className="tag">
              {t(`challenges.subsector.${s}`)}
            </span>
          ))}
          {c.materials.map((m) => (
            <span key={m} className="tag" dir="auto">
              {m}
            </span>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="answers-title" className="stack">
        <h2 id="answers-title">{t('challenges.answers', { count: c.answerCount, shown: formatNumber(c.answerCount) })}</h2>
        <ul className="cards" aria-live="polite">
          {c.answers.nodes.map((a, i) => (
            <AnswerItem key={i} data={a} canVote={inNetwork} canAccept={isPoster && active} onChanged={reload} />
          ))}
          {c.answers.pageInfo.hasNextPage && c.answers.pageInfo.endCursor ? (
            <MoreAnswers challengeId={challengeId} after={c.answers.pageInfo.endCursor} canVote={inNetwork} canAccept={isPoster && active} onChanged={reload} />
          ) : null}
        </ul>
      </section>
      {inNetwork && active ? <AnswerForm challengeId={challengeId} onAnswered={reload} /> : null}
      {isPoster ? <SuggestedExperts challengeId={challengeId} /> : null}
    </article>
  );
}
