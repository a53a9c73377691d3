import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * A chat message's Markdown as sanitised HTML. marked renders, DOMPurify drops scripts, handlers and
 * javascript: links; each remaining link opens in a new tab without handing the page to it (noopener).
 * Done on a sanitised DOM of its own rather than with a global DOMPurify hook, so other renderers keep
 * their own rules.
 */
export function sanitiseMessage(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  const root = DOMPurify.sanitize(html, { RETURN_DOM: true, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'] });
  for (const link of root.querySelectorAll('a')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const image of root.querySelectorAll('img')) if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  return root.innerHTML;
}

/** The block takes the direction of its own text (Arabic right to left, Greek and Latin left to right). */
export function MessageBody({ source, lang }: { source: string; lang: string | null }) {
  const html = useMemo(() => sanitiseMessage(source), [source]);
  return <div className="markdown chat-body" dir="auto" lang={lang ?? undefined} data-testid="chat-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
