import type { Browser } from 'playwright-core';

/**
 * A fixed piece of work (script, then DOM writes each followed by a layout) timed in this Chromium:
 * the same build measures very differently on a busy shared machine, and this says how busy it was.
 * Median of three rounds, in ms; lower is faster.
 */
export async function speedCheck(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setContent('<div id="work" style="width:600px"></div>');
    // A string: this file is checked as Node code, without the DOM's types.
    const rounds = (await page.evaluate(`(() => {
      const times = [];
      const host = document.getElementById('work');
      for (let round = 0; round < 3; round++) {
        const start = performance.now();
        let sum = 0;
        for (let i = 0; i < 5e7; i++) sum += i % 7;
        for (let i = 0; i < 1000; i++) {
          host.innerHTML = '<p>' + 'word '.repeat(60) + (i + sum) + '</p><ul><li>one</li><li>two</li></ul><pre><code>const x = ' + i + ';</code></pre>';
          void host.offsetHeight;
        }
        times.push(performance.now() - start);
      }
      return times;
    })()`)) as number[];
    return Math.round(rounds.sort((a, b) => a - b)[1]!);
  } finally {
    await page.close();
  }
}
