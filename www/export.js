// Converts a Sorot document JSON into W3C Web Annotations (JSON-LD):
// `toWebAnnotations`, which lives in ./sorot.js (so a page that loads the
// widget fetches one module, not two in a row) and is re-exported here.
export { toWebAnnotations } from './sorot.js';
