'use client';

import { type RefObject, useId, useState } from 'react';
import { TextCounter } from '@/components/posts/text-counter';
import { fieldClass } from '@/components/ui/field-class';
import { COMMENT_COUNTER_FROM, COMMENT_MAX, commentProblem } from '@/lib/comments/limits';

type CommentFormProps = {
  /** Sends the text; resolves to an error message, or null once it is posted. */
  onSubmit: (text: string) => Promise<string | null>;
  inputRef: RefObject<HTMLTextAreaElement | null>;
};

/** "Add a comment" and "Post": disabled while empty or sending; on failure the text stays and the error is announced. */
export function CommentForm({ onSubmit, inputRef }: CommentFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ids = useId();
  const empty = text.trim().length === 0;
  const showCounter = text.length >= COMMENT_COUNTER_FROM;

  async function submit() {
    if (empty || sending) return;
    const problem = commentProblem(text);
    if (problem) return setError(problem);
    setSending(true);
    setError(null);
    const sent = text;
    setText('');
    const failed = await onSubmit(sent);
    setSending(false);
    if (failed) {
      setText(sent);
      setError(failed);
      inputRef.current?.focus();
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="flex flex-col gap-1.5 border-t border-neutral-200 pt-3 dark:border-neutral-800">
      <div className="flex items-end gap-2">
        <label htmlFor={`${ids}-text`} className="sr-only">
          Add a comment
        </label>
        <textarea
          ref={inputRef}
          id={`${ids}-text`}
          rows={1}
          value={text}
          placeholder="Add a comment…"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter posts, Shift+Enter starts a new line (as on Instagram).
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            void submit();
          }}
          aria-describedby={[showCounter ? `${ids}-count` : '', error ? `${ids}-error` : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={text.length > COMMENT_MAX || Boolean(error) || undefined}
          className={`${fieldClass} min-h-10 flex-1 resize-y text-sm`}
        />
        <button
          type="submit"
          disabled={empty || sending}
          className="rounded-lg px-3 py-2 text-sm font-semibold text-brand hover:bg-orange-50 disabled:opacity-50 dark:text-orange-400 dark:hover:bg-neutral-900"
        >
          Post
        </button>
      </div>
      {showCounter ? <TextCounter id={`${ids}-count`} length={text.length} max={COMMENT_MAX} /> : null}
      <p id={`${ids}-error`} role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </form>
  );
}
