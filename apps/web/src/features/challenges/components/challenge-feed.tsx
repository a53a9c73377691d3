import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { SelectField, TextField } from '@/components/ui/field';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { apiError } from '@/lib/errors';
import { LANGUAGES, LANGUAGE_NAMES, useI18n } from '@/lib/i18n';
import type { VariablesOf } from '@/lib/graphql';
import { ChallengesQuery, PostingContextQuery } from '../api/challenges';
import { LEVERS, STATUSES, SUBSECTORS } from '../api/enums';
import { ChallengeCard } from './challenge-card';

type Filter = NonNullable<VariablesOf<typeof ChallengesQuery>['filter']>;

/** One page of the connection; the last page renders the next one when its sentinel scrolls into view. */
function Page({ filter, after, isLast, onMore }: { filter: Filter; after: string | null; isLast: boolean; onMore(cursor: string): void }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: ChallengesQuery, variables: { filter, after } });
  const sentinel = useRef<HTMLButtonElement>(null);
  const page = result.data?.challenges;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !next || !isLast) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onMore(next);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [next, isLast, onMore]);

  if (result.fetching && !page) return <Loading />;
  if (result.error) return <ErrorMessage error={apiError(result.error)} />;
  return (
    <>
      {page?.nodes.map((node, i) => <ChallengeCard key={i} data={node} />)}
      {after === null && page?.nodes.length === 0 ? <li className="empty">{t('challenges.feed.empty')}</li> : null}
      {isLast && next ? (
        <li>
          {/* Scrolling loads more by itself; the button is there for keyboards and screen readers. */}
          <button ref={sentinel} type="button" onClick={() => onMore(next)}>
            {t('challenges.feed.more')}
          </button>
        </li>
      ) : null}
    </>
  );
}

export function ChallengeFeed() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [material, setMaterial] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [context] = useQuery({ query: PostingContextQuery });

  function apply(next: Filter) {
    setFilter(next);
    setCursors([null]);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    apply({ ...filter, search: search.trim() || null, tag: material.trim() || null });
  }
  const onMore = (cursor: string) => setCursors((list) => (list.includes(cursor) ? list : [...list, cursor]));

  return (
    <section className="stack">
      <div className="row">
        <h1>{t('challenges.feed.title')}</h1>
        <Link className="button primary" to="/challenges/new">
          {t('challenges.new.title')}
        </Link>
      </div>
      <form role="search" onSubmit={submit} className="filters">
        <TextField label={t('challenges.feed.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <TextField label={t('challenges.feed.material')} value={material} onChange={(e) => setMaterial(e.target.value)} />
        <button type="submit">{t('challenges.feed.searchSubmit')}</button>
        <SelectField label={t('challenges.feed.network')} value={filter.networkId ?? ''} onChange={(e) => apply({ ...filter, networkId: e.target.value || null })}>
          <option value="">{t('challenges.feed.any')}</option>
          {context.data?.networks.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('challenges.feed.status')} value={filter.status ?? ''} onChange={(e) => apply({ ...filter, status: (e.target.value || null) as Filter['status'] })}>
          <option value="">{t('challenges.feed.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`challenges.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('challenges.feed.lever')} value={filter.lever ?? ''} onChange={(e) => apply({ ...filter, lever: (e.target.value || null) as Filter['lever'] })}>
          <option value="">{t('challenges.feed.any')}</option>
          {LEVERS.map((l) => (
            <option key={l} value={l}>
              {t(`challenges.lever.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('challenges.feed.subsector')} value={filter.subsector ?? ''} onChange={(e) => apply({ ...filter, subsector: (e.target.value || null) as Filter['subsector'] })}>
          <option value="">{t('challenges.feed.any')}</option>
          {SUBSECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`challenges.subsector.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('challenges.form.language')} value={filter.language ?? ''} onChange={(e) => apply({ ...filter, language: e.target.value || null })}>
          <option value="">{t('challenges.feed.any')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
      </form>
      <ul className="cards" aria-live="polite">
        {cursors.map((after, i) => (
          <Page key={after ?? 'first'} filter={filter} after={after} isLast={i === cursors.length - 1} onMore={onMore} />
        ))}
      </ul>
    </section>
  );
}
