// Everything PostGuard draws on the page, in one Preact tree inside the
// shadow root: the highlights over each editor and, when a post is stopped,
// the warning dialog.
import type { Finding } from '../../lib';
import { WarningDialog } from '../../components/WarningDialog';
import type { Composer } from './composer';
import { Highlights } from './highlights';

export interface DialogState {
  /** Changes for each stopped submission, so the dialog starts fresh. */
  id: number;
  findings: Finding[];
  needsReason: boolean;
  contextNote: string;
  /** Set when checking failed: the post is held with this error instead of findings. */
  error?: string;
  onEdit: () => void;
  onPostAnyway: (reason: string) => void;
}

export function App(props: { composers: Composer[]; dialog: DialogState | null; uiRoot: HTMLElement }) {
  const { dialog } = props;
  return (
    <>
      <Highlights composers={props.composers} uiRoot={props.uiRoot} />
      {dialog && (
        <WarningDialog
          key={dialog.id}
          findings={dialog.findings}
          needsReason={dialog.needsReason}
          contextNote={dialog.contextNote}
          error={dialog.error}
          onEdit={dialog.onEdit}
          onPostAnyway={dialog.onPostAnyway}
        />
      )}
    </>
  );
}
