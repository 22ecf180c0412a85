import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a user sees goes through i18next (ARCHITECTURE.md §6), so Russian users never meet English
 * left in the markup. This parses each renderer .tsx with the TypeScript compiler and reports:
 * - JSX text with a letter in it (`<p>Hello</p>`),
 * - a string literal with a letter as a JSX child (`<p>{'Hello'}</p>`),
 * - a string literal with a letter in a user-facing attribute (`aria-label="Close"`, `title={'Close'}`),
 *   including both branches of a conditional (`title={x ? 'Open' : 'Shut'}`).
 * Letters in any script count (\p{L}): a hard-coded Russian string is as wrong as an English one.
 */

const RENDERER = resolve(__dirname, '../../src/renderer/src');
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const LETTER = /\p{L}/u;

/**
 * Purely technical values that contain letters but are not language, each with its reason.
 * Keyed by `file:text` (file relative to src/renderer/src) so an entry cannot silently cover other files.
 */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  // (none yet: add `['features/x/Y.tsx:value', 'why it is not user language']` when one is really needed)
]);

interface Finding {
  line: number;
  kind: 'text' | 'child' | 'attribute';
  text: string;
}

function literalStrings(expression: ts.Expression): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) return [expression.head.text, ...expression.templateSpans.map((s) => s.literal.text)];
  if (ts.isParenthesizedExpression(expression)) return literalStrings(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalStrings(expression.whenTrue), ...literalStrings(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      return [...literalStrings(expression.left), ...literalStrings(expression.right)];
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalStrings(expression.right);
  }
  return [];
}

/** Hard-coded user-facing strings in one .tsx source. */
function findHardcodedStrings(source: string, fileName = 'file.tsx'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (LETTER.test(text)) findings.push({ line: lineOf(node), kind: 'text', text });
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalStrings(node.expression)) {
        if (LETTER.test(text)) findings.push({ line: lineOf(node), kind: 'child', text });
      }
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const value = node.initializer;
      if (USER_FACING_ATTRIBUTES.has(name) && value) {
        const texts = ts.isStringLiteral(value) ? [value.text] : ts.isJsxExpression(value) && value.expression ? literalStrings(value.expression) : [];
        for (const text of texts) if (LETTER.test(text)) findings.push({ line: lineOf(node), kind: 'attribute', text: `${name}="${text}"` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('no hard-coded user-facing strings in the renderer', () => {
  it('finds each kind of hard-coded string (the check itself works)', () => {
    const sample = `
      export const A = () => (
        <div title="Close" aria-label={'Open menu'} placeholder={busy ? 'Wait' : t('x')} alt={\`Photo\`}>
          Hello there
          {'Goodbye'}
          {t('ok')}
          {' · '}
          <span label="Русский">…</span>
          <input aria-label={t('fine')} title={label} data-testid="not-checked" className="not-checked" />
        </div>
      );`;
    const found = findHardcodedStrings(sample).map((f) => `${f.kind}:${f.text}`);
    expect(found).toEqual([
      'attribute:title="Close"',
      'attribute:aria-label="Open menu"',
      'attribute:placeholder="Wait"',
      'attribute:alt="Photo"',
      'text:Hello there',
      'child:Goodbye',
      'attribute:label="Русский"',
    ]);
  });

  it('passes every .tsx file under src/renderer/src', () => {
    const files = tsxFiles(RENDERER);
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of files) {
      const name = relative(RENDERER, path);
      for (const finding of findHardcodedStrings(readFileSync(path, 'utf8'), name)) {
        const raw = finding.kind === 'attribute' ? finding.text.slice(finding.text.indexOf('"') + 1, -1) : finding.text;
        if (ALLOWED.has(`${name}:${raw}`)) continue;
        problems.push(`${name}:${finding.line} ${finding.kind} ${JSON.stringify(finding.text)}`);
      }
    }
    expect(problems, 'put these through t() and the en/ru locale files').toEqual([]);
  });
});
