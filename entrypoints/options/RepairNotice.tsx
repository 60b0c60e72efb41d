// Stored settings that could not be read as they were: the options page
// repairs the person's own (writes back the repaired value once) and says
// what it changed, so nothing is fixed silently. IT's managed values are
// reported only; the extension cannot write them.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { LOCAL_ITEMS, MANAGED_ITEMS, type CheckedItem } from '../../utils/settings';

async function repairAll(): Promise<string[]> {
  const found: string[] = [];
  for (const item of LOCAL_ITEMS as readonly CheckedItem<unknown>[]) {
    const problems = await item.problems();
    if (problems.length === 0) continue;
    await item.setValue(await item.getValue());
    found.push(...problems);
  }
  for (const item of MANAGED_ITEMS as readonly CheckedItem<unknown>[]) {
    found.push(...(await item.problems().catch(() => [])));
  }
  return found;
}

export function RepairNotice() {
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    repairAll().then(setProblems, (e) => setProblems([String(e)]));
  }, []);
  if (problems.length === 0) return null;
  return (
    <div class="problems" role="alert" data-repair-notice="">
      <p>{t('settingsRepaired')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
