import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** What the figures were measured on: they mean little without the machine and the build. */
export function machineInfo(root: string, chromiumVersion: string, rendererDir: string): Record<string, unknown> {
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const cpuList = cpus();
  return {
    chromium: chromiumVersion,
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    gitCommit: git('rev-parse', 'HEAD'),
    // Uncommitted renderer changes are common while work is in progress: say so next to the figures.
    rendererUncommittedFiles: (git('status', '--porcelain', '--', 'src/renderer') ?? '').split('\n').filter(Boolean).length,
    // Content-hashed bundle names identify the exact renderer build that was measured.
    rendererAssets: readdirSync(`${rendererDir}/assets`).sort(),
  };
}
