'use client';

import { useActionState, useEffect, useId, useRef, useState, useTransition } from 'react';
import { CountedField } from '@/components/ui/counted-field';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ACCEPTED_FORMATS, ACCEPTED_MIME_TYPES } from '@/lib/media/accepted';
import { type ProfileFormState, saveProfile } from '@/lib/users/actions';
import { AVATAR_MAX_BYTES, BIO_MAX, DISPLAY_NAME_MAX, PROFILE_MESSAGES } from '@/lib/users/profile-limits';
import { Avatar } from './avatar';
import { prepareAvatar } from './prepare-avatar';

type ProfileFormProps = { username: string; displayName: string; bio: string; avatar: string | null };
type Chosen = { upload: Blob; preview: string | null } | null;

/** Display name, bio and profile photo; saved by a server action, errors next to their fields. */
export function ProfileForm({ username, displayName, bio, avatar }: ProfileFormProps) {
  const [state, action, pending] = useActionState(saveProfile, { values: { displayName, bio } } satisfies ProfileFormState);
  // What is typed since the last answer, for the counters (the fields themselves reset to the answer's values).
  const [typed, setTyped] = useState<{ displayName?: string; bio?: string }>({});
  const [chosen, setChosen] = useState<Chosen>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => () => void (chosen?.preview && URL.revokeObjectURL(chosen.preview)), [chosen]);

  // After an answer: a saved photo is the profile's now; a refused one stays chosen; focus goes to the first problem.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setTyped({});
    if (state.saved) setChosen(null);
  }
  useEffect(() => {
    const field = (['displayName', 'bio', 'photo'] as const).find((name) => state.errors?.[name]);
    if (field) document.getElementById(`${ids}-${field}`)?.focus();
    if (state.saved && fileInput.current) fileInput.current.value = '';
  }, [state, ids]);

  async function choose(file: File | undefined) {
    setPhotoError(null);
    if (!file) return setChosen(null);
    const prepared = await prepareAvatar(file);
    if (prepared.upload.size > AVATAR_MAX_BYTES) {
      setChosen(null);
      setPhotoError(PROFILE_MESSAGES.photoTooLarge);
      return;
    }
    setChosen(prepared);
  }

  function submit(formData: FormData) {
    formData.delete('photo');
    if (chosen) formData.set('photo', chosen.upload, 'photo.jpg');
    action(formData);
  }

  function removePhoto() {
    if (!form.current) return;
    const formData = new FormData(form.current);
    formData.delete('photo');
    formData.set('removePhoto', 'on');
    setChosen(null);
    if (fileInput.current) fileInput.current.value = '';
    startTransition(() => action(formData));
  }

  const values = state.values ?? {};
  const nameLength = (typed.displayName ?? values.displayName ?? '').length;
  const bioLength = (typed.bio ?? values.bio ?? '').length;
  const describe = (field: string, extra: string) => `${extra} ${ids}-${field}-error`;
  const photoErrors = photoError ?? state.errors?.photo?.join(' ');

  return (
    <form ref={form} action={submit} noValidate className="flex flex-col gap-5" aria-busy={pending || undefined}>
      <FormMessage message={state.saved ? undefined : state.message} />
      <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 empty:hidden dark:border-green-900 dark:bg-green-950 dark:text-green-200">
        {state.saved && !pending ? state.message : ''}
      </p>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium">Profile photo</legend>
        <div className="flex flex-wrap items-center gap-4">
          {chosen?.preview ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={chosen.preview} alt="Preview of your new profile photo" width={80} height={80} className="size-20 rounded-full object-cover" />
          ) : (
            <Avatar username={username} src={avatar} size={80} alt={avatar ? 'Your profile photo' : ''} />
          )}
          <div className="flex flex-col gap-2">
            <label htmlFor={`${ids}-photo`} className="text-sm font-medium">
              Choose a photo
            </label>
            <input
              ref={fileInput}
              id={`${ids}-photo`}
              name="photo"
              type="file"
              accept={ACCEPTED_MIME_TYPES}
              aria-invalid={photoErrors ? true : undefined}
              aria-describedby={describe('photo', `${ids}-photo-hint`)}
              onChange={(e) => void choose(e.target.files?.[0])}
              className="w-full max-w-xs text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-neutral-100 file:px-3 file:py-2 file:font-semibold dark:file:bg-neutral-800 dark:file:text-neutral-100"
            />
            {avatar ? (
              <button
                type="button"
                onClick={removePhoto}
                disabled={pending}
                className="self-start rounded-lg border border-neutral-300 px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:text-red-400 dark:hover:bg-neutral-900"
              >
                Remove photo
              </button>
            ) : null}
          </div>
        </div>
        <p id={`${ids}-photo-hint`} className="text-xs text-neutral-500 dark:text-neutral-400">
          {ACCEPTED_FORMATS}. It is cropped to a square, and everything but the pixels (location, camera) is removed.
        </p>
        <FieldError id={`${ids}-photo-error`}>{photoErrors}</FieldError>
      </fieldset>

      <CountedField
        id={`${ids}-displayName`}
        label="Display name"
        name="displayName"
        defaultValue={values.displayName}
        autoComplete="name"
        onInput={(e) => setTyped((t) => ({ ...t, displayName: e.currentTarget.value }))}
        length={nameLength}
        max={DISPLAY_NAME_MAX}
        error={state.errors?.displayName?.join(' ')}
      />
      <CountedField
        multiline
        id={`${ids}-bio`}
        label="Bio"
        name="bio"
        rows={4}
        defaultValue={values.bio}
        onInput={(e) => setTyped((t) => ({ ...t, bio: e.currentTarget.value }))}
        length={bioLength}
        max={BIO_MAX}
        error={state.errors?.bio?.join(' ')}
      />

      <SubmitButton pending={pending}>{pending ? 'Saving…' : 'Save'}</SubmitButton>
    </form>
  );
}
