import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { visit } from 'unist-util-visit';
import { externalUrlOnly } from '../safe-url';
import { components } from './components';

/**
 * A tree from the Markdown worker as elements, the way react-markdown finishes its own rendering with our
 * options: raw HTML dropped (skipHtml), every URL attribute through externalUrlOnly, our components.
 * (react-markdown keeps this step private; it is its `post`, less the options we do not use.)
 */
export function hastToReact(tree: Root): ReactElement {
  visit(tree, (node, index, parent) => {
    if (node.type === 'raw' && parent && typeof index === 'number') {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'element') {
      for (const key in urlAttributes) {
        if (!Object.hasOwn(urlAttributes, key) || !Object.hasOwn(node.properties, key)) continue;
        const test = urlAttributes[key];
        if (test === null || test?.includes(node.tagName)) node.properties[key] = externalUrlOnly(String(node.properties[key] || ''));
      }
    }
    return undefined;
  });
  return toJsxRuntime(tree, { Fragment, components, ignoreInvalidStyle: true, jsx, jsxs, passKeys: true, passNode: true }) as ReactElement;
}
