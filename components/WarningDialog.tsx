// The warning shown when a post with findings is about to go out. A modal
// alertdialog: focus starts on "Edit post", stays inside while open, Esc
// means "Edit post". "Post anyway" may first need a reason (the pack decides).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Finding, type Severity } from '../lib';
import { t } from '../utils/i18n';
import { FindingDetails } from './FindingDetails';
import { categoryLabel, severityLabel } from './labels';
import { trusted } from './trusted';

export interface WarningDialogProps {
  findings: Finding[];
  /** A reason must be written before "Post anyway" works. */
  needsReason: boolean;
  /** e.g. "Posting as your organisation's page" */
  contextNote: string;
  /** Checking failed: say so in plain words instead of listing findings. */
  error?: string;
  onEdit: () => void;
  onPostAnyway: (reason: string) => void;
}

const FOCUSABLE = 'button, textarea, input, select, [href], [tabindex]:not([tabindex="-1"])';

export function WarningDialog(props: WarningDialogProps) {
  const { findings, needsReason } = props;
  const [reason, setReason] = useState('');
  const [showReasonError, setShowReasonError] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstButtonRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  // Focus moves in the same task that opens the dialog: a key pressed right
  // after (Esc, Enter) must reach the dialog, not the editor behind it.
  useLayoutEffect(() => {
    firstButtonRef.current?.focus();
  }, []);

  const reasonMissing = needsReason && reason.trim() === '';

  const postAnyway = (): void => {
    if (reasonMissing) {
      setShowReasonError(true);
      reasonRef.current?.focus();
      return;
    }
    props.onPostAnyway(reason.trim());
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onEdit();
    } else if (e.key === 'Tab') {
      trapTab(e, dialogRef.current);
    }
  };

  // Most severe first: a "must change" never sits below the fold under a "check".
  const byCategory = CATEGORIES.map((c) => ({ category: c, items: findings.filter((f) => f.category === c) }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => worst(b.items) - worst(a.items));
  const quoted = new Set<string>();

  return (
    <div class="pg-backdrop" onMouseDown={(e) => e.preventDefault()}>
      <div
        ref={dialogRef}
        class="pg-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pg-dialog-title"
        aria-describedby="pg-dialog-intro"
        data-pg-dialog=""
        onKeyDown={trusted(onKeyDown)}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 id="pg-dialog-title" class="pg-dialog-title">
          {t(props.error === undefined ? 'content_dialogTitle' : 'content_failedTitle')}
        </h2>
        <p id="pg-dialog-intro" class="pg-dialog-intro">
          {props.error === undefined ? `${t('content_dialogIntro')} ${props.contextNote}` : t('content_failedIntro')}
        </p>
        {props.error !== undefined && (
          <p class="pg-error" data-pg-error="">
            {t('content_failedDetail', props.error)}
          </p>
        )}
        {props.error === undefined && <p class="pg-summary" data-pg-summary="">{summary(byCategory)}</p>}
        {/* Focusable, so the list scrolls from the keyboard (arrows, PageDown, End). */}
        <div class="pg-dialog-findings" tabIndex={0} role="region" aria-label={t('content_findingsRegion')}>
          {byCategory.map((group) => (
            <section
              key={group.category}
              class="pg-group"
              data-category={group.category}
              aria-labelledby={`pg-group-${group.category}`}
            >
              <h3 id={`pg-group-${group.category}`} class="pg-group-title">
                <span class="pg-swatch" aria-hidden="true" />
                {categoryLabel(group.category)}
              </h3>
              <ul>
                {byRule(group.items).map((same) => (
                  <li key={same[0]!.ruleId} data-rule-id={same[0]!.ruleId} data-severity={same[0]!.severity}>
                    <FindingDetails finding={same[0]!} excerpts={same.map((f) => f.excerpt)} quote={false} />
                  </li>
                ))}
              </ul>
              {/* Each clause of the policy once in the whole dialog, on demand. */}
              {[...new Map(group.items.map((f) => [f.clause, f])).values()]
                .filter((f) => !quoted.has(f.clause) && quoted.add(f.clause))
                .map((f) => (
                  <details key={f.clause} class="pg-why" data-clause={f.clause}>
                    <summary>{t('content_why')}</summary>
                    <blockquote class="pg-quote">
                      <p>{f.quote}</p>
                      <footer>{t('content_policyClause', f.clauseTitle)}</footer>
                    </blockquote>
                  </details>
                ))}
            </section>
          ))}
        </div>
        {needsReason && (
          <div class="pg-reason">
            <label for="pg-reason-input">{t('content_reasonLabelRequired')}</label>
            <p id="pg-reason-help" class="pg-help">
              {t('content_reasonHelp')}
            </p>
            <textarea
              id="pg-reason-input"
              ref={reasonRef}
              rows={2}
              value={reason}
              aria-describedby={showReasonError && reasonMissing ? 'pg-reason-help pg-reason-error' : 'pg-reason-help'}
              aria-invalid={showReasonError && reasonMissing ? 'true' : undefined}
              aria-required="true"
              onInput={trusted((e) => setReason((e.currentTarget as HTMLTextAreaElement).value))}
            />
            {showReasonError && reasonMissing && (
              <p id="pg-reason-error" class="pg-error" role="alert">
                {t('content_reasonRequired')}
              </p>
            )}
          </div>
        )}
        <div class="pg-dialog-actions">
          <button ref={firstButtonRef} type="button" class="pg-button pg-primary" onClick={trusted(props.onEdit)}>
            {t('content_editPost')}
          </button>
          <button type="button" class="pg-button pg-secondary" onClick={trusted(postAnyway)}>
            {t('content_postAnyway')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Keeps Tab and Shift+Tab cycling inside the dialog. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement | null): void {
  if (!dialog) return;
  const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('disabled'));
  if (items.length === 0) return;
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && (active === first || !dialog.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

const RANK: Record<Severity, number> = { block: 2, warn: 1, info: 0 };

function worst(items: Finding[]): number {
  return Math.max(...items.map((f) => RANK[f.severity]));
}

/**
 * The one line that opens the prompt: how many things must change and how
 * many to check, and where ("2 must change before this goes out:
 * Confidentiality, Offensive. 1 to check: Professional boundaries.").
 */
function summary(groups: { category: Finding['category']; items: Finding[] }[]): string {
  const parts: string[] = [];
  for (const severity of ['block', 'warn'] as const) {
    const entries = groups.flatMap((g) => byRule(g.items).filter((same) => same[0]!.severity === severity).map(() => g.category));
    if (entries.length === 0) continue;
    const where = [...new Set(entries)].map(categoryLabel).join(', ');
    parts.push(t(severity === 'block' ? 'content_summaryMust' : 'content_summaryCheck', entries.length, where));
  }
  return parts.length > 0 ? parts.join(' ') : severityLabel('info');
}

/** One entry per rule: a rule that matched several places is listed once. */
function byRule(items: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of items) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  return [...groups.values()];
}
