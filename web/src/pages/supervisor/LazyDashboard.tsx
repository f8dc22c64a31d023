import { lazy, Suspense } from 'react';
import { LoadingState } from '../../ui/States';

// Its own chunk: recharts is only fetched by those who open the dashboard.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));

export function LazyDashboard() {
  return (
    <Suspense fallback={<LoadingState />}>
      <DashboardPage />
    </Suspense>
  );
}
