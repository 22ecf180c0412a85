import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDto } from '../../../../shared/domain/dto';
import { useAppStore } from '../../store';
import { selectModelList } from '../../store/settings-slice';
import { listFormat, numberFormat } from '../../components/intl-cache';
import './admin.css';

/** What the organisation's document imposes, marked as managed; shown only while a policy is in force. */
export function PolicySummary({ policy }: { policy: PolicyDto }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const models = useAppStore(selectModelList);
  const labelOf = (modelId: string) => models.find((m) => m.id === modelId)?.label ?? modelId;
  const numbers = numberFormat(i18n.language);
  const list = listFormat(i18n.language, { style: 'long', type: 'conjunction' });

  return (
    <div className="policy-summary" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="policy-summary__heading">
        {t('policy.heading')} <span className="managed-badge">{t('policy.managed')}</span>
      </h3>
      <dl className="facts">
        <dt>{t('policy.maxChats')}</dt>
        <dd>{policy.maxChats !== undefined ? numbers.format(policy.maxChats) : t('policy.notSet')}</dd>
        <dt>{t('policy.allowedModels')}</dt>
        <dd>{policy.allowedModels && policy.allowedModels.length > 0 ? list.format(policy.allowedModels.map(labelOf)) : t('policy.anyModel')}</dd>
        <dt>{t('policy.defaultModel')}</dt>
        <dd>{policy.defaultModel ? labelOf(policy.defaultModel) : t('policy.notSet')}</dd>
        <dt>{t('policy.requestsPerMinute')}</dt>
        <dd>{numbers.format(policy.effectiveRateLimits.requestsPerMinute)}</dd>
        <dt>{t('policy.concurrentStreams')}</dt>
        <dd>{numbers.format(policy.effectiveRateLimits.concurrentStreams)}</dd>
      </dl>
    </div>
  );
}
