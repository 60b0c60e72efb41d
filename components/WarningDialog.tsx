// The warning shown when a post with findings is about to go out. A modal
// alertdialog: focus starts on "Edit post", stays inside while open, Esc
// means "Edit post". "Post anyway" may first need a reason (the pack decides).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Finding } from '../lib';
import { t } from '../utils/i18n';
import { FindingDetails } from './FindingDetails';
import { categoryLabel } from './labels';
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

  const byCategory = CATEGORIES.map((c) => ({ category: c, items: findings.filter((f) => f.category === c) })).filter(
    (g) => g.items.length > 0,
  );

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
        <div class="pg-dialog-findings">
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
                    <FindingDetails finding={same[0]!} excerpts={same.map((f) => f.excerpt)} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        {needsReason && (
          <div class="pg-reason">
            <label for="pg-reason-input">{t('content_reasonLabel')}</label>
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

/** One entry per rule: a rule that matched several places quotes its clause once. */
function byRule(items: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of items) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  return [...groups.values()];
}
