// The top bar: the app's name and its places (new job, spend, settings).
import { ChartColumn, Plus, Settings } from 'lucide-react';
import { Icon } from '../ui/Icon.js';
import { navigate, type Route } from './route.js';

export function AppHeader({ route }: { route: Route }) {
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
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
    </header>
  );
}
