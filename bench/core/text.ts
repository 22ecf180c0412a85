/** Deterministic text that looks like chat: a Zipf-like vocabulary in English with some Russian, and Markdown. */
const WORDS = (
  'the of and to a in is you that it for on with as are this be or have from by not but what all can were we when your ' +
  'there use an each which she do how their if will up other about out many then them these so some her would make like ' +
  'time has look two more write go see number no way could people my than first water been call who its now find long ' +
  'down day did get come made may part function const return value string array object request response server client ' +
  'database query index search message chat model token context window stream error retry backup export import travel ' +
  'lisbon tram jacket recipe borscht kernel compiler typescript electron sqlite keychain summary policy signature ' +
  'привет борщ свёкла капуста картофель запрос ответ модель данные поиск сервер ошибка резервная копия'
).split(' ');

export function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

/** About `length` characters of prose, sometimes with a list or a code block. */
export function chatText(random: () => number, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const kind = random();
    let part: string;
    if (kind < 0.08) part = '```ts\nconst value = await search(query, { limit: 50 });\n```';
    else if (kind < 0.16) part = `- ${sentence(random, 6)}\n- ${sentence(random, 5)}`;
    else part = sentence(random, 8 + Math.floor(random() * 12));
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join('\n\n').slice(0, length);
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() ** 2.2 * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
