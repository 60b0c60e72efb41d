// Consent register: people who may be named or shown in business posts.
import { useRef, useState } from 'preact/hooks';
import type { ConsentEntry } from '../../lib/types';
import {
  consentStatus,
  formatConsentCsv,
  mergeConsent,
  parseConsentCsv,
  sameName,
  validateConsentEntry,
} from '../../lib/consent-csv';
import { consentRegister } from '../../utils/settings';
import { localToday } from '../../utils/settings-logic';
import { t } from '../../utils/i18n';
import { useStored } from '../../ui/hooks';
import { download, FileDrop, ProblemList, Status, type Problem } from '../../ui/components';

interface FormState {
  name: string;
  coversName: boolean;
  coversPhoto: boolean;
  givenBy: ConsentEntry['givenBy'];
  given: string;
  expires: string;
  note: string;
}

const EMPTY: FormState = { name: '', coversName: true, coversPhoto: false, givenBy: 'person', given: '', expires: '', note: '' };

function toForm(e: ConsentEntry): FormState {
  return {
    name: e.name,
    coversName: e.covers.name,
    coversPhoto: e.covers.photo,
    givenBy: e.givenBy,
    given: e.given ?? '',
    expires: e.expires ?? '',
    note: e.note ?? '',
  };
}

function fromForm(f: FormState): ConsentEntry {
  const e: ConsentEntry = { name: f.name.trim().replace(/\s+/g, ' '), covers: { name: f.coversName, photo: f.coversPhoto }, givenBy: f.givenBy };
  if (f.given) e.given = f.given;
  if (f.expires) e.expires = f.expires;
  if (f.note.trim()) e.note = f.note.trim();
  return e;
}

