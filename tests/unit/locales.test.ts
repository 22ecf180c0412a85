import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/domain/errors';
import en from '../../src/shared/locales/en/translation.json';
import ru from '../../src/shared/locales/ru/translation.json';

/**
 * The locale files are the whole UI text. These checks keep English and Russian in step and make sure
 * the code only asks for keys that exist, so a user never sees a raw key like "errors.offline".
 */

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** CLDR categories each language needs for a counted string (i18next picks by Intl.PluralRules). */
const REQUIRED_PLURALS = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** Plain keys as is; plural variants folded into their base key, with the categories present. */
function keyFamilies(flat: Map<string, unknown>): Map<string, Set<string> | null> {
  const families = new Map<string, Set<string> | null>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) {
      families.set(key, null);
      continue;
    }
    const base = key.slice(0, match.index);
    const forms = families.get(base) ?? new Set<string>();
    forms.add(match[1]!);
    families.set(base, forms);
  }
  return families;
}

const locales = { en: flatten(en as Tree), ru: flatten(ru as Tree) };
const families = { en: keyFamilies(locales.en), ru: keyFamilies(locales.ru) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('en and ru have the same keys (plural families compared by base key)', () => {
    const enKeys = [...families.en.keys()].sort();
    const ruKeys = [...families.ru.keys()].sort();
    expect(ruKeys.filter((k) => !families.en.has(k)), 'keys only in ru').toEqual([]);
    expect(enKeys.filter((k) => !families.ru.has(k)), 'keys only in en').toEqual([]);
    const pluralInOneOnly = enKeys.filter((k) => (families.en.get(k) === null) !== (families.ru.get(k) === null));
    expect(pluralInOneOnly, 'counted in one language, plain in the other').toEqual([]);
  });

  it('counted strings have every plural form each language needs', () => {
    for (const [base, forms] of families.en) {
      if (forms === null) continue;
      for (const lang of ['en', 'ru'] as const) {
        const present = families[lang].get(base);
        expect(present, `${lang}: ${base} is not a plural family`).toBeInstanceOf(Set);
        for (const form of REQUIRED_PLURALS[lang]) {
          expect(present?.has(form), `${lang}: ${base}_${form} is missing`).toBe(true);
        }
      }
    }
  });

  it('has no empty or non-string values', () => {
    for (const [lang, flat] of Object.entries(locales)) {
      for (const [key, value] of flat) {
        expect(typeof value, `${lang}: ${key}`).toBe('string');
        expect((value as string).trim(), `${lang}: ${key} is empty`).not.toBe('');
      }
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of locales.en) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const ruValue = locales.ru.get(key) ?? locales.ru.get(`${base}_other`);
      expect(vars(ruValue), `ru: ${key}`).toEqual(vars(value));
    }
  });

  it('has a message for every error code', () => {
    for (const code of ERROR_CODES) expect(locales.en.has(`errors.${code}`), `errors.${code}`).toBe(true);
  });

  it('every literal t() key used in the renderer exists in en', () => {
    const root = resolve(__dirname, '../../src/renderer/src');
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(0);
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // t('a.b'), i18next.t("a.b"), t(`a.b`) without ${}: the literal forms the typed t() also checks.
      for (const match of text.matchAll(/\bt\(\s*(['"`])([\w.-]+)\1/g)) {
        found++;
        const key = match[2]!;
        if (!families.en.has(key)) missing.push(`${relative(root, file)}: ${key}`);
      }
    }
    expect(found).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
