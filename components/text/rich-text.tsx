import { Link } from '@/components/ui/link';
import { parseEntities } from '@/lib/text/entities';
import { profilePath, tagPath } from '@/lib/routes';

type RichTextProps = {
  text: string;
  /** Usernames that exist (from existingUsernames): only those mentions become links. */
  knownUsers?: ReadonlySet<string>;
};

// Underlined, not only coloured: a link inside text must not rely on colour alone (WCAG 1.4.1).
const linkClass = 'text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-current dark:text-sky-300 dark:decoration-sky-300/50';

/** A caption or comment: text nodes, with #tags and @mentions as links. Never HTML. */
export function RichText({ text, knownUsers }: RichTextProps) {
  return parseEntities(text).map((segment, i) => {
    if (segment.kind === 'tag') {
      return (
        <Link key={i} href={tagPath(segment.tag)} className={linkClass}>
          {segment.text}
        </Link>
      );
    }
    if (segment.kind === 'mention' && knownUsers?.has(segment.username)) {
      return (
        <Link key={i} href={profilePath(segment.username)} className={linkClass}>
          {segment.text}
        </Link>
      );
    }
    return segment.text;
  });
}
