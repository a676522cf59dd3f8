'use client';

import { useRouter } from 'next/navigation';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ACCEPTED_FORMATS, ACCEPTED_MIME_TYPES } from '@/lib/media/accepted';
import { ALT_MAX, CAPTION_MAX, POST_MESSAGES, UPLOAD_MAX_BYTES, altProblem, captionProblem } from '@/lib/posts/limits';
import { loginPath } from '@/lib/routes';
import { type PreparedPhoto, preparePhoto } from './prepare-photo';
import { CountedField } from '@/components/ui/counted-field';
import { fieldClass } from '@/components/ui/field-class';
import { FieldError } from '@/components/ui/field-error';

type Field = 'photo' | 'caption' | 'alt';
type Errors = Partial<Record<Field | 'form', string>>;
type Progress = { sent: number; total: number } | null;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

type Answer = { status: number; body: { id?: number; url?: string; error?: string; fields?: Partial<Record<Field, string[]>> } };

/** XMLHttpRequest, not fetch: only it reports how many bytes of the body have been sent. */
function send(form: FormData, onProgress: (sent: number, total: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/posts');
    request.responseType = 'json';
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total);
    request.onload = () => resolve({ status: request.status, body: (request.response ?? {}) as Answer['body'] });
    request.onerror = () => reject(new Error('network'));
    request.send(form);
  });
}

