// On a job of a comparison (its board row, its view): how many models answered the same prompt,
// what the group cost in all, and a link to see the answers side by side.
import { Columns3 } from 'lucide-react';
import { groupCostText, groupTotals } from '../../../shared/job-group.js';
import { routeHash } from '../app/route.js';
import { useJobGroup } from '../data/use-job-group.js';
import { Icon } from '../ui/Icon.js';

export function GroupLink({ groupId }: { groupId: string }) {
  const group = useJobGroup(groupId);
  const jobs = group.data ?? [];
  const models = jobs.length > 0 ? `${jobs.length} models` : 'models';
  return (
    <a
      className="group-link"
      href={routeHash({ page: 'compare', groupId })}
      title="See the answers side by side"
      // A board row opens its job on click; this link opens the comparison instead.
      onClick={(event) => event.stopPropagation()}
    >
      <Icon of={Columns3} size={13} />
      Comparison of {models}
      {jobs.length > 0 && ` · ${groupCostText(groupTotals(jobs))}`}
    </a>
  );
}
