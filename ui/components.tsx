// Small pieces shared by the options page and the popup. Everything that comes
// from a pack, a file or the register is rendered as text (Preact escapes it).
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';

/** A padlock drawn with SVG (emoji fonts are not everywhere); decorative. */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 5V4.5a2 2 0 1 1 4 0V6H6Z"
      />
    </svg>
  );
}

/** "Set by your organisation" next to a locked control. */
export function LockNote({ children }: { children?: ComponentChildren }) {
  return (
    <p class="lock-note" role="note">
      <LockIcon />
      <span>{children ?? t('lockedByOrg')}</span>
    </p>
  );
}

export interface Problem {
  path?: string;
  line?: number;
  message: string;
}

/** A list of problems (JSON paths or CSV lines) with a heading; announced to screen readers. */
export function ProblemList({ title, problems, id }: { title: string; problems: readonly Problem[]; id?: string }) {
  if (!problems.length) return null;
  return (
    <div class="problems" role="alert" id={id} tabIndex={-1}>
      <strong>{title}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path !== undefined && (
              <>
                <code>{p.path || '$'}</code>
                {': '}
              </>
            )}
            {p.line !== undefined && <>{t('csvLine', p.line)}: </>}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A polite status line (saved, imported, ...). */
export function Status({ text, id }: { text: string; id?: string }) {
  return (
    <p class="status-ok" role="status" aria-live="polite" id={id}>
      {text}
    </p>
  );
}

/** Saves text as a file on this device. */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file picker that also accepts a dropped file. The button opens the picker
 * (keyboard friendly); dropping a file anywhere on the zone does the same.
 */
export function FileDrop({
  label,
  hint,
  accept,
  disabled,
  onFile,
  testId,
}: {
  label: string;
  hint?: string;
  accept: string;
  disabled?: boolean;
  onFile: (text: string, name: string) => void;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const read = async (file: File | undefined | null) => {
    if (!file) return;
    onFile(await file.text(), file.name);
  };
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void read(e.dataTransfer?.files[0]);
      }}
    >
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      {hint && <span class="muted"> {hint}</span>}
      <input
        ref={input}
        type="file"
        accept={accept}
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const el = e.currentTarget;
          void read(el.files?.[0]).finally(() => {
            el.value = '';
          });
        }}
      />
    </div>
  );
}
