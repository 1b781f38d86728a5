// The top bar: the app's name and its places (new job, attach a response, spend, settings).
import { ChartColumn, Link, Plus, Settings } from 'lucide-react';
import { useState } from 'react';
import { AttachDialog } from '../attach/AttachDialog.js';
import { Icon } from '../ui/Icon.js';
import { navigate, type Route } from './route.js';

export function AppHeader({ route }: { route: Route }) {
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
  const [attaching, setAttaching] = useState(false);
  return (
    <header className="app-header">
      <h1 className="app-header__brand">Mull</h1>
      <nav className="app-header__nav" aria-label="Main">
        <button
          type="button"
          className="button button--primary"
          aria-current={current('new')}
          aria-keyshortcuts="n"
          onClick={() => navigate({ page: 'new' })}
        >
          <Icon of={Plus} /> New job
        </button>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          onClick={() => setAttaching(true)}
        >
          <Icon of={Link} /> Attach response…
        </button>
        <button
          type="button"
          className="button"
          aria-current={current('spend')}
          onClick={() => navigate({ page: 'spend' })}
        >
          <Icon of={ChartColumn} /> Spend
        </button>
        <button
          type="button"
          className="button"
          aria-current={current('settings')}
          onClick={() => navigate({ page: 'settings' })}
        >
          <Icon of={Settings} /> Settings
        </button>
      </nav>
      <AttachDialog
        open={attaching}
        onClose={() => setAttaching(false)}
        onAttached={(id) => {
          setAttaching(false);
          navigate({ page: 'job', id });
        }}
      />
    </header>
  );
}
