import { useState } from 'react';
import { TextArea } from './field';
import { Markdown } from './markdown';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  writeLabel: string;
  previewLabel: string;
  hint?: string;
  rows?: number;
}

/** A Markdown text area with a Write / Preview switch; the preview is sanitised like the published text. */
export function MarkdownEditor({ label, value, onChange, error, writeLabel, previewLabel, hint, rows = 8 }: Props) {
  const [preview, setPreview] = useState(false);
  return (
    <div className="markdown-editor">
      <div className="tabs" role="group" aria-label={label}>
        <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
          {writeLabel}
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
          {previewLabel}
        </button>
      </div>
      {preview ? (
        <div className="preview" aria-label={previewLabel} role="region">
          <Markdown source={value} />
        </div>
      ) : (
        <TextArea label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hint} rows={rows} />
      )}
    </div>
  );
}
