import { ROUTES } from '@/lib/routes';
import { SettingsSection } from './settings-section';

/** "Download your data": a plain link to the export, so the browser saves the file as it arrives. */
export function DownloadData() {
  return (
    <SettingsSection id="download-data" title="Your data">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        A JSON file with your profile, your posts (captions, alt text, links to the photos), your comments, likes and
        follows, and where you have logged in. Of other people it holds only their usernames.
      </p>
      <a
        href={ROUTES.accountExport}
        download
        className="self-start rounded-lg border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
      >
        Download your data
      </a>
    </SettingsSection>
  );
}
