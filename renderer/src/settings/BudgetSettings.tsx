// The monthly budget and the per-job cap: amounts in USD, empty for none, saved when a field is
// left. The composer checks each submit against them and asks first when one would be passed.
import { useId, useState } from 'react';
import type { AppSettings } from '../../../shared/ipc/contract.js';
import { useUpdateSettings } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { budgetFieldText, parseBudgetField } from './budget-field.js';

type BudgetSetting = 'monthlyBudgetUsd' | 'perJobCapUsd';

function BudgetField({
  label,
  hint,
  setting,
  settings,
}: {
  label: string;
  hint: string;
  setting: BudgetSetting;
  settings: AppSettings;
}) {
  const update = useUpdateSettings();
  const id = useId();
  const [text, setText] = useState(budgetFieldText(settings[setting]));
  const parsed = parseBudgetField(text);
  return (
    <div className="field field--narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder="None"
        aria-invalid={'problem' in parsed}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if ('amount' in parsed && parsed.amount !== settings[setting]) {
            update.mutate({ [setting]: parsed.amount });
          }
        }}
      />
      {'problem' in parsed ? (
        <p className="field__error">{parsed.problem}</p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <ErrorNote error={update.error} prefix="The budget was not saved." />
    </div>
  );
}

export function BudgetSettings({ settings }: { settings: AppSettings }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>Budget</h3>
      <p className="muted">
        Checked before a job is sent, against its estimate’s upper end and what jobs that ended this
        month cost. Past a limit the composer asks first, and the command line refuses without{' '}
        <code>--over-budget</code>. A notification comes at 80 % and 100 % of the month.
      </p>
      <div className="field-row">
        <BudgetField
          label="Monthly budget (USD)"
          hint="Per calendar month; empty for none."
          setting="monthlyBudgetUsd"
          settings={settings}
        />
        <BudgetField
          label="Per-job cap (USD)"
          hint="The most one job may cost; empty for none."
          setting="perJobCapUsd"
          settings={settings}
        />
      </div>
    </section>
  );
}
