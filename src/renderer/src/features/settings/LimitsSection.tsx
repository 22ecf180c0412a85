import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { numberFormat } from '../../components/intl-cache';
import './limits.css';

/** The contract's bounds (`settings:update`). */
const PER_MINUTE = { min: 1, max: 1000 };
const CONCURRENT = { min: 1, max: 20 };

type LimitField = 'requestsPerMinute' | 'concurrentStreams';

/**
 * "Limits": how many requests a minute and how many answers at once Parley lets through (an admin
 * policy may set them; they are shown read-only then), and whether turns that no longer fit the
 * model's context window are summarised or simply left out.
 */
export function LimitsSection() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useAppStore((s) => s.settings);
  const [policy, setPolicy] = useState<PolicyDto | null>(null);

  // The policy can change with a context sync; ask each time Settings opens.
  useEffect(() => {
    let current = true;
    void api.policy.get().then((result) => {
      if (current && result.ok) setPolicy(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  const managed = Boolean(policy?.rateLimits && (policy.rateLimits.requestsPerMinute !== undefined || policy.rateLimits.concurrentStreams !== undefined));

  return (
    <section className="settings-section limits" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('limits.heading')}</h2>
      <p className="field-help settings-section__lead">{t('limits.lead')}</p>
      {managed && policy ? (
        <ManagedLimits policy={policy} />
      ) : (
        <LimitsForm
          key={settings ? 'ready' : 'loading'}
          requestsPerMinute={settings?.requestsPerMinute ?? null}
          concurrentStreams={settings?.concurrentStreams ?? null}
        />
      )}
      <SummarizeSwitch />
    </section>
  );
}

function ManagedLimits({ policy }: { policy: PolicyDto }) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  return (
    <div className="limits__managed" data-testid="limits-managed">
      <p className="limits__managed-badge">{t('limits.managed')}</p>
      <dl className="limits__values">
        <div>
          <dt>{t('limits.perMinute')}</dt>
          <dd>{number.format(policy.effectiveRateLimits.requestsPerMinute)}</dd>
        </div>
        <div>
          <dt>{t('limits.concurrent')}</dt>
          <dd>{number.format(policy.effectiveRateLimits.concurrentStreams)}</dd>
        </div>
      </dl>
      <p className="field-help">{t('limits.managedHelp')}</p>
    </div>
  );
}

function LimitsForm({ requestsPerMinute, concurrentStreams }: { requestsPerMinute: number | null; concurrentStreams: number | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const updateRequestSettings = useAppStore((s) => s.updateRequestSettings);
  const [perMinute, setPerMinute] = useState(requestsPerMinute === null ? '' : String(requestsPerMinute));
  const [concurrent, setConcurrent] = useState(concurrentStreams === null ? '' : String(concurrentStreams));
  const [problems, setProblems] = useState<Partial<Record<LimitField, true>>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const number = numberFormat(i18n.language);
  const loaded = requestsPerMinute !== null && concurrentStreams !== null;
  const changed = perMinute !== String(requestsPerMinute) || concurrent !== String(concurrentStreams);

  const parse = (text: string, bounds: { min: number; max: number }): number | null => {
    const n = Number(text);
    return text.trim() !== '' && Number.isInteger(n) && n >= bounds.min && n <= bounds.max ? n : null;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const a = parse(perMinute, PER_MINUTE);
    const b = parse(concurrent, CONCURRENT);
    const found: Partial<Record<LimitField, true>> = {};
    if (a === null) found.requestsPerMinute = true;
    if (b === null) found.concurrentStreams = true;
    setProblems(found);
    if (a === null || b === null) return;
    setBusy(true);
    const failure = await updateRequestSettings({ requestsPerMinute: a, concurrentStreams: b });
    setBusy(false);
    setError(failure);
    setDone(failure === null);
  };

  const field = (name: LimitField, label: string, value: string, setValue: (v: string) => void, bounds: { min: number; max: number }) => (
    <div className="limits__field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        inputMode="numeric"
        min={bounds.min}
        max={bounds.max}
        step={1}
        value={value}
        disabled={!loaded}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `${id}-${name}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setProblems((current) => {
            const { [name]: _gone, ...rest } = current;
            return rest;
          });
          setDone(false);
        }}
      />
      {problems[name] && (
        <p id={`${id}-${name}-error`} className="field-error" role="alert">
          {t('limits.invalid', { min: number.format(bounds.min), max: number.format(bounds.max) })}
        </p>
      )}
    </div>
  );

  return (
    <form className="limits__form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="limits__fields">
        {field('requestsPerMinute', t('limits.perMinute'), perMinute, setPerMinute, PER_MINUTE)}
        {field('concurrentStreams', t('limits.concurrent'), concurrent, setConcurrent, CONCURRENT)}
        <button type="submit" className="button limits__apply" disabled={!loaded || busy || !changed}>
          {t('limits.apply')}
        </button>
      </div>
      {error && <ErrorNotice code={error.code} role="alert" />}
      {done && (
        <p className="notice notice--ok" role="status">
          {t('limits.saved')}
        </p>
      )}
    </form>
  );
}

/** Saves at once when flipped, like the theme and language. */
function SummarizeSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const value = useAppStore((s) => s.settings?.summarizeOmitted ?? null);
  const updateRequestSettings = useAppStore((s) => s.updateRequestSettings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const onChange = async (next: boolean) => {
    setBusy(true);
    setError(await updateRequestSettings({ summarizeOmitted: next }));
    setBusy(false);
  };

  return (
    <div className="limits__switch">
      <div className="switch-row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={value ?? true}
          disabled={value === null || busy}
          aria-describedby={`${id}-help`}
          onChange={(e) => void onChange(e.target.checked)}
        />
        <label htmlFor={id}>{t('limits.summarize')}</label>
      </div>
      <p id={`${id}-help`} className="field-help">
        {t('limits.summarizeHelp')}
      </p>
      {error && <ErrorNotice code={error.code} role="alert" />}
    </div>
  );
}
