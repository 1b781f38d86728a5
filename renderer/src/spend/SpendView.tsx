// What the jobs cost: today, this month (against the monthly budget, if one is set), by day and
// by model.
import { formatUsd } from '../../../shared/cost.js';
import { useBudget, useSpend } from '../data/use-app-data.js';
import { formatDay } from '../format/dates.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { PaneHeading } from '../ui/PaneHeading.js';

export function SpendView({ onClose }: { onClose: () => void }) {
  const spend = useSpend();
  const monthlyBudget = useBudget().data?.monthlyBudgetUsd;
  return (
    <section className="spend" aria-labelledby="spend-title">
      <PaneHeading titleId="spend-title" closeLabel="Close spend" onClose={onClose}>
        Spend
      </PaneHeading>
      <ErrorNote error={spend.error} prefix="Spend could not be loaded." />
      {spend.isPending && <p className="pane__loading">Adding up…</p>}
      {spend.data && (
        <>
          <dl className="spend-totals">
            <div>
              <dt>Today</dt>
              <dd>{formatUsd(spend.data.today)}</dd>
            </div>
            <div>
              <dt>This month</dt>
              <dd>{formatUsd(spend.data.thisMonth)}</dd>
            </div>
            {monthlyBudget !== null && monthlyBudget !== undefined && (
              <div>
                <dt>Monthly budget</dt>
                <dd>
                  {formatUsd(monthlyBudget)}{' '}
                  <span className="muted">
                    ({Math.round((spend.data.thisMonth / monthlyBudget) * 100)} % spent)
                  </span>
                </dd>
              </div>
            )}
          </dl>
          {spend.data.unpricedJobs > 0 && (
            <p className="muted">
              {spend.data.unpricedJobs} {spend.data.unpricedJobs === 1 ? 'job has' : 'jobs have'} no
              known price and {spend.data.unpricedJobs === 1 ? 'is' : 'are'} not counted.
            </p>
          )}
          <SpendTable
            caption="By day (last 30 days with spend)"
            firstColumn="Day"
            rows={spend.data.perDay.map((row) => ({
              key: row.day,
              name: formatDay(row.day),
              ...row,
            }))}
          />
          <SpendTable
            caption="By model"
            firstColumn="Model"
            rows={spend.data.perModel.map((row) => ({ key: row.model, name: row.model, ...row }))}
          />
        </>
      )}
    </section>
  );
}

interface SpendRow {
  key: string;
  name: string;
  cost: number;
  jobs: number;
}

function SpendTable({
  caption,
  firstColumn,
  rows,
}: {
  caption: string;
  firstColumn: string;
  rows: SpendRow[];
}) {
  return (
    <table className="spend-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col" className="numeric">
            Jobs
          </th>
          <th scope="col" className="numeric">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              Nothing yet.
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{row.jobs}</td>
              <td className="numeric">{formatUsd(row.cost)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
