import { isDuplicateKeyError } from '@pilot/runtime';
import type { SaveCounts } from './catalogue-import';

export interface CatalogueOptions {
  /** Load the demo catalogue at start-up (never meant for production). */
  seedDemoData: boolean;
}

/**
 * Replicas starting together seed the same entries at the same moment, and one of them loses an
 * insert; the winner's writes are there then, so a second pass finishes the job.
 */
export async function seedDemoCatalogue(seed: () => Promise<SaveCounts>): Promise<SaveCounts> {
  try {
    return await seed();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return seed();
  }
}
