// Sorot analysis worker: runs the wasm core off the main thread for long
// texts. Message in: {id, text, options}; out: {id, document} or {id, error}.
import init, { analyze } from './pkg/sorot.js';

const ready = init();

self.addEventListener('message', async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
    self.postMessage({ id, document: analyze(text, options || {}) });
  } catch (error) {
    self.postMessage({ id, error: String((error && error.message) || error) });
  }
});
