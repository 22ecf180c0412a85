import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useCopy } from '../hooks/use-copy';
import { codeLanguage, hastText, type HastLike } from './hast-text';
import type { OpenFence } from './open-fence';

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

/**
 * Code still streaming in (its fence not closed yet), drawn as the Markdown renderer draws a fenced
 * block without highlighting, so nothing moves when the fence closes and the highlighted block replaces it.
 */
export function OpenCodeBlock({ fence }: { fence: OpenFence }) {
  // As remark-rehype writes it: the code without its last line ending, then one line ending.
  const text = fence.code === '' || fence.code.endsWith('\n') ? fence.code : `${fence.code}\n`;
  const className = fence.language ? `language-${fence.language}` : undefined;
  const code: HastLike = { type: 'element', tagName: 'code', properties: { className: className ? [className] : [] }, children: [{ type: 'text', value: text }] };
  return (
    <CodeBlock node={{ type: 'element', tagName: 'pre', children: [code] }}>
      <code className={className}>{text}</code>
    </CodeBlock>
  );
}
