import { z } from 'zod';

/**
 * Issue 17: the start page of each role (home.get): what is waiting for the signed-in user, each
 * line with the place where the work is done. Filled in by the home feature.
 */
export const homeView = z.object({});
export type HomeView = z.infer<typeof homeView>;
