import { describe, expect, it } from 'vitest';
import { readOpenFence } from '../../src/renderer/src/features/conversation/markdown/open-fence';

describe('readOpenFence (code still streaming in)', () => {
  it('reads the language and the code so far', () => {
    expect(readOpenFence('```ts\nconst a = 1;\nconst b')).toEqual({ language: 'ts', code: 'const a = 1;\nconst b' });
  });

  it('takes the first word of the info string; no info string means no language', () => {
    expect(readOpenFence('~~~python title="x"\nprint(1)\n')).toEqual({ language: 'python', code: 'print(1)\n' });
    expect(readOpenFence('```\nplain')).toEqual({ language: null, code: 'plain' });
    expect(readOpenFence('```rust')).toEqual({ language: 'rust', code: '' });
  });

  it('removes as many leading spaces from code lines as the fence was indented, no more', () => {
    expect(readOpenFence('  ```js\n    deep\n  two\n one\nnone')).toEqual({ language: 'js', code: '  deep\ntwo\none\nnone' });
  });

  it('is not an open fence: a paragraph first, a fence in a list or a quote, too much indent, a backtick in a backtick info string', () => {
    expect(readOpenFence('Some text\n```ts\ncode')).toBeNull();
    expect(readOpenFence('- item\n  ```ts\n  code')).toBeNull();
    expect(readOpenFence('> ```ts\n> code')).toBeNull();
    expect(readOpenFence('    ```ts\ncode')).toBeNull();
    expect(readOpenFence('``` a`b\ncode')).toBeNull();
    expect(readOpenFence('``\ncode')).toBeNull();
  });
});
