import { RequireAuth } from '@/components/ui/require-auth';
import { NotificationList } from '@/features/notifications/components/notification-list';

export function Component() {
  return (
    <RequireAuth>
      <NotificationList />
    </RequireAuth>
  );
}