/** The form of /new: pick (or drop, or paste) a photo, see the crop, caption it, share it. */
export function NewPostForm() {
  const router = useRouter();
  const [photo, setPhoto] = useState<{ file: File; prepared: PreparedPhoto } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [caption, setCaption] = useState('');
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<Progress>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const formError = useRef<HTMLParagraphElement>(null);
  /** Read by the paste listener, which outlives renders. */
  const sending = useRef(false);
  const ids = useId();
  const uploading = progress !== null;

  const preview = photo?.prepared.preview;
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  async function choose(file: File | undefined) {
    // Never swap the photo while one is on its way.
    if (!file || sending.current) return;
    setErrors((e) => ({ ...e, photo: undefined, form: undefined }));
    setPreparing(true);
    try {
      setPhoto({ file, prepared: await preparePhoto(file) });
    } finally {
      setPreparing(false);
    }
  }

  // Paste a photo anywhere on the page, as in a chat app.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (file) {
        event.preventDefault();
        void choose(file);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  function check(): Errors {
    const found: Errors = {};
    if (!photo) found.photo = POST_MESSAGES.noPhoto;
    else if (photo.prepared.upload.size > UPLOAD_MAX_BYTES) found.photo = POST_MESSAGES.photoTooLarge;
    found.caption = captionProblem(caption);
    found.alt = altProblem(alt);
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    if (!photo || Object.values(found).some(Boolean)) {
      refuse(found);
      return;
    }
    setErrors({});

    const form = new FormData();
    form.set('photo', photo.prepared.upload, photo.file.name);
    form.set('caption', caption);
    form.set('alt', alt);
    sending.current = true;
    setProgress({ sent: 0, total: photo.prepared.upload.size });
    try {
      const { status, body } = await send(form, (sent, total) => setProgress({ sent, total }));
      if (status === 201 && body.url) {
        router.push(body.url);
        return;
      }
      if (status === 401) {
        router.push(loginPath('/new'));
        return;
      }
      const fields = body.fields ?? {};
      const message = body.error ?? 'Something went wrong. Please try again.';
      refuse(
        fields.photo || fields.caption || fields.alt
          ? { photo: fields.photo?.[0], caption: fields.caption?.[0], alt: fields.alt?.[0] }
          : [413, 415, 422].includes(status)
            ? { photo: message }
            : { form: message },
      );
    } catch {
      refuse({ form: 'The upload did not reach us. Check your connection and try again: nothing was shared.' });
    }
  }

  function refuse(found: Errors) {
    sending.current = false;
    setProgress(null);
    setErrors(found);
    focusFirstProblem(found);
  }

  /** Focus goes where the first problem is: its field, or the message above the button. */
  function focusFirstProblem(found: Errors) {
    const field = (['photo', 'caption', 'alt'] as const).find((name) => found[name]);
    // After React has shown the error (and enabled the fields again).
    requestAnimationFrame(() => (field ? document.getElementById(`${ids}-${field}`)?.focus() : formError.current?.focus()));
  }

  const describe = (field: Field, hint?: string) => [hint, `${ids}-${field}-error`].filter(Boolean).join(' ');

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-busy={uploading || undefined}>
      <div className="flex flex-col gap-2">
        <label htmlFor={`${ids}-photo`} className="text-sm font-medium">
          Photo
        </label>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed p-4 text-center transition ${
            dragging ? 'border-brand bg-orange-50 dark:bg-orange-950/30' : 'border-neutral-300 dark:border-neutral-700'
          } ${errors.photo ? 'border-red-600' : ''}`}
        >
          {preview ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={preview} alt="Preview: the photo as it will be shared" className="max-h-[60vh] w-full rounded-lg object-contain" />
          ) : photo ? (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">This browser cannot preview {photo.file.name}; we will check it when you share.</p>
          ) : (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">Drag a photo here, paste one, or choose a file.</p>
          )}
          <input
            ref={fileInput}
            id={`${ids}-photo`}
            name="photo"
            type="file"
            accept={ACCEPTED_MIME_TYPES}
            disabled={uploading}
            aria-invalid={errors.photo ? true : undefined}
            aria-describedby={describe('photo', `${ids}-photo-hint`)}
            onChange={(e) => void choose(e.target.files?.[0])}
            className="w-full max-w-xs text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-neutral-100 file:px-3 file:py-2 file:font-semibold dark:file:bg-neutral-800 dark:file:text-neutral-100"
          />
        </div>
        <p id={`${ids}-photo-hint`} className="text-xs text-neutral-500 dark:text-neutral-400">
          {ACCEPTED_FORMATS}, up to {UPLOAD_MAX_BYTES / (1024 * 1024)} MB. It is cropped to between 4:5 and 1.91:1, and everything but the pixels (location, camera) is removed.
          {preparing ? ' Preparing the preview…' : ''}
        </p>
        <FieldError id={`${ids}-photo-error`}>{errors.photo}</FieldError>
      </div>

      <CountedField
        multiline
        id={`${ids}-caption`}
        label="Caption"
        name="caption"
        rows={4}
        value={caption}
        onChange={(e) => setCaption(e.target.value)}
        disabled={uploading}
        length={caption.length}
        max={CAPTION_MAX}
        error={errors.caption}
      />

      <div className="flex flex-col gap-1">
        <label htmlFor={`${ids}-alt`} className="text-sm font-medium">
          Alt text
        </label>
        <input
          id={`${ids}-alt`}
          name="alt"
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          disabled={uploading}
          aria-invalid={errors.alt ? true : undefined}
          aria-describedby={describe('alt', `${ids}-alt-hint`)}
          className={fieldClass}
        />
        <p id={`${ids}-alt-hint`} className="text-xs text-neutral-500 dark:text-neutral-400">
          Optional: describes the photo to people who use a screen reader. {ALT_MAX - alt.trim().length} characters left.
        </p>
        <FieldError id={`${ids}-alt-error`}>{errors.alt}</FieldError>
      </div>

      {progress ? (
        <div className="flex flex-col gap-1">
          <progress
            max={progress.total || 1}
            value={progress.sent}
            aria-label="Upload progress"
            aria-valuetext={progress.sent < progress.total ? `${megabytes(progress.sent)} of ${megabytes(progress.total)} sent` : 'Sent; processing the photo'}
            className="h-2 w-full overflow-hidden rounded-full accent-brand"
          />
          <p className="text-xs text-neutral-500 dark:text-neutral-400" aria-live="polite">
            {progress.sent < progress.total ? `${megabytes(progress.sent)} of ${megabytes(progress.total)} sent` : 'Sent. Processing the photo…'}
          </p>
        </div>
      ) : null}

      <p ref={formError} tabIndex={-1} role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {errors.form}
      </p>

      <button
        type="submit"
        disabled={uploading || preparing}
        aria-busy={uploading || undefined}
        className="rounded-lg bg-brand px-4 py-2.5 font-semibold text-white transition hover:bg-brand-strong disabled:cursor-wait disabled:opacity-70"
      >
        Share
      </button>
    </form>
  );
}
