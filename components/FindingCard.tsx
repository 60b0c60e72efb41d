// The card that opens on a highlight (hover or keyboard focus): what was
// found, why, the clause it goes against, the suggestion, and "Ignore here".
import type { JSX } from 'preact';
import type { Finding } from '../lib';
import { t } from '../utils/i18n';
import { FindingDetails } from './FindingDetails';
import { categoryLabel } from './labels';
import { trusted } from './trusted';

export interface FindingCardProps {
  id: string;
  finding: Finding;
  style: JSX.CSSProperties;
  /** Other findings over the same words; the card can switch to them. */
  alsoHere: Finding[];
  onShow: (finding: Finding) => void;
  onIgnore: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocusIn: () => void;
  onFocusOut: () => void;
  onEscape: () => void;
}

export function FindingCard(props: FindingCardProps) {
  const { id, finding } = props;
  return (
    <div
      id={id}
      class="pg-card"
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-pg-card=""
      data-category={finding.category}
      data-rule-id={finding.ruleId}
      data-severity={finding.severity}
      style={props.style}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
      onFocusIn={props.onFocusIn}
      onFocusOut={props.onFocusOut}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onEscape();
        }
      }}
    >
      <p class="pg-card-title" id={`${id}-title`}>
        <span class="pg-swatch" aria-hidden="true" />
        {categoryLabel(finding.category)}
      </p>
      <FindingDetails finding={finding} />
      {props.alsoHere.length > 0 && (
        <p class="pg-also">
          {t('content_alsoHere')}{' '}
          {props.alsoHere.map((f) => (
            <button
              key={f.ruleId}
              type="button"
              class="pg-link"
              data-category={f.category}
              onClick={trusted(() => props.onShow(f))}
            >
              {categoryLabel(f.category)}
            </button>
          ))}
        </p>
      )}
      <div class="pg-card-actions">
        <button type="button" class="pg-button" data-pg-ignore="" onClick={trusted(props.onIgnore)}>
          {t('content_ignoreHere')}
        </button>
      </div>
    </div>
  );
}
