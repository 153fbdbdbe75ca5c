import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  // A global option, so the projects' own setting does not reach a root run: integration specs
  // wait on the real broker and store with `eventually` (15 s) and should report that first.
  testTimeout: 20_000,
});
