import { createRng, type Rng } from './prng';

/**
 * Deterministic markdown that looks like what Claude writes: headings, paragraphs with inline code,
 * emphasis and links, fenced code in several languages, GFM tables, nested lists and quotes.
 * The renderer's cost depends on the *shape* of the markdown (block count, table cells, code lines),
 * so the corpus mixes every block kind instead of repeating one sentence.
 */

const WORDS = (
  'the a of to and in is it that for on with as this be are by we can when each one all state ' +
  'render value request stream buffer index cache worker thread queue layout schema migration record ' +
  'message chat answer token model latency memory budget frame parser block table column row list ' +
  'function handler event error retry timeout limit offset cursor page window process signal file ' +
  'keeps returns reads writes moves splits joins checks starts stops waits parses builds sends ' +
  'quickly safely only never always first last next previous small large stable growing finished'
).split(' ');

const TOPICS = [
  'Streaming the answer', 'Why the parser is incremental', 'Database layout', 'Error handling', 'Retry policy',
  'Measuring frame time', 'Virtualised lists', 'Memory budget', 'Cancellation', 'Caching the blocks',
  'Schema migrations', 'Keyboard shortcuts', 'Accessibility notes', 'Packaging', 'Testing strategy',
];

const IDENTIFIERS = ['buffer', 'chunk', 'offset', 'message', 'state', 'queue', 'result', 'cursor', 'limit', 'frame', 'parser', 'block', 'stream', 'index', 'total'];

function sentence(rng: Rng, inline: boolean): string {
  const count = rng.int(8, 20);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = rng.pick(WORDS);
    const roll = inline ? rng.next() : 1;
    if (roll < 0.05) word = `\`${rng.pick(IDENTIFIERS)}${rng.chance(0.5) ? '()' : ''}\``;
    else if (roll < 0.08) word = `**${word}**`;
    else if (roll < 0.11) word = `*${word}*`;
    else if (roll < 0.12) word = `[${word}](https://example.com/docs/${rng.pick(IDENTIFIERS)})`;
    words.push(word);
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + rng.pick(['.', '.', '.', '?']);
}

export function paragraph(rng: Rng, sentences = rng.int(2, 6)): string {
  return Array.from({ length: sentences }, () => sentence(rng, true)).join(' ');
}

function heading(rng: Rng): string {
  return `${rng.chance(0.4) ? '##' : '###'} ${rng.pick(TOPICS)}`;
}

const CODE: Record<string, (rng: Rng, id: () => string) => string[]> = {
  ts: (rng, id) => [
    `export function ${id()}(${id()}: string, ${id()} = ${rng.int(1, 64)}): number {`,
    `  const ${id()} = new Map<string, number>();`,
    `  for (let i = 0; i < ${id()}.length; i += ${rng.int(1, 8)}) {`,
    `    if (${id()}.has(${id()}.slice(i, i + 4))) continue;`,
    `    ${id()}.set(${id()}.slice(i, i + 4), i);`,
    '  }',
    `  return ${id()}.size;`,
    '}',
  ],
  python: (rng, id) => [
    `def ${id()}(${id()}: list[str], ${id()}: int = ${rng.int(1, 99)}) -> dict[str, int]:`,
    `    """Count how often each ${id()} appears."""`,
    `    ${id()} = {}`,
    `    for ${id()} in ${id()}:`,
    `        ${id()}[${id()}] = ${id()}.get(${id()}, 0) + 1`,
    `    return {k: v for k, v in ${id()}.items() if v > ${rng.int(0, 3)}}`,
  ],
  rust: (rng, id) => [
    `pub fn ${id()}(${id()}: &[u8]) -> Result<usize, Error> {`,
    `    let mut ${id()} = Vec::with_capacity(${rng.int(8, 4096)});`,
    `    for (i, b) in ${id()}.iter().enumerate() {`,
    `        if *b == b'\\n' { ${id()}.push(i); }`,
    '    }',
    `    Ok(${id()}.len())`,
    '}',
  ],
  go: (rng, id) => [
    `func ${id()}(ctx context.Context, ${id()} []string) (int, error) {`,
    `\t${id()} := 0`,
    `\tfor _, ${id()} := range ${id()} {`,
    `\t\tif err := ctx.Err(); err != nil {`,
    '\t\t\treturn 0, err',
    '\t\t}',
    `\t\t${id()} += len(${id()}) * ${rng.int(1, 9)}`,
    '\t}',
    `\treturn ${id()}, nil`,
    '}',
  ],
  sql: (rng, id) => [
    `SELECT m.id, m.role, length(m.content) AS ${id()}`,
    'FROM messages m',
    `JOIN chats c ON c.id = m.chat_id`,
    `WHERE c.is_archived = 0 AND m.seq > ${rng.int(1, 10_000)}`,
    `ORDER BY m.seq DESC`,
    `LIMIT ${rng.int(10, 200)};`,
  ],
  bash: (rng, id) => [
    `for f in ./${id()}/*.log; do`,
    `  grep -c "${id()}" "$f" | awk '{ s += $1 } END { print s }'`,
    'done',
    `npm run build -- --mode ${rng.pick(['production', 'development'])}`,
  ],
  json: (rng, id) => [
    '{',
    `  "${id()}": ${rng.int(0, 1000)},`,
    `  "${id()}": "${rng.pick(WORDS)}-${rng.int(1, 99)}",`,
    `  "${id()}": [${rng.int(0, 9)}, ${rng.int(10, 99)}, ${rng.int(100, 999)}],`,
    `  "${id()}": { "enabled": ${rng.chance(0.5)} }`,
    '}',
  ],
};
const LANGUAGES = Object.keys(CODE);

