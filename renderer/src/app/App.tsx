// The app's frame: header, the board on the left, what is open on the right. Owns the page-wide
// subscriptions (job events, notifications, "show this job") and keys.
import { useEffect, useRef } from 'react';
import { JobBoard, type BoardHandle } from '../board/JobBoard.js';
import { Composer } from '../composer/Composer.js';
import { useJobEvents } from '../data/use-job-events.js';
import { JobView } from '../job/JobView.js';
import { useBrowserNotifications } from '../notifications/use-browser-notifications.js';
import { Onboarding } from '../onboarding/Onboarding.js';
import { SettingsView } from '../settings/SettingsView.js';
import { SpendView } from '../spend/SpendView.js';
import { AppHeader } from './AppHeader.js';
import { EmptyPane } from './EmptyPane.js';
import { navigate, routeHash, useRoute, type Route } from './route.js';
import { useGlobalKeys } from './use-global-keys.js';
import { useShowJobEvents } from './use-show-job-events.js';

const openJob = (id: string) => navigate({ page: 'job', id });
const closePane = () => navigate({ page: 'board' });

export function App() {
  useJobEvents();
  useBrowserNotifications();
  useShowJobEvents();
  const route = useRoute();
  const boardRef = useRef<BoardHandle>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const paneKey = routeHash(route);

  useGlobalKeys({
    focusSearch: () => boardRef.current?.focusSearch(),
    newJob: () => navigate({ page: 'new' }),
    move: (delta) => boardRef.current?.move(delta),
    close: () => {
      closePane();
      boardRef.current?.move(0);
    },
  });

  // Opening something moves the focus to it, so a screen reader reads what opened.
  useEffect(() => {
    if (paneKey !== routeHash({ page: 'board' })) paneRef.current?.focus({ preventScroll: true });
  }, [paneKey]);

  const openId = route.page === 'job' ? route.id : undefined;
  return (
    <div className="app">
      <AppHeader route={route} />
      <main className="layout">
        <JobBoard ref={boardRef} openId={openId} onOpen={openJob} />
        <div ref={paneRef} className="pane" tabIndex={-1} data-pane={route.page}>
          <PaneContent route={route} />
        </div>
      </main>
    </div>
  );
}

function PaneContent({ route }: { route: Route }) {
  switch (route.page) {
    case 'job':
      return (
        <JobView
          key={route.id}
          id={route.id}
          onOpen={openJob}
          onClose={closePane}
          onOpenSettings={() => navigate({ page: 'settings' })}
        />
      );
    case 'new':
      return (
        <Composer
          onClose={closePane}
          onSubmitted={(ids) => {
            const [first] = ids;
            if (ids.length === 1 && first !== undefined) openJob(first);
            else closePane();
          }}
        />
      );
    case 'settings':
      return <SettingsView onClose={closePane} />;
    case 'spend':
      return <SpendView onClose={closePane} />;
    case 'board':
      return (
        <>
          <Onboarding />
          <EmptyPane />
        </>
      );
  }
}
