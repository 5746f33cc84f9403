/**
 * Images across the registries of a registries file: listing with labels and
 * filters, picking one by what it is, and the listing as a table, JSON or an HTML page.
 */
export { listImages, type ListedRegistry, type ListOptions, type ListProgress, type Listing } from './list.js';
export { matches, parseSince, type ImageFilter } from './filter.js';
export { pullRef, type ImageRow } from './image.js';
export { formatTable, formatJson, tableCells, COLUMNS } from './table.js';
export { renderHtml } from './html.js';
export { parseQuery, resolveQuery, describeChoice, type ImageQuery } from './query.js';
export { listImagesForJob, type ImagesJob } from './job.js';
