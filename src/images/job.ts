/**
 * Listing images from a workflow step: log in to the chosen registries with
 * their accounts of the registries file (as the promote action does), list,
 * and give back the rows for the job summary.
 */
import { accountsByDomain, loginPhase, type LoginContext } from '../credentials/index.js';
import { UserError } from '../errors.js';
import { insecureFor, loadRegistriesFile, selectRegistries } from '../registries-file/index.js';
import { dockerCredential, Sessions } from '../registry/index.js';
import { parseQuery } from './query.js';
import { listImages, type Listing, type ListProgress } from './list.js';

export interface ImagesJob extends LoginContext {
  /** Registry names; all when empty. */
  registries: string[];
  repositories: string[];
  /** Filters as a query's keys: branch=main&tag=v1.*&since=7d. */
  filter: string;
  warn(message: string): void;
  onProgress?(p: ListProgress): void;
}

export async function listImagesForJob(job: ImagesJob): Promise<Listing> {
  const file = await loadRegistriesFile(job.config);
  const chosen = selectRegistries(file, job.registries, 'registry');
  const filter = job.filter.trim()
    ? parseQuery(`images?${job.filter.trim().replace(/^\?/, '')}`, 'filter')?.filter
    : {};
  if (!filter) throw new UserError('filter: give key=value pairs joined by &, e.g. branch=main&since=7d');
  const phase = await loginPhase('images-read', accountsByDomain(chosen), job);
  try {
    const sessions = new Sessions({
      credential: (domain) => dockerCredential(domain, { ...job.env, ...phase.env }),
      insecure: (domain) => insecureFor(file, domain),
      onSecret: job.mask,
    });
    return await listImages({
      registries: chosen,
      sessions,
      repositories: job.repositories,
      filter,
      warn: job.warn,
      onProgress: job.onProgress,
    });
  } finally {
    phase.remove();
  }
}
