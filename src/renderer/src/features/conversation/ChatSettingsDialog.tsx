import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatDto, ModelsDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../../../shared/domain/models';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store';
import { selectChat } from '../../store/chats-slice';
import type { ChatSamplingPatch } from '../../store/usage-slice';
import { numberFormat } from '../../components/intl-cache';
import './chat-settings.css';

/** The contract's bounds (src/shared/ipc/contract.ts, `chats:update`). */
const TEMPERATURE = { min: 0, max: 1, step: 0.05, initial: 1 };
const TOP_P = { min: 0.01, max: 1, step: 0.01, initial: 0.9 };
const MAX_TOKENS_CAP = 128_000;
/** The select's value for "no model of its own": the Settings default. */
const DEFAULT_MODEL = '';

type Sampling = 'default' | 'temperature' | 'topP';
type Field = 'model' | 'temperature' | 'topP' | 'maxTokens';
type FieldErrors = Partial<Record<Field, string>>;

/** The "Chat settings" button for the conversation header; it opens the dialog. */
export function ChatSettingsButton({ chatId }: { chatId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const hasChat = useAppStore((s) => selectChat(s, chatId) !== undefined);
  return (
    <>
      <button
        type="button"
        className="button button--small chat-settings-button"
        onClick={() => setOpen(true)}
        disabled={!hasChat}
        aria-haspopup="dialog"
      >
        <SlidersIcon />
        <span>{t('chatSettings.open')}</span>
      </button>
      {open && <ChatSettingsDialog chatId={chatId} onClose={() => setOpen(false)} />}
    </>
  );
}

function SlidersIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
      <circle cx="10" cy="4.5" r="1.5" />
      <circle cx="6" cy="11.5" r="1.5" />
    </svg>
  );
}

interface ChatSettingsDialogProps {
  chatId: string;
  onClose: () => void;
}

/**
 * A chat's own model, sampling (default, temperature or top-p: the API takes one of them) and longest
 * answer. Saved with `chats:update`; main's refusals come back per field (invalid_input details) or as
 * "your organisation manages this" (model_not_allowed).
 */
export function ChatSettingsDialog({ chatId, onClose }: ChatSettingsDialogProps) {
  const { t } = useTranslation();
  const chat = useAppStore((s) => selectChat(s, chatId));
  const models = useAppStore((s) => s.models);
  if (!chat) return null;
  return (
    <Modal title={t('chatSettings.title')} onClose={onClose} className="modal--chat-settings">
      <ChatSettingsForm chat={chat} models={models} onClose={onClose} />
    </Modal>
  );
}

function initialSampling(chat: ChatDto): Sampling {
  if (chat.temperature !== null) return 'temperature';
  if (chat.topP !== null) return 'topP';
  return 'default';
}

