import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useCopy } from '../hooks/use-copy';
import { codeLanguage, hastText, type HastLike } from './hast-text';

type PreProps = ComponentProps<'pre'> & { node?: HastLike | undefined };

/**
 * A fenced code block: a header with the language and a Copy button over the highlighted code.
 * What is copied is the source text from the syntax tree, not the highlighted markup.
 */
export function CodeBlock({ node, children, ...props }: PreProps) {
  const { t } = useTranslation();
  const { state, copy } = useCopy();
  const code = node?.children?.find((child) => child.type === 'element' && child.tagName === 'code');
  const language = codeLanguage(code);
  const text = hastText(code ?? node).replace(/\n$/, '');
  return (
    <div className="code-block">
      <div className="code-block__header">
        <span className="code-block__language">{language ?? t('code.plainText')}</span>
        <button
          type="button"
          className="code-block__copy"
          data-state={state}
          onClick={() => void copy(text)}
        >
          {state === 'copied' ? t('code.copied') : state === 'failed' ? t('code.copyFailed') : t('code.copy')}
        </button>
      </div>
      <pre {...props}>{children}</pre>
    </div>
  );
}
