import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './layout';

// Every page is its own chunk, fetched when first visited; the first load carries only the shell.
const router = createBrowserRouter([
  {
    element: <Layout />,
    // The first page's chunk is loading; the layout's own Suspense shows progress.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: () => import('./routes/home') },
      { path: 'login', lazy: () => import('./routes/login') },
      { path: 'signup', lazy: () => import('./routes/signup') },
      { path: 'profile', lazy: () => import('./routes/profile') },
      { path: 'challenges/new', lazy: () => import('./routes/challenge-new') },
      { path: 'challenges/:challengeId', lazy: () => import('./routes/challenge') },
      { path: 'challenges/:challengeId/edit', lazy: () => import('./routes/challenge-edit') },
      { path: 'notifications', lazy: () => import('./routes/notifications') },
      { path: 'organisations', lazy: () => import('./routes/organisations') },
      { path: 'organisations/new', lazy: () => import('./routes/organisation-new') },
      { path: 'organisations/:organisationId', lazy: () => import('./routes/organisation') },
      { path: 'invitations', lazy: () => import('./routes/invitations') },
      { path: 'networks', lazy: () => import('./routes/networks') },
      { path: 'networks/:networkId', lazy: () => import('./routes/network') },
      { path: 'chat', lazy: () => import('./routes/chat') },
      { path: 'chat/:channelId', lazy: () => import('./routes/chat-channel') },
      { path: 'matchmaking', lazy: () => import('./routes/matchmaking') },
      { path: 'matchmaking/:sessionId', lazy: () => import('./routes/matchmaking-session') },
      { path: 'matchmaking/:sessionId/register', lazy: () => import('./routes/matchmaking-register') },
      { path: 'matchmaking/:sessionId/marketplace', lazy: () => import('./routes/matchmaking-marketplace') },
      { path: 'matchmaking/agenda/:participantId', lazy: () => import('./routes/matchmaking-agenda') },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
