import { RequireAuth } from '@/components/ui/require-auth';
import { NetworkDirectory } from '@/features/networks/components/network-directory';

export function Component() {
  return (
    <RequireAuth>
      <NetworkDirectory />
    </RequireAuth>
  );
}
