// The detail pane when nothing is open: how to get going, and the keys.
export function EmptyPane() {
  return (
    <div className="pane__empty">
      <p>Select a job to see its answer, or start a new one.</p>
      <dl className="key-help">
        <div>
          <dt>
            <kbd>j</kbd> <kbd>k</kbd> or arrows
          </dt>
          <dd>move through jobs</dd>
        </div>
        <div>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>open the job</dd>
        </div>
        <div>
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>search</dd>
        </div>
        <div>
          <dt>
            <kbd>n</kbd>
          </dt>
          <dd>new job</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>close</dd>
        </div>
      </dl>
    </div>
  );
}
