// What the model did on the way to its answer, one collapsible step per tool call: searches (with
// the domains they found), pages opened, code run (the code and its output), file searches, MCP
// and function calls, and anything Mull does not know yet as its JSON. Native <details>: each
// step opens with Enter or Space. Nothing here loads: an image a code run made shows its address.
import {
  Braces,
  ChevronRight,
  Code,
  FileSearch,
  Globe,
  Plug,
  ScanSearch,
  Search,
  SquareTerminal,
  type LucideIcon,
} from 'lucide-react';
import { useMemo } from 'react';
import {
  stepTitle,
  toolStepsOf,
  type OutputItem,
  type ToolStep,
} from '../../../shared/output-items.js';
import { useApi } from '../data/api-context.js';
import { openLink } from '../markdown/open-link.js';
import { isOpenableLink } from '../markdown/safe-url.js';
import { Icon } from '../ui/Icon.js';

const stepIcons: Record<ToolStep['kind'], LucideIcon> = {
  search: Search,
  open_page: Globe,
  find_in_page: ScanSearch,
  file_search: FileSearch,
  code: SquareTerminal,
  mcp_tools: Plug,
  mcp_call: Plug,
  function_call: Code,
  other: Braces,
};

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

/** The distinct domains of a search's sources, in the order found. */
export function searchDomains(sources: readonly string[]): string[] {
  return [...new Set(sources.map(domainOf))];
}

const shownDomains = 4;

function DomainLine({ sources }: { sources: readonly string[] }) {
  const domains = searchDomains(sources);
  if (domains.length === 0) return null;
  const more = domains.length - shownDomains;
  return (
    <span className="tool-step__domains">
      {domains.slice(0, shownDomains).join(', ')}
      {more > 0 ? ` and ${more} more` : ''}
    </span>
  );
}

function UrlButton({ url }: { url: string }) {
  const api = useApi();
  if (!isOpenableLink(url)) return <span className="tool-step__url">{url}</span>;
  return (
    <button
      type="button"
      className="md-link tool-step__url"
      title={`Open ${url} in your browser`}
      onClick={() => void openLink(api, url).catch(() => undefined)}
    >
      {url}
    </button>
  );
}

/** JSON arguments pretty-printed when they parse; as sent otherwise. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <div className="tool-step__block">
      <p className="tool-step__label">{label}</p>
      <pre className="tool-step__pre">
        <code>{text}</code>
      </pre>
    </div>
  );
}

function StepBody({ step }: { step: ToolStep }) {
  switch (step.kind) {
    case 'search':
      return step.sources.length === 0 ? (
        <p className="muted">No sources were listed for this search.</p>
      ) : (
        <ul className="tool-step__list" aria-label="Sources found">
          {step.sources.map((url, index) => (
            <li key={index}>
              <UrlButton url={url} />
            </li>
          ))}
        </ul>
      );
    case 'open_page':
    case 'find_in_page':
      return step.url === null ? (
        <p className="muted">The page was not named.</p>
      ) : (
        <UrlButton url={step.url} />
      );
    case 'file_search':
      return step.results.length === 0 ? (
        <p className="muted">No results were kept.</p>
      ) : (
        <ul className="tool-step__list" aria-label="Results">
          {step.results.map((result, index) => (
            <li key={index}>
              <span className="tool-step__file">{result.filename}</span>
              {result.score !== null && (
                <span className="muted"> (score {result.score.toFixed(2)})</span>
              )}
              {result.text !== null && <pre className="tool-step__pre">{result.text}</pre>}
            </li>
          ))}
        </ul>
      );
    case 'code':
      return (
        <>
          <Block label="Code" text={step.code} />
          {step.outputs.length === 0 ? (
            <p className="muted">No output was kept.</p>
          ) : (
            step.outputs.map((output, index) =>
              output.kind === 'logs' ? (
                <Block key={index} label="Output" text={output.logs} />
              ) : (
                <p key={index} className="tool-step__image">
                  An image (not loaded): <span className="tool-step__url">{output.url}</span>
                </p>
              ),
            )
          )}
        </>
      );
    case 'mcp_tools':
      return (
        <>
          {step.error !== null && <p className="tool-step__error">Error: {step.error}</p>}
          {step.tools.length > 0 && (
            <ul className="tool-step__list" aria-label="Tools">
              {step.tools.map((tool) => (
                <li key={tool}>
                  <code>{tool}</code>
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case 'mcp_call':
      return (
        <>
          <Block label="Arguments" text={prettyJson(step.arguments)} />
          {step.output !== null && <Block label="Output" text={step.output} />}
          {step.error !== null && <p className="tool-step__error">Error: {step.error}</p>}
        </>
      );
    case 'function_call':
      return <Block label="Arguments" text={prettyJson(step.arguments)} />;
    case 'other':
      return <Block label={`Item of type ${step.type}`} text={step.json} />;
  }
}

export function ToolStepView({ step }: { step: ToolStep }) {
  const unfinished = step.status !== null && step.status !== 'completed';
  return (
    <details className="tool-step" data-kind={step.kind}>
      <summary className="tool-step__summary">
        <span className="tool-step__chevron">
          <Icon of={ChevronRight} size={14} />
        </span>
        <Icon of={stepIcons[step.kind]} size={14} />
        <span className="tool-step__text">
          <span className="tool-step__title">{stepTitle(step)}</span>
          {step.kind === 'search' && <DomainLine sources={step.sources} />}
          {unfinished && (
            <span className="tool-step__status">{step.status?.replaceAll('_', ' ')}</span>
          )}
        </span>
      </summary>
      <div className="tool-step__body">
        <StepBody step={step} />
      </div>
    </details>
  );
}

function countWords(steps: readonly ToolStep[]): string {
  const count = (kinds: ReadonlyArray<ToolStep['kind']>) =>
    steps.filter((step) => kinds.includes(step.kind)).length;
  const parts: Array<[number, string, string]> = [
    [count(['search', 'file_search']), 'search', 'searches'],
    [count(['open_page', 'find_in_page']), 'page read', 'pages read'],
    [count(['code']), 'code run', 'code runs'],
    [count(['mcp_tools', 'mcp_call', 'function_call', 'other']), 'other step', 'other steps'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
}

/** The Steps section: open while the job runs (steps arrive as it works), closed once it is done. */
export function ToolSteps({ items, running }: { items: readonly OutputItem[]; running: boolean }) {
  const steps = useMemo(() => toolStepsOf(items), [items]);
  if (steps.length === 0) return null;
  return (
    <details className="job-section tool-steps" open={running} aria-label="Steps">
      <summary>
        <h3>Steps</h3> <span className="tool-steps__counts">{countWords(steps)}</span>
      </summary>
      <ol className="tool-steps__list">
        {steps.map((step) => (
          <li key={step.position}>
            <ToolStepView step={step} />
          </li>
        ))}
      </ol>
    </details>
  );
}
