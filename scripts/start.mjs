// `npm start`: build what is missing, then run the server in this process (signals reach it directly).
import { ensureApiBuilt, ensureWebBuilt } from './build-if-needed.mjs';

ensureApiBuilt();
ensureWebBuilt();
await import('../apps/api/dist/main.js');
