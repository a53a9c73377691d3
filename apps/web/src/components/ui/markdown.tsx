import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

// An image without a description is announced as its file name; user Markdown often has none, so an
// empty alt marks it decorative rather than leaving it unlabelled.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

/**
 * User Markdown as sanitised HTML: marked renders, DOMPurify removes scripts, handlers and javascript:
 * links. The block takes the direction of its own text, whatever the interface language.
 */
export function Markdown({ source, lang }: { source: string; lang?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true, breaks: true })), [source]);
  return <div className="markdown" dir="auto" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
