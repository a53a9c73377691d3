import { useState } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '@/lib/i18n';
import { MoreAnswersQuery } from '../api/challenges';
import { AnswerItem } from './answer-item';

interface Props {
  challengeId: string;
  after: string;
  canVote: boolean;
  canAccept: boolean;
  onChanged(): void;
}

/** The answers after `after`, loaded when asked for; each page offers the next. */
export function MoreAnswers(props: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [result] = useQuery({ query: MoreAnswersQuery, variables: { challengeId: props.challengeId, after: props.after }, pause: !open });
  if (!open) {
    return (
      <li>
        <button type="button" onClick={() => setOpen(true)}>
          {t('challenges.feed.more')}
        </button>
      </li>
    );
  }
  const page = result.data?.challenge.answers;
  return (
    <>
      {page?.nodes.map((a, i) => <AnswerItem key={i} data={a} canVote={props.canVote} canAccept={props.canAccept} onChanged={props.onChanged} />)}
      {page?.pageInfo.hasNextPage && page.pageInfo.endCursor ? <MoreAnswers {...props} after={page.pageInfo.endCursor} /> : null}
    </>
  );
}