function ChatSettingsForm({ chat, models, onClose }: { chat: ChatDto; models: ModelsDto | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const updateChatSampling = useAppStore((s) => s.updateChatSampling);
  const [model, setModel] = useState(chat.model ?? DEFAULT_MODEL);
  const [sampling, setSampling] = useState<Sampling>(initialSampling(chat));
  const [temperature, setTemperature] = useState(String(chat.temperature ?? TEMPERATURE.initial));
  const [topP, setTopP] = useState(String(chat.topP ?? TOP_P.initial));
  const [maxTokens, setMaxTokens] = useState(chat.maxTokens === null ? '' : String(chat.maxTokens));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<AppErrorData | null>(null);
  const [managed, setManaged] = useState(false);
  const [busy, setBusy] = useState(false);

  const number = numberFormat(i18n.language);
  const compact = numberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const labelOf = (modelId: string) => models?.models.find((m) => m.id === modelId)?.label ?? modelId;
  /** The model this chat's requests will use: its own, else the Settings default. */
  const resolved = model || models?.effectiveModel || models?.defaultModel || '';
  const info = models?.models.find((m) => m.id === resolved);
  const maxCap = Math.min(MAX_TOKENS_CAP, info?.maxOutputTokens ?? MAX_TOKENS_CAP);
  const defaultMaxTokens = Math.min(DEFAULT_MAX_OUTPUT_TOKENS, maxCap);
  const unlisted = chat.model !== null && models !== null && !models.models.some((m) => m.id === chat.model);

  const clearError = (field: Field) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });
    setFormError(null);
  };

  /** The form's values as a patch of what changed; null plus field errors when something is out of range. */
  const validate = (): { patch: ChatSamplingPatch | null; errors: FieldErrors } => {
    const found: FieldErrors = {};
    const patch: ChatSamplingPatch = {};
    const nextModel = model === DEFAULT_MODEL ? null : model;
    if (nextModel !== chat.model) patch.model = nextModel;

    let nextTemperature: number | null = null;
    let nextTopP: number | null = null;
    if (sampling === 'temperature') {
      const n = Number(temperature);
      if (temperature.trim() === '' || !Number.isFinite(n) || n < TEMPERATURE.min || n > TEMPERATURE.max) found.temperature = t('chatSettings.errors.temperature');
      else nextTemperature = n;
    } else if (sampling === 'topP') {
      const n = Number(topP);
      if (topP.trim() === '' || !Number.isFinite(n) || n <= 0 || n > TOP_P.max) found.topP = t('chatSettings.errors.topP');
      else nextTopP = n;
    }
    // Both go together: the choice is one of them (or neither), whatever another window set meanwhile.
    if (nextTemperature !== chat.temperature || nextTopP !== chat.topP) {
      patch.temperature = nextTemperature;
      patch.topP = nextTopP;
    }

    let nextMaxTokens: number | null = null;
    if (maxTokens.trim() !== '') {
      const n = Number(maxTokens);
      if (!Number.isInteger(n) || n < 1 || n > maxCap) found.maxTokens = t('chatSettings.errors.maxTokens', { max: number.format(maxCap) });
      else nextMaxTokens = n;
    }
    if (nextMaxTokens !== chat.maxTokens) patch.maxTokens = nextMaxTokens;
    return { patch: Object.keys(found).length > 0 ? null : patch, errors: found };
  };

  /** main's invalid_input details, [{ path, message }], put next to the fields they name (in our words). */
  const fieldErrorsFrom = (error: AppErrorData): FieldErrors | null => {
    if (!Array.isArray(error.details)) return null;
    const found: FieldErrors = {};
    for (const detail of error.details as { path?: unknown }[]) {
      const path = typeof detail?.path === 'string' ? detail.path : '';
      if (path === 'temperature') found.temperature = t('chatSettings.errors.temperature');
      else if (path === 'topP') found[sampling === 'temperature' ? 'temperature' : 'topP'] = t('chatSettings.errors.both');
      else if (path === 'maxTokens') found.maxTokens = t('chatSettings.errors.maxTokens', { max: number.format(maxCap) });
      else if (path === 'model') found.model = t('chatSettings.errors.model');
    }
    return Object.keys(found).length > 0 ? found : null;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const { patch, errors: found } = validate();
    setErrors(found);
    setFormError(null);
    setManaged(false);
    if (!patch) return;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    const error = await updateChatSampling(chat.id, patch);
    setBusy(false);
    if (!error) {
      onClose();
      return;
    }
    if (error.code === 'model_not_allowed') {
      setManaged(true);
      return;
    }
    const perField = error.code === 'invalid_input' ? fieldErrorsFrom(error) : null;
    if (perField) setErrors(perField);
    else setFormError(error);
  };

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: Field, help?: string) => [errors[field] ? `${id}-${field}-error` : null, help ?? null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="chat-settings" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="modal__message">{t('chatSettings.lead')}</p>

      <div className="chat-settings__field">
        <label htmlFor={`${id}-model`}>{t('chatSettings.model')}</label>
        <select
          id={`${id}-model`}
          value={model}
          disabled={models === null}
          aria-invalid={errors.model || managed ? true : undefined}
          aria-describedby={describedBy('model', `${id}-model-help`)}
          onChange={(e) => {
            setModel(e.target.value);
            clearError('model');
            setManaged(false);
          }}
        >
          <option value={DEFAULT_MODEL}>
            {t('chatSettings.modelDefault', { model: models ? labelOf(models.effectiveModel) : '…' })}
          </option>
          {models?.models.map((m) => (
            <option key={m.id} value={m.id}>
              {t('chatSettings.modelOption', { model: m.label, window: compact.format(m.maxInputTokens) })}
            </option>
          ))}
          {unlisted && <option value={chat.model!}>{chat.model}</option>}
        </select>
        <p id={`${id}-model-help`} className="field-help">
          {info
            ? t('chatSettings.modelHelp', { window: number.format(info.maxInputTokens), output: number.format(info.maxOutputTokens) })
            : t('chatSettings.modelHelpUnknown')}
        </p>
        {managed && (
          <p className="notice notice--hint" role="alert" data-error-code="model_not_allowed">
            <strong>{t('chatSettings.managed')}</strong> {t('chatSettings.managedHelp')}
          </p>
        )}
        {fieldError('model')}
      </div>

      <fieldset className="chat-settings__field chat-settings__sampling">
        <legend>{t('chatSettings.sampling')}</legend>
        <div className="chat-settings__choices">
          {(['default', 'temperature', 'topP'] as const).map((value) => (
            <label key={value} className="chat-settings__choice">
              <input
                type="radio"
                name={`${id}-sampling`}
                value={value}
                checked={sampling === value}
                onChange={() => {
                  setSampling(value);
                  clearError('temperature');
                  clearError('topP');
                }}
              />
              {t(`chatSettings.samplingChoice.${value}`)}
            </label>
          ))}
        </div>
        {sampling === 'default' && <p className="field-help">{t('chatSettings.samplingDefaultHelp')}</p>}
        {sampling === 'temperature' && (
          <SliderField
            id={`${id}-temperature`}
            label={t('chatSettings.temperature')}
            help={t('chatSettings.temperatureHelp')}
            value={temperature}
            bounds={TEMPERATURE}
            error={errors.temperature}
            onChange={(v) => {
              setTemperature(v);
              clearError('temperature');
            }}
          />
        )}
        {sampling === 'topP' && (
          <SliderField
            id={`${id}-topP`}
            label={t('chatSettings.topP')}
            help={t('chatSettings.topPHelp')}
            value={topP}
            bounds={TOP_P}
            error={errors.topP}
            onChange={(v) => {
              setTopP(v);
              clearError('topP');
            }}
          />
        )}
      </fieldset>

      <div className="chat-settings__field">
        <label htmlFor={`${id}-maxTokens`}>{t('chatSettings.maxTokens')}</label>
        <input
          id={`${id}-maxTokens`}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxCap}
          step={1}
          className="chat-settings__number"
          value={maxTokens}
          placeholder={number.format(defaultMaxTokens)}
          aria-invalid={errors.maxTokens ? true : undefined}
          aria-describedby={describedBy('maxTokens', `${id}-maxTokens-help`)}
          onChange={(e) => {
            setMaxTokens(e.target.value);
            clearError('maxTokens');
          }}
        />
        <p id={`${id}-maxTokens-help`} className="field-help">
          {info
            ? t('chatSettings.maxTokensHelp', { value: number.format(defaultMaxTokens), max: number.format(maxCap), model: info.label })
            : t('chatSettings.maxTokensHelpUnknown', { value: number.format(defaultMaxTokens), max: number.format(maxCap) })}
        </p>
        {fieldError('maxTokens')}
      </div>

      {formError && <ErrorNotice code={formError.code} role="alert" />}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('chatSettings.saving') : t('chatSettings.save')}
        </button>
      </div>
    </form>
  );
}

interface SliderFieldProps {
  id: string;
  label: string;
  help: string;
  value: string;
  bounds: { min: number; max: number; step: number };
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A slider and a number box for one value: drag for a feel, type for an exact number. */
function SliderField({ id, label, help, value, bounds, error, onChange }: SliderFieldProps) {
  const n = Number(value);
  const sliderValue = Number.isFinite(n) ? Math.min(bounds.max, Math.max(bounds.min, n)) : bounds.min;
  return (
    <div className="slider-field">
      <label htmlFor={id}>{label}</label>
      <div className="slider-field__row">
        <input
          type="range"
          min={bounds.min}
          max={bounds.max}
          step={bounds.step}
          value={sliderValue}
          aria-labelledby={`${id}-label`}
          onChange={(e) => onChange(e.target.value)}
          className="slider-field__range"
        />
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={bounds.min}
          max={bounds.max}
          step={bounds.step}
          value={value}
          className="chat-settings__number"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <span id={`${id}-label`} className="sr-only">
        {label}
      </span>
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
