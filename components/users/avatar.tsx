type AvatarProps = {
  username: string;
  /** The 320 px square profile photo, or null for the initial on the gradient. */
  src: string | null;
  /** The side in CSS pixels. */
  size: number;
  /** '' (the default) when the username is shown beside it. */
  alt?: string;
  className?: string;
};

/** A person's round profile photo, or their initial on Cookiegram's gradient. */
export function Avatar({ username, src, size, alt = '', className = '' }: AvatarProps) {
  const box = { width: size, height: size };
  if (src) {
    // A plain img: the stored rendition is already the size a profile needs (lib/media/pipeline.ts, 'square').
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt={alt} width={size} height={size} style={box} className={`shrink-0 rounded-full bg-neutral-200 object-cover dark:bg-neutral-800 ${className}`} />;
  }
  return (
    <span
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
      aria-hidden={alt ? undefined : true}
      style={{ ...box, fontSize: Math.max(12, Math.round(size * 0.42)) }}
      className={`flex shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 to-pink-600 font-semibold text-white uppercase ${className}`}
    >
      {username.charAt(0)}
    </span>
  );
}
