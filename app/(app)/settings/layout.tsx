import { SettingsNav } from '@/components/settings/settings-nav';
import { verifySession } from '@/lib/auth/dal';

/** Every settings page: the menu, then the page. Wider than the feed's column on big screens, to fit both. */
export default async function SettingsLayout({ children }: LayoutProps<'/settings'>) {
  await verifySession();
  return (
    <div className="flex flex-col gap-4 md:-mx-32 md:flex-row md:gap-8">
      <SettingsNav />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
