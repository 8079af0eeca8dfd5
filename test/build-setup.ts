import { execFileSync } from 'node:child_process';

// Only the tests of the built package and of the command need dist/: their project builds it once, first.
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