export function ConsentSection() {
  const register = useStored(consentRegister) ?? [];
  const [form, setForm] = useState<FormState>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null); // name of the entry being edited
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const today = localToday();

  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const entry = fromForm(form);
    const problems = validateConsentEntry(entry);
    const clash = register.find((e) => sameName(e.name, entry.name) && !(editing && sameName(e.name, editing)));
    if (clash) problems.push(t('consentDuplicate', clash.name));
    setFormProblems(problems);
    if (problems.length) {
      requestAnimationFrame(() => document.getElementById('consent-form-problems')?.focus());
      return;
    }
    const next = editing ? register.map((e) => (sameName(e.name, editing) ? entry : e)) : [...register, entry];
    await consentRegister.setValue(next);
    setStatus(editing ? t('consentUpdated', entry.name) : t('consentAdded', entry.name));
    setEditing(null);
    setForm(EMPTY);
    nameInput.current?.focus();
  };

  const edit = (e: ConsentEntry) => {
    setEditing(e.name);
    setForm(toForm(e));
    setFormProblems([]);
    setStatus('');
    nameInput.current?.focus();
  };

  const remove = async (e: ConsentEntry) => {
    if (!confirm(t('consentConfirmRemove', e.name))) return;
    await consentRegister.setValue(register.filter((x) => x !== e));
    if (editing && sameName(editing, e.name)) {
      setEditing(null);
      setForm(EMPTY);
    }
    setStatus(t('consentRemoved', e.name));
  };

  const importCsv = async (text: string) => {
    setStatus('');
    const r = parseConsentCsv(text);
    if (!r.ok) {
      setImportProblems(r.errors.map((e) => ({ line: e.line, message: e.message })));
      return;
    }
    setImportProblems([]);
    const { register: next, added, updated } = mergeConsent(register, r.entries);
    await consentRegister.setValue(next);
    setStatus(t('consentImported', added, updated));
  };

  const statusLabel = (e: ConsentEntry) => {
    const s = consentStatus(e, today);
    return s === 'valid' ? t('consentValid') : s === 'expired' ? t('consentExpired') : t('consentNotYet');
  };

  return (
    <section aria-labelledby="consent-h" id="consent">
      <h2 id="consent-h">{t('consentHeading')}</h2>
      <p class="muted">{t('consentIntro')}</p>

      {register.length ? (
        <div class="table-wrap">
          <table data-testid="consent-table">
            <caption class="visually-hidden">{t('consentHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consentName')}</th>
                <th scope="col">{t('consentCovers')}</th>
                <th scope="col">{t('consentGivenBy')}</th>
                <th scope="col">{t('consentGiven')}</th>
                <th scope="col">{t('consentExpires')}</th>
                <th scope="col">{t('consentStatus')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {register.map((e) => (
                <tr key={e.name}>
                  <th scope="row">
                    {e.name}
                    {e.note && <div class="muted small">{e.note}</div>}
                  </th>
                  <td>
                    {[e.covers.name && t('consentCoversName'), e.covers.photo && t('consentCoversPhoto')].filter(Boolean).join(', ')}
                  </td>
                  <td>{e.givenBy === 'person' ? t('consentByPerson') : t('consentByKin')}</td>
                  <td>{e.given ?? '—'}</td>
                  <td>{e.expires ?? t('consentNoExpiry')}</td>
                  <td>
                    <span class={`badge ${consentStatus(e, today) === 'valid' ? '' : 'sev-warn'}`}>{statusLabel(e)}</span>
                  </td>
                  <td class="actions">
                    <button type="button" onClick={() => edit(e)} aria-label={t('consentEditLabel', e.name)}>
                      {t('edit')}
                    </button>{' '}
                    <button type="button" class="danger" onClick={() => remove(e)} aria-label={t('consentRemoveLabel', e.name)}>
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('consentEmpty')}</p>
      )}

      <form class="card" onSubmit={submit} aria-labelledby="consent-form-h" data-testid="consent-form">
        <h3 id="consent-form-h">{editing ? t('consentEditHeading', editing) : t('consentAddHeading')}</h3>
        <ProblemList id="consent-form-problems" title={t('consentFormProblems')} problems={formProblems.map((message) => ({ message }))} />
        <div class="grid">
          <label>
            {t('consentName')}
            <input ref={nameInput} type="text" required value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} autocomplete="off" />
          </label>
          <fieldset>
            <legend>{t('consentCovers')}</legend>
            <label class="inline">
              <input type="checkbox" checked={form.coversName} onChange={(e) => set({ coversName: e.currentTarget.checked })} /> {t('consentCoversName')}
            </label>
            <label class="inline">
              <input type="checkbox" checked={form.coversPhoto} onChange={(e) => set({ coversPhoto: e.currentTarget.checked })} /> {t('consentCoversPhoto')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('consentGivenBy')}</legend>
            <label class="inline">
              <input type="radio" name="givenBy" checked={form.givenBy === 'person'} onChange={() => set({ givenBy: 'person' })} /> {t('consentByPerson')}
            </label>
            <label class="inline">
              <input type="radio" name="givenBy" checked={form.givenBy === 'next-of-kin'} onChange={() => set({ givenBy: 'next-of-kin' })} /> {t('consentByKin')}
            </label>
          </fieldset>
          <label>
            {t('consentGiven')}
            <input type="date" value={form.given} onInput={(e) => set({ given: e.currentTarget.value })} />
          </label>
          <label>
            <span>
              {t('consentExpires')} <span class="muted">{t('optional')}</span>
            </span>
            <input type="date" value={form.expires} onInput={(e) => set({ expires: e.currentTarget.value })} />
          </label>
          <label>
            <span>
              {t('consentNote')} <span class="muted">{t('optional')}</span>
            </span>
            <input type="text" value={form.note} onInput={(e) => set({ note: e.currentTarget.value })} />
          </label>
        </div>
        <div class="row">
          <button type="submit" class="primary">
            {editing ? t('saveChanges') : t('consentAdd')}
          </button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setForm(EMPTY);
                setFormProblems([]);
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      </form>

      <div class="row">
        <FileDrop label={t('consentImport')} hint={t('consentImportHint')} accept=".csv,text/csv" onFile={importCsv} testId="consent-import" />
        <button type="button" disabled={!register.length} onClick={() => download(`postguard-consent-${localToday()}.csv`, formatConsentCsv(register), 'text/csv')}>
          {t('consentExport')}
        </button>
      </div>
      <ProblemList title={t('consentImportProblems')} problems={importProblems} />
      {status && <Status text={status} />}
      <p class="muted small">{t('consentLocalOnly')}</p>
    </section>
  );
}
