import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { selectModelList } from '../../store/settings-slice';
import { POLICY_LIMITS, type PolicyDraft, type PolicyNumberField } from './policy-draft';
import { numberFormat } from '../../components/intl-cache';
import './admin.css';

interface PolicyEditorProps {
  value: PolicyDraft;
  onChange: (next: PolicyDraft) => void;
  /** Number fields to mark as invalid (after a publish or export attempt). */
  invalid: readonly PolicyNumberField[];
  disabled?: boolean;
}

/** The optional policy of a published document: chat limit, allowed and default model, request limits. */
export function PolicyEditor({ value, onChange, invalid, disabled = false }: PolicyEditorProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const models = useAppStore(selectModelList);
  const numbers = numberFormat(i18n.language);

  const labelOf = (modelId: string) => models.find((m) => m.id === modelId)?.label ?? modelId;
  // Models named in a policy that this Parley does not list still show (and can be unticked).
  const choices = [...models.map((m) => m.id), ...value.allowedModels.filter((m) => !models.some((x) => x.id === m))];
  const defaultChoices = value.allowedModels.length > 0 ? value.allowedModels : choices;

  const toggleModel = (modelId: string, on: boolean) => {
    const allowedModels = on ? [...value.allowedModels, modelId] : value.allowedModels.filter((m) => m !== modelId);
    // A default outside the allowed list could never be used.
    const defaultModel = allowedModels.length > 0 && !allowedModels.includes(value.defaultModel) ? '' : value.defaultModel;
    onChange({ ...value, allowedModels, defaultModel });
  };

  const numberField = (field: PolicyNumberField, label: string) => {
    const { min, max } = POLICY_LIMITS[field];
    return (
      <div className="form-field form-field--narrow">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value[field]}
          disabled={disabled}
          aria-invalid={invalid.includes(field) || undefined}
          aria-describedby={`${id}-${field}-range`}
          onChange={(e) => onChange({ ...value, [field]: e.target.value })}
        />
        <p className="field-help" id={`${id}-${field}-range`}>
          {t('admin.publish.policy.range', { min: numbers.format(min), max: numbers.format(max) })}
        </p>
      </div>
    );
  };

  return (
    <fieldset className="policy-editor" disabled={disabled}>
      <legend>{t('admin.publish.policy.heading')}</legend>
      <p className="field-help policy-editor__help">{t('admin.publish.policy.help')}</p>
      <div className="policy-editor__numbers">
        {numberField('maxChats', t('policy.maxChats'))}
        {numberField('requestsPerMinute', t('policy.requestsPerMinute'))}
        {numberField('concurrentStreams', t('policy.concurrentStreams'))}
      </div>
      <fieldset className="policy-editor__models" aria-describedby={`${id}-models-help`}>
        <legend>{t('policy.allowedModels')}</legend>
        <p className="field-help" id={`${id}-models-help`}>
          {t('admin.publish.policy.allowedHelp')}
        </p>
        <ul className="checklist">
          {choices.map((modelId) => (
            <li key={modelId}>
              <label>
                <input type="checkbox" checked={value.allowedModels.includes(modelId)} onChange={(e) => toggleModel(modelId, e.target.checked)} />{' '}
                {labelOf(modelId)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-default`}>{t('policy.defaultModel')}</label>
        <select id={`${id}-default`} value={value.defaultModel} onChange={(e) => onChange({ ...value, defaultModel: e.target.value })}>
          <option value="">{t('admin.publish.policy.noDefault')}</option>
          {defaultChoices.map((modelId) => (
            <option key={modelId} value={modelId}>
              {labelOf(modelId)}
            </option>
          ))}
        </select>
      </div>
      {invalid.length > 0 && (
        <p className="notice notice--error" role="alert">
          {t('admin.publish.policy.invalid')}
        </p>
      )}
    </fieldset>
  );
}
