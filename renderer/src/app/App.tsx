// The app's frame: header, the board on the left, what is open on the right. Owns the page-wide
// subscriptions (job events, notifications, "show this job") and keys.
import { ComparisonView } from '../compare/ComparisonView.js';
import { useCallback, useRef } from 'react';
import { JobBoard, type BoardHandle } from '../board/JobBoard.js';
import { Composer } from '../composer/Composer.js';
import { useJobEvents } from '../data/use-job-events.js';
import { JobView } from '../job/JobView.js';
import { useBrowserNotifications } from '../notifications/use-browser-notifications.js';
import { Onboarding } from '../onboarding/Onboarding.js';
import { SettingsView } from '../settings/SettingsView.js';
import { SpendView } from '../spend/SpendView.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { useFocusNextFrame } from '../ui/use-focus-next-frame.js';
import { AppHeader } from './AppHeader.js';
import { DeferredDeleteProvider } from './deferred-delete.js';
import { EmptyPane } from './EmptyPane.js';
import { navigate, parseRoute, routeHash, useRoute, type Route } from './route.js';
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

  // Opening something moves the focus to it, so a screen reader reads what opened, unless a field
  // of what opened took the focus itself (the composer's prompt).
  useFocusNextFrame(paneRef, paneKey, {
    when: paneKey !== routeHash({ page: 'board' }),
    unlessInside: true,
    preventScroll: true,
  });

  // A deleted job's pane closes and the job after it opens (or the one before, if it was last).
  const selectAfterDelete = useCallback((id: string) => {
    const stillOpen = () => {
      const now = parseRoute(window.location.hash);
      return now.page === 'job' && now.id === id;
    };
    if (!stillOpen()) return;
    boardRef.current?.move(1);
    if (stillOpen()) boardRef.current?.move(-1);
    if (stillOpen()) closePane();
  }, []);

  const openId = route.page === 'job' ? route.id : undefined;
  return (
    <DeferredDeleteProvider beforeHide={selectAfterDelete}>
      <div className="app">
        <AppHeader route={route} />
        <main className="layout">
          <ErrorBoundary label="the board">
            <JobBoard ref={boardRef} openId={openId} onOpen={openJob} />
          </ErrorBoundary>
          <div ref={paneRef} className="pane" tabIndex={-1} data-pane={route.page}>
            <ErrorBoundary label="the pane" resetKey={paneKey}>
              <PaneContent route={route} />
            </ErrorBoundary>
          </div>
        </main>
      </div>
    </DeferredDeleteProvider>
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
    case 'compare':
      return <ComparisonView groupId={route.groupId} onOpen={openJob} onClose={closePane} />;
    case 'new':
      return (
        <Composer
          onClose={closePane}
          onSubmitted={(ids) => {
            // Several at once: the first opens, and the board scrolls to it (the cursor follows).
            const [first] = ids;
            if (first !== undefined) openJob(first);
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
