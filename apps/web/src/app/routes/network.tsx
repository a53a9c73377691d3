import { useParams } from 'react-router';
import { RequireAuth } from '@/components/ui/require-auth';
import { NetworkView } from '@/features/networks/components/network-view';

export function Component() {
  const { networkId } = useParams();
  return <RequireAuth>{networkId ? <NetworkView key={networkId} networkId={networkId} /> : null}</RequireAuth>;
}
