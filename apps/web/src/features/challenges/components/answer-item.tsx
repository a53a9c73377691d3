import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { TextField } from '@/components/ui/field';
import { ErrorMessage } from '@/components/ui/error-message';
import { Markdown } from '@/components/ui/markdown';
import { apiError } from '@/lib/errors';
import { readFragment, type FragmentOf } from '@/lib/graphql';
import { useI18n } from '@/lib/i18n';
import { AcceptAnswerMutation, AnswerFields, CommentMutation, VoteMutation } from '../api/challenges';

interface Props {
  data: FragmentOf<typeof AnswerFields>;
  canVote: boolean;
  canAccept: boolean;
  onChanged(): void;
}

export function AnswerItem({ data, canVote, canAccept, onChanged }: Props) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const a = readFragment(AnswerFields, data);
  const [vote, setVote] = useMutation(VoteMutation);
  const [accept, setAccept] = useMutation(AcceptAnswerMutation);
  const [comment, setComment] = useMutation(CommentMutation);
  const [text, setText] = useState('');

  async function sendComment(event: FormEvent) {
    event.preventDefault();
    const outcome = await setComment({ answerId: a.id, body: text });
    if (outcome.data) {
      setText('');
      onChanged();
    }
  }
  async function accepting() {
    const outcome = await setAccept({ answerId: a.id });
    if (outcome.data) onChanged();
  }

  return (
    <li className={a.accepted ? 'card answer accepted' : 'card answer'} data-testid="answer">
      <p className="meta">
        <bdi>{a.organisation.name}</bdi>
        {a.author ? (
          <>
            {' · '}
            <bdi>{a.author.displayName}</bdi>
          </>
        ) : null}
        {' · '}
        <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
        {a.accepted ? <span className="status status-solved">{t('challenges.answer.accepted')}</span> : null}
      </p>
      <Markdown source={a.body} />
      <div className="row">
        <span className="score" aria-label={t('challenges.score', { score: a.score })}>
          {formatNumber(a.score)}
        </span>
        {canVote ? (
          <>
            <button type="button" aria-pressed={a.viewerVote === 1} disabled={vote.fetching} onClick={() => void setVote({ answerId: a.id, value: a.viewerVote === 1 ? 0 : 1 })}>
              {t('challenges.answer.upvote')}
            </button>
            <button type="button" aria-pressed={a.viewerVote === -1} disabled={vote.fetching} onClick={() => void setVote({ answerId: a.id, value: a.viewerVote === -1 ? 0 : -1 })}>
              {t('challenges.answer.downvote')}
            </button>
          </>
        ) : null}
        {canAccept && !a.accepted ? (
          <button type="button" className="primary" disabled={accept.fetching} onClick={() => void accepting()}>
            {t('challenges.answer.accept')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={apiError(vote.error ?? accept.error)} />
      {a.comments.length > 0 ? (
        <ul className="comments" aria-label={t('challenges.answer.comments')}>
          {a.comments.map((c) => (
            <li key={c.id}>
              <bdi>{c.authorName}</bdi>: <span dir="auto">{c.body}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {canVote ? (
        <form onSubmit={sendComment} className="row">
          <TextField label={t('challenges.answer.comment')} value={text} onChange={(e) => setText(e.target.value)} required />
          <button type="submit" disabled={comment.fetching || !text.trim()}>
            {t('challenges.answer.commentSubmit')}
          </button>
          <ErrorMessage error={apiError(comment.error)} />
        </form>
      ) : null}
    </li>
  );
}
