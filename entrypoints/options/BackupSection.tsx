// All settings as one JSON file: export, and import that checks everything first.
import { useState } from 'preact/hooks';
import { parsePackJson } from '../../lib';
import { buildSettingsFile, localToday, parseSettingsFile } from '../../utils/settings-logic';
import { applySettings, readSettingsSnapshot, type ManagedSettings, type SettingKey } from '../../utils/settings-store';
import { t } from '../../utils/i18n';
import { download, FileDrop, ProblemList, Status, type Problem } from '../../ui/components';

export function BackupSection({ managed }: { managed: ManagedSettings }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');

  const exportSettings = async () => {
    download(`postguard-settings-${localToday()}.json`, buildSettingsFile(await readSettingsSnapshot()), 'application/json');
    setStatus(t('backupExported'));
  };

  const importSettings = async (text: string, fileName: string) => {
    setStatus('');
    const parsed = parseSettingsFile(text, (packText) => {
      const r = parsePackJson(packText);
      return r.ok ? [] : r.problems;
    });
    if (!parsed.ok) {
      setProblems(parsed.problems);
      requestAnimationFrame(() => document.getElementById('backup-problems')?.focus());
      return;
    }
    setProblems([]);
    const { written, skipped } = await applySettings(parsed.settings, managed.locks);
    const names = (keys: SettingKey[]) => keys.map((k) => t(`setting_${k}`)).join(', ');
    setStatus(
      [
        t('backupImported', fileName, written.length ? names(written) : t('nothing')),
        skipped.length ? t('backupSkipped', names(skipped)) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  return (
    <section aria-labelledby="backup-h" id="backup">
      <h2 id="backup-h">{t('backupHeading')}</h2>
      <p class="muted">{t('backupIntro')}</p>
      <div class="row">
        <button type="button" onClick={exportSettings}>
          {t('backupExport')}
        </button>
        <FileDrop label={t('backupImport')} hint={t('backupImportHint')} accept=".json,application/json" onFile={importSettings} testId="settings-file" />
      </div>
      <ProblemList id="backup-problems" title={t('backupRejected')} problems={problems} />
      {problems.length > 0 && <p class="muted">{t('backupNothingChanged')}</p>}
      {status && <Status text={status} />}
    </section>
  );
}