function codeBlock(rng: Rng, language = rng.pick(LANGUAGES)): string {
  const id = () => rng.pick(IDENTIFIERS);
  const make = CODE[language]!;
  // Two or three functions per block: real answers hold 10-30 line snippets, not one-liners.
  const lines = Array.from({ length: rng.int(1, 3) }, (_, i) => [...(i > 0 ? [''] : []), ...make(rng, id)]).flat();
  return ['```' + language, ...lines, '```'].join('\n');
}

function table(rng: Rng): string {
  const columns = rng.int(3, 5);
  const header = Array.from({ length: columns }, (_, i) => (i === 0 ? 'Name' : rng.pick(['Cost', 'Time (ms)', 'Rows', 'Status', 'Notes', 'Owner'])));
  const align = Array.from({ length: columns }, (_, i) => (i === 0 ? '---' : rng.pick(['---', ':---:', '---:'])));
  const rows = Array.from({ length: rng.int(4, 10) }, () =>
    Array.from({ length: columns }, (_, i) =>
      i === 0 ? `\`${rng.pick(IDENTIFIERS)}\`` : rng.chance(0.5) ? String(rng.int(1, 9999)) : `${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
    ),
  );
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function nestedList(rng: Rng): string {
  const lines: string[] = [];
  const ordered = rng.chance(0.4);
  for (let i = 0; i < rng.int(3, 6); i++) {
    lines.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(rng, true)}`);
    const indent = ordered ? '   ' : '  ';
    for (let j = 0; j < rng.int(0, 3); j++) {
      lines.push(`${indent}- ${sentence(rng, true)}`);
      for (let k = 0; k < (rng.chance(0.3) ? rng.int(1, 2) : 0); k++) lines.push(`${indent}  - ${sentence(rng, false)}`);
    }
  }
  return lines.join('\n');
}

function quote(rng: Rng): string {
  return `> **Note:** ${paragraph(rng, rng.int(1, 3))}`;
}

/** One "section" the way long answers are organised: a heading, prose, then a mix of block kinds. */
function section(rng: Rng): string[] {
  const blocks = [heading(rng), paragraph(rng)];
  const extras = rng.int(2, 5);
  for (let i = 0; i < extras; i++) {
    const roll = rng.next();
    if (roll < 0.3) blocks.push(codeBlock(rng));
    else if (roll < 0.5) blocks.push(nestedList(rng));
    else if (roll < 0.65) blocks.push(table(rng));
    else if (roll < 0.72) blocks.push(quote(rng));
    else blocks.push(paragraph(rng));
  }
  return blocks;
}

/**
 * Exactly `length` characters (all in the Basic Multilingual Plane, so characters = UTF-16 units =
 * the fake server's code points). Ends in plain prose, so cutting it to length never breaks a fence.
 */
export function longAnswer(length = 100_000, seed = 20_251_121): string {
  const rng = createRng(seed);
  const blocks: string[] = [`# A long answer\n\n${paragraph(rng)}`];
  let size = blocks[0]!.length;
  for (;;) {
    const next = section(rng).join('\n\n');
    if (size + 2 + next.length > length - 400) break;
    blocks.push(next);
    size += 2 + next.length;
  }
  let text = `${blocks.join('\n\n')}\n\n`;
  while (text.length < length) text += `${sentence(rng, false)} `;
  text = `${text.slice(0, length - 1).trimEnd()}`;
  return text.padEnd(length - 1, ' ') + '.';
}

/** Counts of block kinds, so the report can say what the answer is made of. */
export function describeMarkdown(text: string): Record<string, number> {
  const lines = text.split('\n');
  return {
    characters: text.length,
    lines: lines.length,
    headings: lines.filter((l) => /^#{1,6} /.test(l)).length,
    codeBlocks: lines.filter((l) => l.startsWith('```') && l.length > 3).length,
    tableRows: lines.filter((l) => l.startsWith('| ')).length,
    listItems: lines.filter((l) => /^\s*(-|\d+\.) /.test(l)).length,
  };
}

/**
 * A realistic chat message of roughly 300-700 characters: users ask in prose, the assistant answers
 * with prose and now and then a list, a short code block or a small table.
 */
export function chatMessage(rng: Rng, role: 'user' | 'assistant'): string {
  const target = rng.int(300, 700);
  let block = '';
  if (role === 'assistant') {
    const roll = rng.next();
    if (roll < 0.25) block = ['```ts', `const ${rng.pick(IDENTIFIERS)} = ${rng.pick(IDENTIFIERS)}.slice(0, ${rng.int(1, 99)});`, '```'].join('\n');
    else if (roll < 0.5) block = `- ${sentence(rng, true)}\n- ${sentence(rng, true)}`;
    else if (roll < 0.6) block = `| a | b |\n|---|---|\n| ${rng.int(1, 99)} | ${rng.pick(WORDS)} |`;
  }
  // Prose first, then the block, so nothing is ever appended after a closing fence.
  let text = paragraph(rng, 2);
  while (text.length + block.length < target) text += ` ${sentence(rng, role === 'assistant')}`;
  return block ? `${text}\n\n${block}` : text;
}
